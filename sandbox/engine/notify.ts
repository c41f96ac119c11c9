/** Notification emails on terminal transitions, kept in an outbox the control API exposes. */
import { rfc3339 } from '../lib/clock';
import type { SandboxCore } from './core';
import type { EsimOrder, TopupOrder } from './state';

export function notifyTerminal(core: SandboxCore, order: TopupOrder | EsimOrder): void {
  if (!order.notificationEmail || order.status === 'PENDING') return;
  const reference = order.clientReference ?? `#${order.id}`;
  const what = order.vertical === 'topup' ? 'top-up' : 'eSIM';
  const subject =
    order.status === 'DELIVERED'
      ? `Your ${what} ${order.variantName} was delivered`
      : order.status === 'FAILED'
        ? `Your ${what} could not be completed`
        : `Your ${what} was cancelled`;
  const body =
    order.status === 'DELIVERED'
      ? `${order.variantName} (reference ${reference}) has been delivered.`
      : order.status === 'FAILED'
        ? `${order.failure?.reason ?? 'The order could not be completed.'} Reference ${reference}.`
        : `Order ${reference} was cancelled and the payment refunded.`;
  core.state.emails.push({
    to: order.notificationEmail,
    vertical: order.vertical,
    orderId: order.id,
    status: order.status,
    subject,
    body,
    sentAt: rfc3339(core.now()),
  });
}
