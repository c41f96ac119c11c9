import type { StatementLine } from '@/lib/ledger';
import { formatMoney } from '@/lib/money';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/format';

/** A balance history: what moved, why, and the balance after it. Shared by customers and operators. */
export async function StatementList({ lines, currency }: { lines: StatementLine[]; currency: string }) {
  const [t, locale] = await Promise.all([getTranslations('account'), getLocale()]);
  if (lines.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noMovements')}</p>;
  }
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {lines.map((line) => {
        const credit = line.amount.gte(0);
        return (
          <li key={line.id} className="flex items-start justify-between gap-4 py-3">
            <div className="min-w-0">
              <p className="font-medium">
                {t(`kinds.${line.kind}`)}
                {line.kind === 'demo_credit' && (
                  <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                    {t('sandbox')}
                  </span>
                )}
              </p>
              <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{line.memo}</p>
              <p className="text-xs text-zinc-500">
                <time dateTime={line.createdAt.toISOString()}>{formatDateTime(line.createdAt, locale)}</time>
              </p>
            </div>
            <div className="shrink-0 text-right">
              <p className={credit ? 'font-semibold text-emerald-700 dark:text-emerald-400' : 'font-semibold'}>
                {credit ? '+' : '−'}
                {formatMoney(line.amount.abs(), currency, locale)}
              </p>
              <p className="text-xs text-zinc-500">{t('balanceAfter', { amount: formatMoney(line.balanceAfter, currency, locale) })}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
