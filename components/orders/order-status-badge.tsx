import type { OrderStatus } from '@/lib/orders/types';
import { useTranslations } from 'next-intl';

const styles: Record<OrderStatus, string> = {
  AWAITING_PAYMENT: 'bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200',
  SUBMITTING: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  PENDING: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  DELIVERED: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  FAILED: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  CANCELLED: 'bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200',
  REJECTED: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
};

/** `partial`: delivered, but only some of the codes (the rest refunded): not a green "Delivered". */
export function OrderStatusBadge({ status, partial = false }: { status: OrderStatus; partial?: boolean }) {
  const partly = partial && status === 'DELIVERED';
  const t = useTranslations('orders.status');
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ${partly ? styles.PENDING : styles[status]}`}>
      {partly ? t('partly') : t(status)}
    </span>
  );
}
