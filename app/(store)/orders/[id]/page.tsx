import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveOrderStatus } from '@/components/orders/live-order-status';
import { orderPrefill } from '@/components/orders/order-list';
import { OrderTimeline } from '@/components/orders/order-timeline';
import { requireUser } from '@/lib/auth/guards';
import { formatMoney } from '@/lib/money';
import { loadMyOrder, toStatusView } from '@/lib/orders/queries';
import { formatInternational } from '@/lib/phone';
import { productHref } from '@/lib/verticals';
import { EsimDelivery } from './_components/esim-delivery';
import { VoucherCodes } from './_components/voucher-codes';
import { dateTimeFormat } from '@/lib/format';

export const metadata: Metadata = { title: 'Your order' };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/orders/${encodeURIComponent(id)}`);
  const mine = await loadMyOrder(id);
  if (!mine) notFound();
  const { order, events, product, secrets } = mine;
  const retryHref = product ? productHref(product, orderPrefill(order)) : undefined;
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

      <dl className="grid grid-cols-2 gap-3 rounded-3xl bg-white p-5 text-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
        {recipient && (
          <div className="col-span-2">
            <dt className="text-zinc-500">For</dt>
            <dd className="font-medium" data-testid="order-recipient">{recipient}</dd>
          </div>
        )}
        <div>
          <dt className="text-zinc-500">Paid</dt>
          <dd className="font-medium">{formatMoney(order.retailAmount, order.retailCurrency)}</dd>
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
            <dt className="text-zinc-500">Refunded</dt>
            <dd className="font-medium text-emerald-700 dark:text-emerald-400">{dateTimeFormat.format(order.refundedAt)} UTC</dd>
          </div>
        )}
      </dl>

      <LiveOrderStatus initial={toStatusView(order)} retryHref={retryHref} />

      {order.vertical === 'voucher' && secrets?.vouchers && secrets.vouchers.length > 0 && (
        <section aria-labelledby="codes" className="rounded-3xl bg-white p-5 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
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
              Only {String(order.delivery.deliveredQuantity)} of {order.quantity} codes could be delivered. The rest was refunded to your balance.
            </p>
          )}
          <VoucherCodes key={secrets.vouchers.length} orderId={order.id} count={secrets.vouchers.length} revealedAt={order.revealedAt?.toISOString() ?? null} />
        </section>
      )}

      {order.status === 'DELIVERED' && order.vertical === 'esim' && (
        <section aria-labelledby="esim" className="rounded-3xl bg-white p-5 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <h2 id="esim" className="mb-3 text-lg font-semibold">
            Your eSIM
          </h2>
          <EsimDelivery secret={secrets?.esim ?? null} delivery={order.delivery} />
        </section>
      )}

      <section aria-labelledby="timeline" className="rounded-3xl bg-white p-5 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
        <h2 id="timeline" className="mb-4 text-lg font-semibold">
          Timeline
        </h2>
        <OrderTimeline events={events} />
      </section>
    </div>
  );
}
