import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { catalogueChanges, catalogueSyncRuns, type CatalogueSyncRun, type SyncSummary } from '@/db/schema';
import { logger } from '@/lib/logger';
import type { OctopusClient } from '@/lib/octopus';
import { fetchUpstreamCatalogue } from '@/lib/supplier/catalogue';
import { getStoreWallet } from '@/lib/supplier/wallet';
import { applyCatalogue } from './apply-catalogue';
import { learnFxRates } from './fx-rates';
import { syncProductImages, type fetchImage } from './product-images';
import { alertOnCatalogueChanges } from './sync-alerts';
import { learnTopupDiscounts, withTopupDiscounts } from './topup-discounts';
import { fetchTestScenarios, markTestScenarios, type TestScenarioRef } from './test-scenarios';
import { claimSyncRun, DEFAULT_LEASE_MS, initialProgress, renewSyncLease, runningRunId, type SyncTrigger } from './sync-lease';

/*
 * One catalogue sync, start to finish: claim the running slot (sync-lease.ts), fetch every
 * product from the supplier, learn forex rates (fx-rates.ts), then write the differences and
 * below-cost pauses in one transaction (apply-catalogue.ts, below-cost.ts).
 */

export type { ChangeKind } from './apply-catalogue';
export { reconcileBelowCostPauses } from './below-cost';
export { claimSyncRun, type SyncTrigger } from './sync-lease';
export type { SyncProgress, SyncSummary } from '@/db/schema';

export type SyncDeps = {
  db: Database;
  client: OctopusClient;
  storeCurrency: string;
  /** Supplier requests in flight at once. */
  concurrency?: number;
  /** How long a run stays claimed without a heartbeat. */
  leaseMs?: number;
  /** Fetch supplier pictures into our storage after saving (default true). */
  images?: boolean;
  /** How a picture is fetched (default fetchImage; tests point it at broken hosts). */
  imageFetcher?: typeof fetchImage;
  /** Which products are sandbox test scenarios (default: ask the sandbox in sandbox mode). */
  testScenarios?: () => Promise<TestScenarioRef[] | null>;
};

export type SyncOutcome =
  | { status: 'succeeded'; runId: string; summary: SyncSummary }
  | { status: 'failed'; runId: string; error: string }
  | { status: 'busy'; runId: string | null };

const HEARTBEAT_MS = 500;

/**
 * Starts a sync unless one is running. `done` settles when it has finished (never rejects), so
 * an operator action can return at once while the run goes on in the background.
 */
export async function startCatalogueSync(
  deps: SyncDeps,
  options: { trigger: SyncTrigger; userId?: string | null },
): Promise<{ status: 'started'; run: CatalogueSyncRun; done: Promise<SyncOutcome> } | { status: 'busy'; runId: string | null }> {
  const run = await claimSyncRun(deps.db, { ...options, leaseMs: deps.leaseMs });
  if (!run) return { status: 'busy', runId: await runningRunId(deps.db) };
  return { status: 'started', run, done: executeSyncRun(deps, run) };
}

/** A whole sync, start to finish (scheduled job, seed, tests). */
export async function runCatalogueSync(deps: SyncDeps, options: { trigger: SyncTrigger; userId?: string | null }): Promise<SyncOutcome> {
  const started = await startCatalogueSync(deps, options);
  return started.status === 'busy' ? started : started.done;
}

/** Fetches pictures and notes each one refused in the run's change list, where operators look. */
async function syncImagesOfRun(db: Database, runId: string, options: { concurrency: number; fetcher?: typeof fetchImage }) {
  const { refused, ...counts } = await syncProductImages(db, options);
  if (refused.length) {
    await db
      .insert(catalogueChanges)
      .values(refused.map((item) => ({ runId, productId: item.productId, kind: 'image_refused' as const, details: { name: item.name, imageUrl: item.imageUrl, reason: item.reason } })));
  }
  return counts;
}

async function executeSyncRun(deps: SyncDeps, run: CatalogueSyncRun): Promise<SyncOutcome> {
  const { db } = deps;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const startedAt = Date.now();
  const progress = initialProgress();
  let beating = Promise.resolve();
  // Renews the lease and publishes progress; the operator's page polls it.
  const heartbeat = setInterval(() => {
    beating = beating.then(() => renewSyncLease(db, run.id, progress, leaseMs)).catch(() => undefined);
  }, HEARTBEAT_MS);
  try {
    const wallet = await getStoreWallet(deps.client, deps.storeCurrency, { fresh: true });
    if (!wallet) throw new Error(`The supplier account has no ${deps.storeCurrency} wallet to pay from.`);
    progress.phase = 'fetching';
    const fetched = await fetchUpstreamCatalogue(deps.client, { concurrency: deps.concurrency ?? 4, progress });
    progress.phase = 'pricing';
    const upstream = withTopupDiscounts(fetched, await learnTopupDiscounts(deps.client, fetched, wallet.id, deps.concurrency ?? 4));
    const rates = await learnFxRates(deps.client, { storeCurrency: deps.storeCurrency, walletId: wallet.id }, upstream);
    const scenarios = await (deps.testScenarios ?? fetchTestScenarios)();
    progress.phase = 'saving';
    clearInterval(heartbeat);
    await beating;
    const summary = await db.transaction(async (tx) => {
      const [current] = await tx
        .select({ status: catalogueSyncRuns.status })
        .from(catalogueSyncRuns)
        .where(eq(catalogueSyncRuns.id, run.id))
        .for('update');
      // Someone declared this run dead (its lease ran out): its results must not land.
      if (current?.status !== 'running') throw new Error('This sync lost its lease before it could save.');
      const counts = await applyCatalogue(tx, run.id, deps.storeCurrency, upstream, rates);
      if (scenarios) await markTestScenarios(tx, scenarios);
      const finished: SyncSummary = { ...counts, durationMs: Date.now() - startedAt };
      progress.phase = 'done';
      await tx
        .update(catalogueSyncRuns)
        .set({ status: 'succeeded', summary: finished, progress: { ...progress }, finishedAt: sql`now()` })
        .where(eq(catalogueSyncRuns.id, run.id));
      return finished;
    });
    await alertOnCatalogueChanges(db, run.id, summary).catch((error: unknown) => logger.error({ run: run.id, err: error }, 'catalogue alert failed'));
    // Pictures after the catalogue is saved: a slow or broken image host never fails a sync.
    if (deps.images !== false) {
      const images = await syncImagesOfRun(db, run.id, { concurrency: deps.concurrency ?? 4, fetcher: deps.imageFetcher }).catch((error: unknown) => ({ error: String(error) }));
      logger.info({ run: run.id, images }, 'product images synced');
    }
    return { status: 'succeeded', runId: run.id, summary };
  } catch (error) {
    clearInterval(heartbeat);
    await beating;
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ run: run.id, error: message }, 'catalogue sync failed');
    await db
      .update(catalogueSyncRuns)
      .set({ status: 'failed', error: message.slice(0, 500), progress: { ...progress }, finishedAt: sql`now()` })
      .where(and(eq(catalogueSyncRuns.id, run.id), eq(catalogueSyncRuns.status, 'running')))
      .catch(() => undefined);
    return { status: 'failed', runId: run.id, error: message };
  }
}
