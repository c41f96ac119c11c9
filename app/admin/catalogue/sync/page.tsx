import Link from 'next/link';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { loadSyncHistory, type ChangeRow, type SyncRunRow } from '@/lib/catalogue/queries';
import { formatMoney } from '@/lib/money';
import { firstString, type SearchParams } from '@/lib/search-params';
import { SyncPanel } from './_components/sync-panel';
import { Table } from '@/components/ui/table';
import { timestampFormat } from '@/lib/format';
import { Card } from '@/components/ui/card';

export const generateMetadata = operatorMetadata('Sync history');

const KIND_LABELS: Record<ChangeRow['kind'], string> = {
  new: 'New',
  removed: 'Removed',
  restored: 'Back in the catalogue',
  repriced: 'Repriced',
  paused_below_cost: 'Paused: below cost',
  image_refused: 'Picture not stored',
};

const KIND_STYLES: Record<ChangeRow['kind'], string> = {
  new: 'bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-900',
  removed: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-900',
  restored: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900',
  repriced: 'bg-violet-50 text-violet-800 ring-violet-200 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-900',
  paused_below_cost: 'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900',
  image_refused: 'bg-zinc-100 text-zinc-800 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-700',
};

function summaryText(run: SyncRunRow): string {
  if (run.status === 'running') return 'Running…';
  if (run.status === 'failed') return run.error ?? 'Failed';
  const summary = run.summary;
  const parts = (['new', 'removed', 'restored', 'repriced', 'paused_below_cost'] as const)
    .filter((kind) => summary[kind])
    .map((kind) => `${summary[kind]} ${KIND_LABELS[kind].toLowerCase()}`);
  return `${summary.products ?? 0} products · ${parts.length ? parts.join(', ') : 'no changes'}`;
}

function duration(run: SyncRunRow): string {
  if (!run.finishedAt) return '—';
  return `${((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000).toFixed(1)} s`;
}

function ChangeDetails({ change, currency }: { change: ChangeRow; currency: string }) {
  if (change.kind === 'repriced') {
    const moves = Array.isArray(change.details.variants) ? change.details.variants : [];
    const price = (value: string | null) => (value === null ? 'not sold' : value.includes('-') ? value.split('-').map((end) => formatMoney(end, currency)).join('–') : formatMoney(value, currency));
    return (
      <ul className="mt-1 space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
        {moves.map((move) => (
          <li key={move.key}>
            {move.name}: wholesale {price(move.before)} → {price(move.after)}
          </li>
        ))}
      </ul>
    );
  }
  if (change.kind === 'paused_below_cost') {
    return <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Its markup sells below cost; raise it to put the product back on sale.</p>;
  }
  if (change.kind === 'image_refused') {
    return (
      <p className="mt-1 break-all text-xs text-zinc-600 dark:text-zinc-400">
        {change.details.reason}: {change.details.imageUrl}. Customers see the letter tile (or the last good picture); the next sync tries again.
      </p>
    );
  }
  return null;
}

export default async function SyncHistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireOperator('/admin/catalogue/sync');
  const runParam = firstString((await searchParams).run);
  const { runs, currency, running, selected, changes } = await loadSyncHistory(runParam);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Sync history</h1>
        <Link href="/admin/catalogue" className="text-sm text-brand-600 hover:underline dark:text-brand-100">
          Catalogue →
        </Link>
      </div>
      <SyncPanel runningRunId={running?.id ?? null} />

      <section aria-labelledby="runs-heading" className="space-y-2">
        <h2 id="runs-heading" className="font-semibold">
          Runs
        </h2>
        <Table
          label="Sync runs"
          minWidth="min-w-[40rem]"
          density="compact"
          columns={[
            { label: 'Started (UTC)' },
            { label: 'By' },
            { label: 'Status' },
            { label: 'Took' },
            { label: 'Outcome' },
          ]}
          empty={{ show: runs.length === 0, message: 'The catalogue has never been synced.' }}
        >
          {runs.map((run) => (
            <tr key={run.id} aria-current={run.id === selected?.id ? 'true' : undefined} className={run.id === selected?.id ? 'bg-brand-50/60 dark:bg-zinc-800/60' : undefined}>
              <td>
                <Link href={`/admin/catalogue/sync?run=${run.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
                  {timestampFormat.format(run.startedAt)}
                </Link>
              </td>
              <td>{run.trigger === 'operator' ? (run.triggeredByEmail ?? 'an operator') : run.trigger === 'schedule' ? 'schedule' : 'first start'}</td>
              <td>{run.status}</td>
              <td className="tabular-nums">{duration(run)}</td>
              <td>{summaryText(run)}</td>
            </tr>
          ))}
        </Table>
      </section>

      {selected && (
        <section aria-labelledby="changes-heading" className="space-y-2">
          <h2 id="changes-heading" className="font-semibold">
            Changes in the run of {timestampFormat.format(selected.startedAt)}
          </h2>
          {changes.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No changes: the supplier’s catalogue was as we had it.</p>
          ) : (
            <Card as="ul" padded={false} aria-label="Changes" className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {changes.map((change) => (
                <li key={change.id} className="flex items-start gap-3 px-4 py-3">
                  <span className={`mt-0.5 inline-block shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${KIND_STYLES[change.kind]}`}>{KIND_LABELS[change.kind]}</span>
                  <div className="min-w-0">
                    <Link href={`/admin/catalogue/${change.productId}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                      {change.productName}
                    </Link>
                    {change.kind === 'new' && !change.enabled && <span className="ml-2 text-xs text-zinc-500">disabled until you enable it</span>}
                    <ChangeDetails change={change} currency={currency} />
                  </div>
                </li>
              ))}
            </Card>
          )}
        </section>
      )}
    </div>
  );
}
