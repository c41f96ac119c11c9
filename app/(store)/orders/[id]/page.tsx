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
import { loadMyOrder, toStatusView } from '@/lib/orders/queries';
import { formatInternational } from '@/lib/phone';
import { productHref } from '@/lib/verticals';
import { EsimDelivery } from './_components/esim-delivery';
import { VoucherCodes } from './_components/voucher-codes';
import { dateTimeFormat } from '@/lib/format';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Your order' };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/orders/${encodeURIComponent(id)}`);
  const mine = await loadMyOrder(id);
  if (!mine) notFound();
  const { order, events, product, secrets, giftCode } = mine;
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
        <Link href="/account" className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
          ← Your account
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
          <dt className="text-zinc-500">Paid</dt>
          <dd className="font-medium">
            {formatMoney(order.retailAmount, order.retailCurrency)}
            {giftCode.paidFromOrder !== null && <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">with a gift code from order #{giftCode.paidFromOrder}</span>}
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
              <span className="block text-xs font-normal text-zinc-500">{dateTimeFormat.format(order.refundedAt)} UTC{giftCode.paidFromOrder !== null ? '' : ', to your balance'}</span>
            </dd>
          </div>
        )}
      </Card>

      <LiveOrderStatus initial={toStatusView(order)} retryHref={retryHref} />

      {order.status === 'DELIVERED' && order.vertical === 'voucher' && secrets?.vouchers && (
        <Card as="section" rounded="3xl" aria-labelledby="codes">
          <h2 id="codes" className="mb-3 text-lg font-semibold">
            {secrets.vouchers.length === 1 ? 'Your code' : 'Your codes'}
          </h2>
          {order.delivery.partial === true && (
            <p className="mb-3 rounded-xl bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
              Only {partial ? partial.delivered : String(order.delivery.deliveredQuantity)} of {order.quantity} codes could be delivered.{' '}
              {partial ? `${formatMoney(partial.refunded, order.retailCurrency)} for the rest went back to your balance.` : 'The rest was refunded to your balance.'}
            </p>
          )}
          <VoucherCodes orderId={order.id} count={secrets.vouchers.length} revealedAt={order.revealedAt?.toISOString() ?? null} />
          {giftCode.redemptions.map((redemption) => (
            <p key={redemption.position} className="mt-3 rounded-xl bg-zinc-100 p-3 text-sm dark:bg-zinc-800" data-testid="gift-code-redeemed">
              {redeemedOnLabel(redemption, secrets.vouchers!.length)}
            </p>
          ))}
        </Card>
      )}

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
