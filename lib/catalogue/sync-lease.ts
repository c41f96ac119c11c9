import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { catalogueSyncRuns, type CatalogueSyncRun, type SyncProgress } from '@/db/schema';

/*
 * The one running slot of the catalogue sync: a partial unique index allows one `running` row,
 * and its lease (renewed by the run's heartbeat) tells a live run from one whose process died.
 */

export type SyncTrigger = CatalogueSyncRun['trigger'];

export const DEFAULT_LEASE_MS = 60_000;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === '23505';
}

const leaseUntil = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

export function initialProgress(): SyncProgress {
  return { phase: 'starting', voucher: { done: 0, total: 0 }, topup: { done: 0, total: 0 }, esim: { done: 0, total: 0 } };
}

/**
 * Claims the one running slot. A run whose lease ran out died with its process: it is marked
 * failed first, so it cannot block forever. Null when another live run holds the slot.
 */
export async function claimSyncRun(
  db: Database,
  { trigger, userId = null, leaseMs = DEFAULT_LEASE_MS }: { trigger: SyncTrigger; userId?: string | null; leaseMs?: number },
): Promise<CatalogueSyncRun | null> {
  await db
    .update(catalogueSyncRuns)
    .set({ status: 'failed', error: 'Stopped: its server went away before it finished (lease expired).', finishedAt: sql`now()` })
    .where(and(eq(catalogueSyncRuns.status, 'running'), lt(catalogueSyncRuns.leaseExpiresAt, sql`now()`)));
  try {
    const [run] = await db
      .insert(catalogueSyncRuns)
      .values({ trigger, triggeredById: userId, leaseExpiresAt: leaseUntil(leaseMs), progress: initialProgress() })
      .returning();
    return run!;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function runningRunId(db: Database): Promise<string | null> {
  const [run] = await db.select({ id: catalogueSyncRuns.id }).from(catalogueSyncRuns).where(eq(catalogueSyncRuns.status, 'running'));
  return run?.id ?? null;
}

/** Renews a running run's lease and publishes its progress; a run no longer running is left alone. */
export async function renewSyncLease(db: Database, runId: string, progress: SyncProgress, leaseMs: number): Promise<void> {
  await db
    .update(catalogueSyncRuns)
    .set({ progress: { ...progress }, leaseExpiresAt: leaseUntil(leaseMs) })
    .where(and(eq(catalogueSyncRuns.id, runId), eq(catalogueSyncRuns.status, 'running')));
}
