'use client';

import { useQuery } from '@tanstack/react-query';
import { TriangleAlert } from 'lucide';
import { Icon } from '@/components/ui/icon';
import { describeRunway, runwayDays } from '@/lib/admin/metrics';
import type { WalletsResponse } from '@/lib/admin/wallet-view';
import { Decimal, formatMoney } from '@/lib/money';
import { queryKeys } from '@/lib/query-keys';

async function fetchWallets(): Promise<WalletsResponse> {
  const response = await fetch('/api/admin/wallets', { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as WalletsResponse;
}

/**
 * Supplier wallet balances, refreshed every 30 seconds. The store-currency wallet pays for
 * every order, so its runway and the low-balance alert sit beside it.
 */
export function WalletPanel({ initial, spentLast7Days }: { initial: WalletsResponse; spentLast7Days: string }) {
  const { data } = useQuery({ queryKey: queryKeys.adminWallets, queryFn: fetchWallets, initialData: initial, refetchInterval: 30_000 });
  if (!data.ok) {
    return (
      <p role="alert" className="rounded-xl bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
        {data.error}
      </p>
    );
  }
  const storeWallet = data.wallets.find((wallet) => wallet.currency === data.currency);
  const runway = storeWallet ? runwayDays(new Decimal(storeWallet.amount), new Decimal(spentLast7Days), 7) : null;
  return (
    <div className="space-y-3">
      {data.low && (
        <div role="alert" className="flex gap-2 rounded-xl bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-900">
          <Icon icon={TriangleAlert} className="mt-0.5 size-4 shrink-0" />
          <p>
            <strong>Supplier wallet low.</strong>{' '}
            {storeWallet
              ? `${formatMoney(storeWallet.amount, data.currency)} left in the ${data.currency} wallet, under the ${formatMoney(data.threshold, data.currency)} threshold. Top it up with your Octopus account manager before orders are refused.`
              : `The supplier has no ${data.currency} wallet, so orders cannot be paid.`}
          </p>
        </div>
      )}
      <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3" aria-label="Supplier wallets">
        {data.wallets.map((wallet) => {
          const isStore = wallet.currency === data.currency;
          return (
            <li
              key={wallet.id}
              className={`rounded-xl px-3 py-2 ring-1 ${isStore ? 'ring-brand-600 dark:ring-brand-100' : 'ring-zinc-200 dark:ring-zinc-800'}`}
              data-testid={isStore ? 'store-wallet' : undefined}
            >
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                {wallet.currency} wallet{isStore ? ' · pays for orders' : ''}
              </p>
              <p className="text-lg font-semibold tabular-nums">{formatMoney(wallet.amount, wallet.currency)}</p>
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {describeRunway(runway)} Alert below {formatMoney(data.threshold, data.currency)} (change it in Settings).
      </p>
    </div>
  );
}
