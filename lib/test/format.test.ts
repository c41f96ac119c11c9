import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import en from '@/messages/en.json';
import { describe, expect, it } from 'vitest';
import { OrderTimeline } from '@/components/orders/order-timeline';
import type { OrderEvent } from '@/db/schema';
import { formatDateTimeUtc } from '@/lib/format';

/** The timeline's words come from the store's English messages, as on a page rendered in English. */
// createElement's typing needs the provider's required children in its props (this file is .ts, no JSX).
// eslint-disable-next-line react/no-children-prop
const inEnglish = (children: React.ReactNode) => createElement(NextIntlClientProvider, { locale: 'en', messages: en, timeZone: 'UTC', children });

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
