import Link from 'next/link';
import type { Product } from '@/lib/catalogue/types';
import type { Order } from '@/lib/orders/types';
import { formatMoney } from '@/lib/money';
import { productHref } from '@/lib/verticals';
import { OrderStatusBadge } from './order-status-badge';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/format';

/** The same fields a customer filled in, so "buy again" and "fix and retry" start prefilled. */
export function orderPrefill(order: Order): Record<string, string | undefined> {
  return {
    variant: order.variantId ?? undefined,
    amount: order.faceAmount,
    quantity: String(order.quantity),
    ...Object.fromEntries(Object.entries(order.inputData).map(([key, value]) => [`input.${key}`, value])),
  };
}

export async function OrderList({ orders, products }: { orders: Order[]; products: Map<string, Pick<Product, 'id' | 'vertical' | 'topupType' | 'enabled'>> }) {
  const [t, locale] = await Promise.all([getTranslations('orders'), getLocale()]);
  if (orders.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('none')}</p>;
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {orders.map((order) => {
        const product = products.get(order.productId);
        return (
          <li key={order.id} className="flex items-center justify-between gap-3 py-3">
            <Link href={`/orders/${order.id}`} className="min-w-0 flex-1">
              <p className="truncate font-medium">
                {order.productName}
                {order.variantName ? ` · ${order.variantName}` : ''}
              </p>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                #{order.number} · {formatDate(order.createdAt, locale)} · {formatMoney(order.retailAmount, order.retailCurrency, locale)}
              </p>
            </Link>
            <div className="flex shrink-0 flex-col items-end gap-1.5">
              <OrderStatusBadge status={order.status} partial={order.delivery.partial === true} />
              {product?.enabled && (
                <Link href={productHref(product, orderPrefill(order))} className="text-xs font-medium text-brand-600 hover:underline dark:text-brand-100">
                  {t('buyAgain')}
                </Link>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
