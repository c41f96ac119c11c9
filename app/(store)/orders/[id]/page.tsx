import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientIntl } from '@/components/i18n/client-intl';
import { LiveOrderStatus } from '@/components/orders/live-order-status';
import { Providers } from '@/components/providers';
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
import { formatDateTime } from '@/lib/format';
import { Card } from '@/components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('orders'))('yourOrder') };
}

const refundStatuses = new Set(['to_send', 'pending', 'requires_action', 'succeeded', 'failed', 'canceled', 'refused']);

/** The key of the payment's line in messages (orders.paymentLine). */
function paymentLine(payment: PaymentView, order: { status: string }): 'balance' | 'card' | 'cardNotPaid' | 'cardNotCharged' {
  if (payment.provider === 'balance') return 'balance';
  if (payment.status === 'paid') return 'card';
  if (order.status === 'AWAITING_PAYMENT') return 'cardNotPaid';
  return 'cardNotCharged';
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
  const [t, locale] = await Promise.all([getTranslations('orders'), getLocale()]);
  const money = (amount: Parameters<typeof formatMoney>[0], currency: string) => formatMoney(amount, currency, locale);
  const recipient = order.recipient?.startsWith('+') ? formatInternational(order.recipient) : order.recipient;

  // One provider for the page's client parts (live status, pay by card, copy buttons).
  return (
    <ClientIntl namespaces={['orders', 'accountForms']}>
      <div className="mx-auto max-w-2xl space-y-5">
        <div>
          <Link href={guest ? '/' : '/account'} className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
            {guest ? t('continueShopping') : t('yourAccount')}
          </Link>
          <h1 className="mt-1 text-2xl font-bold tracking-tight">{t('orderNumber', { number: order.number })}</h1>
          <p className="text-zinc-600 dark:text-zinc-400">
            {order.productName}
            {order.variantName ? ` · ${order.variantName}` : ''}
            {order.quantity > 1 ? ` × ${order.quantity}` : ''}
          </p>
        </div>

        <Card as="dl" rounded="3xl" className="grid grid-cols-2 gap-3 text-sm">
          {recipient && (
            <div className="col-span-2">
              <dt className="text-zinc-500">{t('for')}</dt>
              <dd className="font-medium" data-testid="order-recipient">{recipient}</dd>
            </div>
          )}
          <div>
            <dt className="text-zinc-500">{payment.provider === 'card' && payment.status !== 'paid' ? t('price') : t('paid')}</dt>
            <dd className="font-medium">
              {money(order.retailAmount, order.retailCurrency)}
              {giftCode.paidFromOrder !== null && <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">{t('withGiftCode', { number: giftCode.paidFromOrder })}</span>}
            </dd>
          </div>
          <div>
            <dt className="text-zinc-500">{t('payment')}</dt>
            <dd className="font-medium" data-testid="order-payment">
              {t(`paymentLine.${paymentLine(payment, order)}`)}
            </dd>
          </div>
          <div>
            <dt className="text-zinc-500">{t('placed')}</dt>
            <dd className="font-medium">{formatDateTime(order.createdAt, locale)}</dd>
          </div>
          {order.faceCurrency !== order.retailCurrency && (
            <div>
              <dt className="text-zinc-500">{t('faceValue')}</dt>
              <dd className="font-medium">{money(order.faceAmount, order.faceCurrency)}</dd>
            </div>
          )}
          {order.refundedAt && (
            <div>
              <dt className="text-zinc-500">{giftCode.paidFromOrder !== null ? t('giftCodeGivenBack') : t('refunded')}</dt>
              <dd className="font-medium text-emerald-700 dark:text-emerald-400" data-testid="order-refunded">
                {partial
                  ? t('undeliveredCodes', { amount: money(partial.refunded, order.retailCurrency), count: partial.ordered - partial.delivered })
                  : money(order.retailAmount, order.retailCurrency)}
                <span className="block text-xs font-normal text-zinc-500">{formatDateTime(order.refundedAt, locale)}{payment.provider === 'gift_code' ? '' : payment.provider === 'card' ? t('toCard') : t('toBalance')}</span>
              </dd>
            </div>
          )}
          {payment.refunds.map((refund, index) => (
            <div key={index} className="col-span-2">
              <dt className="text-zinc-500">{t('cardRefund')}</dt>
              <dd className="font-medium" data-testid="card-refund">
                {money(refund.amount, refund.currency)} {refundStatuses.has(refund.status) ? t(`refundStatus.${refund.status}`) : refund.status}
              </dd>
            </div>
          ))}
        </Card>

        {guest && access && (
          <p className="rounded-2xl bg-sky-50 p-4 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100">
            {t('guestLink', { email: order.guestEmail ?? '' })}
          </p>
        )}

        {order.status === 'AWAITING_PAYMENT' && (
          <section aria-labelledby="payment" className="space-y-3 rounded-3xl bg-white p-5 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
            <h2 id="payment" className="text-lg font-semibold">
              {t('waitingPayment')}
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {t('waitingPaymentBody')}
            </p>
            {paymentProblem && <p className="text-sm text-amber-800 dark:text-amber-200">{paymentProblem}</p>}
            <PayByCard orderId={order.id} access={access} price={money(order.retailAmount, order.retailCurrency)} />
          </section>
        )}

        <Providers>
          <LiveOrderStatus initial={toStatusView(order)} retryHref={retryHref} access={access} />
        </Providers>

        {order.vertical === 'voucher' && secrets?.vouchers && secrets.vouchers.length > 0 && (
          <Card as="section" rounded="3xl" aria-labelledby="codes">
            <h2 id="codes" className="mb-3 text-lg font-semibold">
              {t('yourCodes', { count: secrets.vouchers.length })}
            </h2>
            {order.status === 'PENDING' && (
              <p data-testid="partial-progress" className="mb-3 rounded-xl bg-sky-50 p-3 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100">
                {t('partialProgress', { ready: secrets.vouchers.length, total: order.quantity })}
              </p>
            )}
            {order.status === 'DELIVERED' && order.delivery.partial === true && (
              <p className="mb-3 rounded-xl bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                {t('onlyDelivered', { delivered: partial ? partial.delivered : String(order.delivery.deliveredQuantity), total: order.quantity })}{' '}
                {partial
                  ? t('restRefundedAmount', { amount: money(partial.refunded, order.retailCurrency), to: payment.provider === 'card' ? 'card' : 'balance' })
                  : t('restRefunded', { to: payment.provider === 'card' ? 'card' : 'balance' })}
              </p>
            )}
            {/* Never keyed by the number of codes: a remount on the page's own refresh lost the reveal. */}
            <VoucherCodes orderId={order.id} access={guest ? access : undefined} count={secrets.vouchers.length} revealedAt={order.revealedAt?.toISOString() ?? null} />
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
              {t('yourEsim')}
            </h2>
            <EsimDelivery secret={secrets?.esim ?? null} delivery={order.delivery} />
          </Card>
        )}

        <Card as="section" rounded="3xl" aria-labelledby="timeline">
          <h2 id="timeline" className="mb-4 text-lg font-semibold">
            {t('timeline')}
          </h2>
          <OrderTimeline events={events} />
        </Card>
      </div>
    </ClientIntl>
  );
}
