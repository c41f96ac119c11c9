import 'server-only';
import { desc, gt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { catalogueSyncRuns } from '@/db/schema';
import { env } from '@/lib/env';
import type { Job } from '@/lib/jobs/runner';
import { octopus } from '@/lib/octopus';
import { readStoreInfo } from '@/lib/store';
import { runCatalogueSync } from './sync';

/**
 * The scheduled catalogue sync. Every process checks once a minute whether a run is due (none
 * started within the interval); the one-running-sync index lets exactly one of them run it.
 */
export const catalogueSyncJob: Job = {
  name: 'catalogue-sync',
  intervalMs: 60_000,
  async run() {
    const intervalMs = env().CATALOGUE_SYNC_INTERVAL_MINUTES * 60_000;
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
};
