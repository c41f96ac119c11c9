import type { OrderEvent } from '@/lib/orders/types';
import { useLocale, useTranslations } from 'next-intl';
import { statusLabels } from '@/lib/orders/status';
import { formatDateTime, timestampFormat } from '@/lib/format';

const sourceLabels: Record<OrderEvent['source'], string> = {
  checkout: 'Checkout',
  supplier: 'Supplier',
  poll: 'Live update',
  reconciler: 'Background check',
  operator: 'Operator',
  payment: 'Payment',
  webhook: 'Supplier webhook',
};

/** Every state change of an order, oldest first. Operators see states, sources and the supplier's payloads. */
export function OrderTimeline({ events, showPayloads = false }: { events: OrderEvent[]; showPayloads?: boolean }) {
  const t = useTranslations('orders.events');
  const locale = useLocale();
  return (
    <ol className="relative space-y-4 border-l border-zinc-200 pl-5 dark:border-zinc-800">
      {events.map((event) => (
        <li key={event.id} className="relative">
          <span aria-hidden="true" className="absolute -left-[1.6rem] top-1.5 size-2.5 rounded-full bg-brand-600 ring-4 ring-white dark:ring-zinc-900" />
          {showPayloads ? (
            <p className="text-sm font-medium">
              {event.fromStatus && event.fromStatus !== event.toStatus ? `${statusLabels[event.fromStatus]} → ` : ''}
              {statusLabels[event.toStatus]}
              <span className="font-normal text-zinc-500"> · {sourceLabels[event.source]}</span>
            </p>
          ) : (
            <p className="text-sm font-medium">{t(event.toStatus)}</p>
          )}
          {event.message && <p className="text-sm text-zinc-600 dark:text-zinc-400">{event.message}</p>}
          <p className="text-xs text-zinc-500">
            <time dateTime={event.createdAt.toISOString()}>{showPayloads ? `${timestampFormat.format(event.createdAt)} UTC` : formatDateTime(event.createdAt, locale)}</time>
          </p>
          {showPayloads && event.payload !== null && (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-zinc-500">Supplier payload</summary>
              <pre className="mt-1 max-h-64 overflow-auto rounded-lg bg-zinc-100 p-2 text-xs dark:bg-zinc-950">{JSON.stringify(event.payload, null, 2)}</pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
