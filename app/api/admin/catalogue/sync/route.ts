import type { NextRequest } from 'next/server';
import { getDb } from '@/db';
import { operatorOrResponse } from '@/lib/admin/api';
import { getLatestSyncRun, getSyncRunById } from '@/lib/catalogue/queries';

export const dynamic = 'force-dynamic';

export type SyncRunView = {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  progress: Record<string, unknown>;
  summary: Record<string, number>;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
};

/** One sync run's live state (`?run=<id>`, else the latest), polled by the sync page. */
export async function GET(request: NextRequest) {
  const operator = await operatorOrResponse();
  if (operator instanceof Response) return operator;
  const db = await getDb();
  const id = request.nextUrl.searchParams.get('run');
  const run = id ? await getSyncRunById(db, id) : await getLatestSyncRun(db);
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
