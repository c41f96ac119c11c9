import type { NextRequest } from 'next/server';
import type { CatalogueSyncRun } from '@/lib/catalogue/types';
import { operatorOrResponse } from '@/lib/auth/guards';
import { loadSyncRun } from '@/lib/catalogue/queries';

export const dynamic = 'force-dynamic';

export type SyncRunView = {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  progress: CatalogueSyncRun['progress'];
  summary: CatalogueSyncRun['summary'];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
};

/** One sync run's live state (`?run=<id>`, else the latest), polled by the sync page. */
export async function GET(request: NextRequest) {
  const operator = await operatorOrResponse();
  if (operator instanceof Response) return operator;
  const run = await loadSyncRun(request.nextUrl.searchParams.get('run'));
  if (!run) return Response.json({ run: null }, { headers: { 'Cache-Control': 'no-store' } });
  const view: SyncRunView = {
    id: run.id,
    status: run.status,
    progress: run.progress,
    summary: run.summary,
    error: run.error,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
  return Response.json({ run: view }, { headers: { 'Cache-Control': 'no-store' } });
}
