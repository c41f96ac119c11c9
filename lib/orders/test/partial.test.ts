import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { inEnglish } from '@/test/helpers/in-english';
import { partialDeliveryOf } from '../partial';

const order = { status: 'DELIVERED' as const, quantity: 4, retailAmount: '8.80', retailCurrency: 'USD', delivery: { partial: true, deliveredQuantity: 1 } };

describe('a partly delivered order (issue 14 #11)', () => {
  it('says how much was refunded for the codes that never came', () => {
    expect(partialDeliveryOf(order)).toMatchObject({ delivered: 1, ordered: 4 });
    expect(partialDeliveryOf(order)!.refunded.toFixed(2)).toBe('6.60');
    expect(partialDeliveryOf({ ...order, delivery: {} })).toBeNull();
  });

  it('is not shown as a green "Delivered"', () => {
    const badge = renderToStaticMarkup(inEnglish(createElement(OrderStatusBadge, { status: 'DELIVERED', partial: true })));
    expect(badge).toContain('Partly delivered');
    expect(badge).not.toContain('emerald');
  });
});
