import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveOrderStatus } from '@/components/orders/live-order-status';
import { orderPrefill } from '@/components/orders/order-list';
import { OrderTimeline } from '@/components/orders/order-timeline';
import { requireUser } from '@/lib/auth/guards';
import { formatMoney } from '@/lib/money';
import { redeemedOnLabel } from '@/lib/orders/gift-code-state';
import { partialDeliveryOf } from '@/lib/orders/partial';
import { loadOrderPage, type PaymentView } from '@/lib/orders/order-view';
import { toStatusView } from '@/lib/orders/queries';
import { firstString, type SearchParams } from '@/lib/search-params';
import { PayByCard } from './_components/pay-by-card';
import { formatInternational } from '@/lib/phone';
import { productHref } from '@/lib/verticals';
import { EsimDelivery } from './_components/esim-delivery';
import { OrderRedeemSteps } from './_components/order-redeem-steps';
import { VoucherCodes } from './_components/voucher-codes';
import { dateTimeFormat } from '@/lib/format';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Your order' };

const refundWords: Record<string, string> = {
  to_send: 'being sent to your card',
  pending: 'on its way to your card',
  requires_action: 'on its way to your card',
  succeeded: 'refunded to your card',
  failed: 'could not be refunded to your card; the store will contact you',
  canceled: 'could not be refunded to your card; the store will contact you',
  refused: 'could not be refunded to your card; the store will contact you',
};

function paymentLine(payment: PaymentView, order: { status: string }): string {
  if (payment.provider === 'balance') return 'Store balance';
  if (payment.status === 'paid') return 'Card';
  if (order.status === 'AWAITING_PAYMENT') return 'Card · not paid yet';
  return 'Card · not charged';
}

export default async function OrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const query = await searchParams;
  const access = firstString(query.access);
  const loaded = await loadOrderPage(id, { access, paid: firstString(query.paid), cancelled: firstString(query.payment) === 'cancelled' });
  if (loaded === 'signed_out') await requireUser(`/orders/${encodeURIComponent(id)}`);
  if (!loaded || loaded === 'signed_out') notFound();
  const { order, events, product, secrets, payment, paymentProblem, guest, giftCode } = loaded;
  // "Fix and try again" names the field to fix (the recipient: phone number, else the first field) and why.
  const fixField = Object.keys(order.inputData).find((key) => key.includes('phone')) ?? Object.keys(order.inputData)[0];
  const retryHref = product
    ? productHref(product, { ...orderPrefill(order), fix: fixField, reason: (order.failureReason ?? order.statusText ?? '').slice(0, 200) || undefined })
    : undefined;
  const partial = partialDeliveryOf(order);
  const recipient = order.recipient?.startsWith('+') ? formatInternational(order.recipient) : order.recipient;

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <Link href={guest ? '/' : '/account'} className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
          {guest ? '← Continue shopping' : '← Your account'}
        </Link>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">Order #{order.number}</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          {order.productName}
          {order.variantName ? ` · ${order.variantName}` : ''}
          {order.quantity > 1 ? ` × ${order.quantity}` : ''}
        </p>
      </div>

      <Card as="dl" rounded="3xl" className="grid grid-cols-2 gap-3 text-sm">
        {recipient && (
          <div className="col-span-2">
            <dt className="text-zinc-500">For</dt>
            <dd className="font-medium" data-testid="order-recipient">{recipient}</dd>
          </div>
        )}
        <div>
          <dt className="text-zinc-500">{payment.provider === 'card' && payment.status !== 'paid' ? 'Price' : 'Paid'}</dt>
          <dd className="font-medium">
            {formatMoney(order.retailAmount, order.retailCurrency)}
            {giftCode.paidFromOrder !== null && <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">with a gift code from order #{giftCode.paidFromOrder}</span>}
          </dd>
        </div>
        <div>
          <dt className="text-zinc-500">Payment</dt>
          <dd className="font-medium" data-testid="order-payment">
            {paymentLine(payment, order)}
          </dd>
        </div>
        <div>
          <dt className="text-zinc-500">Placed</dt>
          <dd className="font-medium">{dateTimeFormat.format(order.createdAt)} UTC</dd>
        </div>
        {order.faceCurrency !== order.retailCurrency && (
          <div>
            <dt className="text-zinc-500">Face value</dt>
            <dd className="font-medium">{formatMoney(order.faceAmount, order.faceCurrency)}</dd>
          </div>
        )}
        {order.refundedAt && (
          <div>
            <dt className="text-zinc-500">{giftCode.paidFromOrder !== null ? 'Gift code given back' : 'Refunded'}</dt>
            <dd className="font-medium text-emerald-700 dark:text-emerald-400" data-testid="order-refunded">
              {partial
                ? `${formatMoney(partial.refunded, order.retailCurrency)} for ${partial.ordered - partial.delivered} undelivered code${partial.ordered - partial.delivered === 1 ? '' : 's'}`
                : formatMoney(order.retailAmount, order.retailCurrency)}
              <span className="block text-xs font-normal text-zinc-500">{dateTimeFormat.format(order.refundedAt)} UTC{payment.provider === 'gift_code' ? '' : payment.provider === 'card' ? ', to your card' : ', to your balance'}</span>
            </dd>
          </div>
        )}
        {payment.refunds.map((refund, index) => (
          <div key={index} className="col-span-2">
            <dt className="text-zinc-500">Card refund</dt>
            <dd className="font-medium" data-testid="card-refund">
              {formatMoney(refund.amount, refund.currency)} {refundWords[refund.status] ?? refund.status}
            </dd>
          </div>
        ))}
      </Card>

      {guest && access && (
        <p className="rounded-2xl bg-sky-50 p-4 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100">
          Keep this page’s link: it opens your order without an account. Sign up later with {order.guestEmail} to see it in your account.
        </p>
      )}

      {order.status === 'AWAITING_PAYMENT' && (
        <section aria-labelledby="payment" className="space-y-3 rounded-3xl bg-white p-5 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <h2 id="payment" className="text-lg font-semibold">
            Waiting for your payment
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Nothing is sent until your card payment is confirmed. If your card was declined, you can try again or use another card.
          </p>
          {paymentProblem && <p className="text-sm text-amber-800 dark:text-amber-200">{paymentProblem}</p>}
          <PayByCard orderId={order.id} access={access} price={formatMoney(order.retailAmount, order.retailCurrency)} />
        </section>
      )}

      <LiveOrderStatus initial={toStatusView(order)} retryHref={retryHref} access={access} />

      {order.vertical === 'voucher' && secrets?.vouchers && secrets.vouchers.length > 0 && (
        <Card as="section" rounded="3xl" aria-labelledby="codes">
          <h2 id="codes" className="mb-3 text-lg font-semibold">
            {secrets.vouchers.length === 1 ? 'Your code' : 'Your codes'}
          </h2>
          {order.status === 'PENDING' && (
            <p data-testid="partial-progress" className="mb-3 rounded-xl bg-sky-50 p-3 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100">
              {secrets.vouchers.length} of {order.quantity} ready, the rest are on the way. New codes appear here by themselves.
            </p>
          )}
          {order.status === 'DELIVERED' && order.delivery.partial === true && (
            <p className="mb-3 rounded-xl bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
              Only {partial ? partial.delivered : String(order.delivery.deliveredQuantity)} of {order.quantity} codes could be delivered.{' '}
              {partial
                ? `${formatMoney(partial.refunded, order.retailCurrency)} for the rest went back to your ${payment.provider === 'card' ? 'card' : 'balance'}.`
                : `The rest was refunded to your ${payment.provider === 'card' ? 'card' : 'balance'}.`}
            </p>
          )}
          <VoucherCodes key={secrets.vouchers.length} orderId={order.id} count={secrets.vouchers.length} revealedAt={order.revealedAt?.toISOString() ?? null} />
          {giftCode.redemptions.map((redemption) => (
            <p key={redemption.position} className="mt-3 rounded-xl bg-zinc-100 p-3 text-sm dark:bg-zinc-800" data-testid="gift-code-redeemed">
              {redeemedOnLabel(redemption, secrets.vouchers!.length)}
            </p>
          ))}
        </Card>
      )}

      {order.status === 'DELIVERED' && order.vertical === 'voucher' && <OrderRedeemSteps productId={order.productId} />}

      {order.status === 'DELIVERED' && order.vertical === 'esim' && (
        <Card as="section" rounded="3xl" aria-labelledby="esim">
          <h2 id="esim" className="mb-3 text-lg font-semibold">
            Your eSIM
          </h2>
          <EsimDelivery secret={secrets?.esim ?? null} delivery={order.delivery} />
        </Card>
      )}

      <Card as="section" rounded="3xl" aria-labelledby="timeline">
        <h2 id="timeline" className="mb-4 text-lg font-semibold">
          Timeline
        </h2>
        <OrderTimeline events={events} />
      </Card>
    </div>
  );
}
