'use client';

import { useQuery } from '@tanstack/react-query';
import { LoaderCircle } from 'lucide';
import { Icon } from '@/components/ui/icon';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { OrderStatusView } from '@/lib/orders/queries';
import { queryKeys } from '@/lib/query-keys';
import { OrderStatusBadge } from './order-status-badge';
import { Card } from '@/components/ui/card';

/** Poll every 2 s for the first half minute, then 5 s, then 15 s: quick when it matters. */
export function pollInterval(elapsedMs: number): number {
  if (elapsedMs < 30_000) return 2_000;
  if (elapsedMs < 5 * 60_000) return 5_000;
  return 15_000;
}

async function fetchStatus(orderId: string, access?: string): Promise<OrderStatusView> {
  const response = await fetch(`/api/orders/${orderId}${access ? `?access=${encodeURIComponent(access)}` : ''}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/**
 * The order's status, kept live with a React Query poll that backs off and stops once the
 * order is final. When the status changes the page re-renders on the server, which is where
 * codes and QR codes come from.
 */
export function LiveOrderStatus({ initial, retryHref, access }: { initial: OrderStatusView; retryHref?: string; access?: string }) {
  const router = useRouter();
  const t = useTranslations('orders');
  const startedAt = useRef(0);
  useEffect(() => {
    startedAt.current = Date.now();
  }, []);
  const { data } = useQuery({
    queryKey: queryKeys.orderStatus(initial.id),
    queryFn: () => fetchStatus(initial.id, access),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.live ? pollInterval(Date.now() - (startedAt.current || Date.now())) : false),
    refetchOnWindowFocus: true,
  });
  const view = data ?? initial;

  // New codes of a partial delivery count as a change too: the server renders them.
  const lastSeen = useRef(`${initial.status}:${initial.activationStatus}:${initial.codesDelivered}`);
  useEffect(() => {
    const now = `${view.status}:${view.activationStatus}:${view.codesDelivered}`;
    if (now !== lastSeen.current) {
      lastSeen.current = now;
      router.refresh();
    }
  }, [view.status, view.activationStatus, view.codesDelivered, router]);

  const failed = view.status === 'FAILED' || view.status === 'REJECTED' || view.status === 'CANCELLED';
  return (
    <Card as="section" rounded="3xl" aria-labelledby="order-status">
      <div className="flex items-center justify-between gap-3">
        <h2 id="order-status" className="text-lg font-semibold">
          {t('statusHeading')}
        </h2>
        <span data-testid="order-status">
          <OrderStatusBadge status={view.status} partial={view.partial} />
        </span>
      </div>
      <div aria-live="polite" className="mt-3 space-y-2 text-sm">
        {!view.terminal && (
          <p className="flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
            <Icon icon={LoaderCircle} className="size-4 animate-spin" />
            {view.status === 'SUBMITTING' ? t('sending') : (view.statusText ?? t('beingFulfilled'))} {t('updatesItself')}
          </p>
        )}
        {view.status === 'DELIVERED' && <p className="text-emerald-700 dark:text-emerald-400">{view.statusText ?? t('deliveredText')}</p>}
        {failed && (
          <div className="rounded-2xl bg-red-50 p-4 text-red-900 dark:bg-red-950 dark:text-red-100">
            <p className="font-medium">{view.failureReason ?? view.statusText ?? t('couldNotComplete')}</p>
            {view.refundedTo === 'balance' && <p className="mt-1">{t('backInBalance')}</p>}
            {view.refundedTo === 'card' && <p className="mt-1">{t('refundingCard')}</p>}
            {view.isUserFixable && retryHref && (
              <Link href={retryHref} className="mt-3 inline-block rounded-xl bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800">
                {t('fixAndRetry')}
              </Link>
            )}
            <p className="mt-3">
              {t('questions')}{' '}
              <Link href="/help/refunds" className="font-medium underline underline-offset-2">
                {t('howRefunds')}
              </Link>{' '}
              ·{' '}
              <Link href="/help/contact" className="font-medium underline underline-offset-2">
                {t('contactUs')}
              </Link>
            </p>
          </div>
        )}
      </div>
    </Card>
  );
}
