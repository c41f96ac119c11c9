import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { catalogueChanges, catalogueSyncRuns, products } from '@/db/schema';
import type { OctopusClient } from '@/lib/octopus';
import { updateStoreSettings } from '@/lib/store/settings';
import { runCatalogueSync } from './sync';

/** The demo's shop window: a few well-known products per vertical (sandbox ids). */
const DEMO_FEATURED: { vertical: 'voucher' | 'topup' | 'esim'; upstreamId: number }[] = [
  { vertical: 'voucher', upstreamId: 123 }, // Steam Wallet Card
  { vertical: 'voucher', upstreamId: 104 }, // PlayStation Store
  { vertical: 'voucher', upstreamId: 102 }, // Google Play
  { vertical: 'topup', upstreamId: 4218 }, // PUBG Mobile UC
  { vertical: 'topup', upstreamId: 4220 }, // Free Fire
  { vertical: 'topup', upstreamId: 4219 }, // Airtel India
  { vertical: 'topup', upstreamId: 4231 }, // Vi India
  { vertical: 'esim', upstreamId: 712 }, // Japan
  { vertical: 'esim', upstreamId: 901 }, // Europe
  { vertical: 'esim', upstreamId: 904 }, // Global
];

export type CatalogueSeedResult = { status: 'synced'; products: number; durationMs: number } | { status: 'skipped' } | { status: 'failed'; error: string };

/**
 * A store that has never synced its catalogue gets one full sync. In sandbox mode the demo
 * turns on "Put newly synced products on sale" first (so the sync puts them on sale) and
 * features a few products per vertical; against the real supplier the setting stays as it is
 * (off by default) and everything waits, disabled, for the operator to review.
 */
export async function seedCatalogue(
  db: Database,
  { client, storeCurrency, sandbox }: { client: OctopusClient; storeCurrency: string; sandbox: boolean },
): Promise<CatalogueSeedResult> {
  const [synced] = await db.select({ id: catalogueSyncRuns.id }).from(catalogueSyncRuns).where(eq(catalogueSyncRuns.status, 'succeeded')).limit(1);
  if (synced) return { status: 'skipped' };
  // The demo opts in to "Put newly synced products on sale", visibly in the settings, rather
  // than enabling behind the setting's back: the setting and what the sync did agree.
  if (sandbox) await updateStoreSettings(db, { autoEnableNewProducts: true });
  const outcome = await runCatalogueSync({ db, client, storeCurrency }, { trigger: 'seed' });
  if (outcome.status === 'busy') return { status: 'skipped' };
  if (outcome.status === 'failed') return { status: 'failed', error: outcome.error };
  if (sandbox) {
    const brought = db
      .select({ id: catalogueChanges.productId })
      .from(catalogueChanges)
      .where(and(eq(catalogueChanges.runId, outcome.runId), eq(catalogueChanges.kind, 'new')));
    for (const [index, pick] of DEMO_FEATURED.entries()) {
      await db
        .update(products)
        .set({ featured: true, sortOrder: -DEMO_FEATURED.length + index, updatedAt: sql`now()` })
        .where(and(eq(products.vertical, pick.vertical), eq(products.upstreamId, pick.upstreamId), inArray(products.id, brought)));
    }
  }
  return { status: 'synced', products: outcome.summary.products, durationMs: outcome.summary.durationMs };
}
