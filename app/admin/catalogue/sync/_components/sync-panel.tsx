'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import type { SyncRunView } from '@/app/api/admin/catalogue/sync/route';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { queryKeys } from '@/lib/query-keys';
import { startSyncAction } from '../../actions';
import { Card } from '@/components/ui/card';

const LABELS: Record<string, string> = { voucher: 'Vouchers', topup: 'Top-ups', esim: 'eSIMs' };

async function fetchRun(runId: string | null): Promise<SyncRunView | null> {
  const response = await fetch(`/api/admin/catalogue/sync${runId ? `?run=${encodeURIComponent(runId)}` : ''}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`Could not read the sync status (${response.status}).`);
  return ((await response.json()) as { run: SyncRunView | null }).run;
}

/** "Sync now" and the live progress of the run it started (or of one already running). */
export function SyncPanel({ runningRunId }: { runningRunId: string | null }) {
  const router = useRouter();
  const [state, action] = useActionState<ActionState, FormData>(startSyncAction, { status: 'idle' });
  const runId = state.values?.runId ?? runningRunId;
  const { data: run } = useQuery({
    queryKey: queryKeys.catalogueSync(runId),
    queryFn: () => fetchRun(runId),
    enabled: runId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' || query.state.data === undefined ? 700 : false),
  });
  const refreshed = useRef<string | null>(null);
  useEffect(() => {
    // Once the run is over, reload the history (and its change list) from the server.
    if (run && run.status !== 'running' && refreshed.current !== run.id) {
      refreshed.current = run.id;
      router.replace(`/admin/catalogue/sync?run=${run.id}`);
      router.refresh();
    }
  }, [run, router]);
  const running = run?.status === 'running';

  return (
    <Card className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Fetches every product of the three verticals from the supplier. New products arrive disabled unless the store’s settings say otherwise.
        </p>
        <form action={action}>
          <SubmitButton pendingLabel="Starting…" disabled={running}>
            {running ? 'Syncing…' : 'Sync now'}
          </SubmitButton>
        </form>
      </div>
      <FormMessage state={state} />
      {run && (
        <div aria-live="polite" className="space-y-3">
          <p className="text-sm font-medium">
            {run.status === 'running' && `Sync in progress (${run.progress.phase ?? 'starting'})…`}
            {run.status === 'succeeded' && 'Sync finished.'}
            {run.status === 'failed' && `Sync failed: ${run.error ?? 'unknown error'}`}
          </p>
          <ul className="grid gap-3 sm:grid-cols-3">
            {(['voucher', 'topup', 'esim'] as const).map((vertical) => {
              const step = run.progress[vertical] ?? { done: 0, total: 0 };
              const percent = step.total ? Math.round((step.done / step.total) * 100) : run.status === 'running' ? 0 : 100;
              return (
                <li key={vertical} className="space-y-1">
                  <div className="flex justify-between text-sm">
                    <span>{LABELS[vertical]}</span>
                    <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
                      {step.done}/{step.total}
                    </span>
                  </div>
                  <div
                    role="progressbar"
                    aria-label={`${LABELS[vertical]} synced`}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={percent}
                    className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
                  >
                    <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </Card>
  );
}
