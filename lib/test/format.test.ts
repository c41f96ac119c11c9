import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { OrderTimeline } from '@/components/orders/order-timeline';
import type { OrderEvent } from '@/db/schema';
import { formatDateTimeUtc } from '@/lib/format';
import { inEnglish } from '@/test/helpers/in-english';


const at = new Date('2026-12-01T13:36:11Z');
const event = (over: Partial<OrderEvent>): OrderEvent => ({
  id: crypto.randomUUID(),
  orderId: 'o',
  fromStatus: null,
  toStatus: 'SUBMITTING',
  source: 'checkout',
  message: null,
  payload: null,
  createdAt: at,
  ...over,
});

describe('times and timeline words (issue 14 #17)', () => {
  it('writes every moment one way', () => {
    expect(formatDateTimeUtc(at)).toBe('1 Dec 2026, 13:36 UTC');
    expect(formatDateTimeUtc(at.toISOString())).toBe('1 Dec 2026, 13:36 UTC');
  });

  it("shows customers what happened, without internal states or sources", () => {
    const events = [event({}), event({ fromStatus: 'SUBMITTING', toStatus: 'PENDING', source: 'supplier' }), event({ fromStatus: 'PENDING', toStatus: 'DELIVERED', source: 'poll' })];
    const customer = renderToStaticMarkup(inEnglish(createElement(OrderTimeline, { events })));
    expect(customer).not.toMatch(/Sending|Supplier|Live update|→/);
    expect(customer).toContain('Order placed and paid');
    expect(customer).toContain('1 Dec 2026, 13:36 UTC');
    const operator = renderToStaticMarkup(inEnglish(createElement(OrderTimeline, { events, showPayloads: true })));
    expect(operator).toContain('Sending → In progress');
  });
});
