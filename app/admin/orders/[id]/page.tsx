import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Panel } from '@/components/admin/panel';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { OrderTimeline } from '@/components/orders/order-timeline';
import { loadOrderDetail } from '@/lib/admin/orders';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { Decimal, formatMoney } from '@/lib/money';
import { redeemedOnLabel } from '@/lib/orders/gift-code-state';
import { ACTIVE_STATUSES } from '@/lib/orders/status';
import { CancelUnpaidOrderForm, RefreshOrderForm, RefundOrderForm, ResendNotificationForm, SettleLateDeliveryForm } from './_components/order-actions';
import { timestampFormat } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { listOrderWebhookEvents } from '@/lib/webhooks/octopus';

export const generateMetadata = operatorMetadata('Order');

const verticalNames = { voucher: 'Voucher', topup: 'Top-up', esim: 'eSIM' } as const;

/** A card payment's state in the operator's words. */
const cardPaymentLabels = {
  created: 'checkout page not opened yet',
  open: 'waiting for the customer on Stripe',
  paid: 'paid (captured)',
  expired: 'not paid (checkout closed)',
} as const;

function Facts({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-zinc-500">{term}</dt>
          <dd className="min-w-0 break-words">{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function OperatorOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireOperator(`/admin/orders/${encodeURIComponent(id)}`);
  const detail = await loadOrderDetail(id);
  if (!detail) notFound();
  const { order, customer, events, payment, refunds, giftCode } = detail;
  const webhooks = await listOrderWebhookEvents(order.id);
  const retail = new Decimal(order.retailAmount);
  const wholesale = new Decimal(order.wholesaleAmount);
  const stuck = ACTIVE_STATUSES.includes(order.status);
  const partial = order.delivery.partial === true;
  const lateDelivery = order.delivery.supplierWatch === 'late_delivery';

  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/orders" className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
          ← Orders
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight">Order #{order.number}</h1>
          <span data-testid="admin-order-status">
            <OrderStatusBadge status={order.status} partial={partial} />
          </span>
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {verticalNames[order.vertical]} · {order.productName}
          {order.variantName ? ` · ${order.variantName}` : ''}
          {order.quantity > 1 ? ` × ${order.quantity}` : ''} · placed {timestampFormat.format(order.createdAt)} UTC
        </p>
      </div>

      {lateDelivery && (
        <div role="alert" className="rounded-2xl bg-red-50 p-4 text-sm text-red-950 ring-1 ring-red-200 dark:bg-red-950 dark:text-red-100 dark:ring-red-900" data-testid="late-delivery">
          <p className="font-semibold">Delivered by the supplier after it was refunded</p>
          <p className="mt-1">
            The customer has their money back, and the supplier charged the store&rsquo;s wallet and delivered
            {order.deliverySecret ? ' (the codes are stored with this order)' : ''}. Decide what happens (for example, claim it back from the supplier), then mark it as handled.
          </p>
          <div className="mt-3 max-w-md">
            <SettleLateDeliveryForm orderId={order.id} />
          </div>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <div className="grid gap-6 md:grid-cols-2">
            <Panel title="Customer" id="customer">
              <Facts
                items={[
                  [
                    'Email',
                    customer.id ? (
                      <Link key="email" href={`/admin/customers/${customer.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
                        {customer.email}
                      </Link>
                    ) : (
                      `${customer.email} (guest)`
                    ),
                  ],
                  ['Name', customer.name],
                  ['Recipient', order.recipient ? <span key="recipient" className="font-mono" data-testid="admin-order-recipient">{order.recipient}</span> : null],
                  ...Object.entries(order.inputData).map(([key, value]): [string, React.ReactNode] => [key, <span key={key} className="font-mono">{value}</span>]),
                ]}
              />
            </Panel>
            <Panel title="Money" id="money">
              <Facts
                items={[
                  ['Retail', <span key="retail" className="tabular-nums">{formatMoney(retail, order.retailCurrency)}</span>],
                  ['Wholesale', <span key="wholesale" className="tabular-nums">{formatMoney(wholesale, order.wholesaleCurrency)}</span>],
                  [
                    'Margin',
                    order.status === 'DELIVERED' ? (
                      <span key="margin" className="tabular-nums" data-testid="admin-order-margin">
                        {formatMoney(retail.minus(wholesale), order.retailCurrency)} ({new Decimal(order.markupPercent).toString()}% markup){partial ? ' before the partial refund' : ''}
                      </span>
                    ) : (
                      'None: not delivered'
                    ),
                  ],
                  [
                    'Paid with',
                    <span key="method" data-testid="admin-order-payment">
                      {order.paymentProvider === 'balance'
                        ? 'Store balance'
                        : giftCode.paidFromOrder !== null
                          ? `Gift code from order #${giftCode.paidFromOrder} (no wallet or store balance debit)`
                          : `Card (Stripe) · ${payment ? cardPaymentLabels[payment.status] : 'no payment'}`}
                    </span>,
                  ],
                  ...(giftCode.redemptions.length > 0
                    ? ([['Gift code', giftCode.redemptions.map((redemption) => redeemedOnLabel(redemption, order.quantity)).join(' ')]] as [string, string][])
                    : []),
                  ...(payment
                    ? ([
                        ['Checkout Session', <span key="cs" className="font-mono text-xs break-all">{payment.checkoutSessionId ?? 'not created'}</span>],
                        ['PaymentIntent', <span key="pi" className="font-mono text-xs break-all">{payment.paymentIntentId ?? 'none'}</span>],
                      ] as [string, React.ReactNode][])
                    : []),
                  ...(payment && refunds.length === 0 ? ([['Card refund', 'None']] as [string, string][]) : []),
                  ...refunds.map(
                    (refund) =>
                      [
                        'Card refund',
                        <span key={refund.id} data-testid="admin-card-refund" className="text-xs">
                          {formatMoney(refund.amount, refund.currency)} · {refund.status}
                          {refund.stripeRefundId ? ` · ${refund.stripeRefundId}` : ''}
                          {refund.lastError ? ` · ${refund.lastError}` : ''}
                        </span>,
                      ] as [string, React.ReactNode],
                  ),
                  ['Refunded', order.refundedAt ? `${timestampFormat.format(order.refundedAt)} UTC${partial ? ' (undelivered share)' : ''}` : 'No'],
                ]}
              />
            </Panel>
          </div>
          <Panel title="Supplier" id="supplier">
            <Facts
              items={[
                ['Supplier order', order.upstreamId ? `#${order.upstreamId}` : 'Not accepted yet'],
                ['Supplier status', order.upstreamStatus],
                ['client_reference', <span key="ref" className="font-mono text-xs">{order.clientReference}</span>],
                ['Wallet', order.walletId ? `#${order.walletId}` : null],
                ['Failure', order.failureCode ? `${order.failureCode}${order.failureReason ? `: ${order.failureReason}` : ''}${order.isUserFixable ? ' (customer can fix)' : ''}` : null],
                ['Submit attempts', String(order.submitAttempts)],
                ['Last checked', order.lastCheckedAt ? `${timestampFormat.format(order.lastCheckedAt)} UTC` : null],
                ['Notification email', order.notificationEmail],
              ]}
            />
          </Panel>
          <Panel title="Timeline" id="timeline">
            <OrderTimeline events={events} showPayloads />
          </Panel>
          <Panel title="Supplier webhooks" id="webhooks">
            {webhooks.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">No webhook received for this order (the reconciler and the order page poll the supplier).</p>
            ) : (
              <ol className="space-y-2 text-sm" data-testid="order-webhooks">
                {webhooks.map((event) => {
                  const data = (event.payload.data ?? {}) as Record<string, unknown>;
                  return (
                    <li key={event.id} className="rounded-xl bg-zinc-50 p-3 ring-1 ring-zinc-200 dark:bg-zinc-950 dark:ring-zinc-800">
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <span className="font-mono text-xs font-semibold">{event.type}</span>
                        <span className="text-xs text-zinc-500">{timestampFormat.format(event.receivedAt)} UTC</span>
                      </div>
                      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
                        {typeof data.status === 'string' ? `Supplier status ${data.status}` : 'No status'}
                        {typeof data.delivered_quantity === 'number' ? ` · ${data.delivered_quantity} of ${String(data.quantity ?? '?')} delivered` : ''} · {event.status}
                        {event.note ? `: ${event.note}` : ''}
                      </p>
                      <p className="mt-1 break-all font-mono text-xs text-zinc-500">{event.id}</p>
                    </li>
                  );
                })}
              </ol>
            )}
          </Panel>
        </div>
        <Card as="aside" aria-labelledby="order-actions" className="space-y-4 self-start">
          <h2 id="order-actions" className="text-lg font-semibold">
            Actions
          </h2>
          <RefreshOrderForm orderId={order.id} />
          {/* Mounted for every card order, so its outcome stays on screen after the refresh that cancelled it. */}
          {order.paymentProvider === 'card' && (
            <CancelUnpaidOrderForm orderId={order.id} amount={formatMoney(retail, order.retailCurrency)} awaiting={order.status === 'AWAITING_PAYMENT'} />
          )}
          {order.status !== 'AWAITING_PAYMENT' && (
            <RefundOrderForm
              orderId={order.id}
              stuck={stuck}
              amount={formatMoney(retail, order.retailCurrency)}
              method={order.paymentProvider === 'card' ? 'card' : 'store balance'}
              unavailable={
                order.status === 'DELIVERED'
                  ? 'Delivered orders cannot be refunded.'
                  : order.refundedAt
                    ? `Already refunded to the customer’s ${order.paymentProvider === 'card' ? 'card' : 'store balance'}.`
                    : order.paymentProvider === 'card' && payment?.status !== 'paid'
                      ? 'Nothing to refund: this card order was never paid.'
                      : null
              }
            />
          )}
          {order.vertical === 'voucher' ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">The supplier cannot email voucher orders (the API has no notification email for them).</p>
          ) : order.upstreamId === null ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">This order never reached the supplier, so there is no notification email to send.</p>
          ) : (
            <ResendNotificationForm orderId={order.id} email={customer.email} />
          )}
        </Card>
      </div>
    </div>
  );
}
