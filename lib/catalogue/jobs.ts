import 'server-only';
import { desc, gt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { catalogueSyncRuns } from '@/db/schema';
import { env } from '@/lib/env';
import { registerJob } from '@/lib/jobs';
import { octopus } from '@/lib/octopus';
import { readStoreInfo } from '@/lib/store';
import { runCatalogueSync } from './sync';

/**
 * The scheduled catalogue sync. Every process checks once a minute whether a run is due (none
 * started within the interval); the one-running-sync index lets exactly one of them run it.
 */
export function registerCatalogueJobs(): void {
  const intervalMs = env().CATALOGUE_SYNC_INTERVAL_MINUTES * 60_000;
  registerJob({
    name: 'catalogue-sync',
    intervalMs: Math.min(intervalMs, 60_000),
    async run() {
      const db = await getDb();
      const [recent] = await db
        .select({ id: catalogueSyncRuns.id })
        .from(catalogueSyncRuns)
        .where(gt(catalogueSyncRuns.startedAt, sql`now() - make_interval(secs => ${intervalMs / 1000})`))
        .orderBy(desc(catalogueSyncRuns.startedAt))
        .limit(1);
      if (recent) return;
      const { currency } = await readStoreInfo(db);
      await runCatalogueSync({ db, client: octopus(), storeCurrency: currency }, { trigger: 'schedule' });
    },
  });
}
