import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { products, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { Decimal } from '@/lib/money';
import { octopus } from '@/lib/octopus';
import { getStoreInfo } from '@/lib/store';
import { reconcileBelowCostPauses, startCatalogueSync } from './sync';

/*
 * What operators do to the catalogue from the console. Each change and its audit entry are one
 * transaction; the caller (an operator action) has checked the role.
 */

/** Enables or disables products at once; returns how many exist and changed. */
export async function setProductsEnabled(operator: User, ids: string[], enabled: boolean): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(products)
      .set({ enabled, updatedAt: sql`now()` })
      .where(inArray(products.id, ids))
      .returning({ id: products.id, name: products.name });
    for (const row of rows) {
      await recordAudit(tx, operator, { action: enabled ? 'catalogue.enable' : 'catalogue.disable', targetType: 'product', targetId: row.id, details: { name: row.name } });
    }
    return rows.length;
  });
}

/** Puts a product in (or takes it out of) the home page's featured row; its name, or null when it is gone. */
export async function setProductFeatured(operator: User, id: string, featured: boolean): Promise<string | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.update(products).set({ featured, updatedAt: sql`now()` }).where(eq(products.id, id)).returning({ name: products.name });
    if (!row) return null;
    await recordAudit(tx, operator, { action: featured ? 'catalogue.feature' : 'catalogue.unfeature', targetType: 'product', targetId: id, details: { name: row.name } });
    return row.name;
  });
}

export type ProductSettings = { displayName: string | null; sortOrder: number; markupPercent: string | null; enabled: boolean; featured: boolean };

/** Stored numerics come back padded ("15.000"): compare values, not text. */
function comparable(key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  return key === 'markupPercent' ? new Decimal(String(value)).toFixed() : String(value);
}

/**
 * Saves one product's settings. A markup that sells below cost pauses the product, one that
 * covers cost again lifts the pause, in the same transaction. Null when the product is gone.
 */
export async function updateProductSettings(operator: User, productId: string, next: ProductSettings) {
  const db = await getDb();
  const { currency } = await getStoreInfo();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(products).where(eq(products.id, productId)).for('update');
    if (!before) return null;
    await tx.update(products).set({ ...next, updatedAt: sql`now()` }).where(eq(products.id, productId));
    const paused = await reconcileBelowCostPauses(tx, { storeCurrency: currency, productIds: [productId] });
    const [after] = await tx.select({ pausedReason: products.pausedReason }).from(products).where(eq(products.id, productId));
    const changes = Object.fromEntries(
      (Object.keys(next) as (keyof ProductSettings)[])
        .filter((key) => comparable(key, before[key]) !== comparable(key, next[key]))
        .map((key) => [key, `${before[key] ?? 'default'} → ${next[key] ?? 'default'}`]),
    );
    await recordAudit(tx, operator, { action: 'catalogue.update', targetType: 'product', targetId: productId, details: { name: before.name, ...changes } });
    // The name the operator just saved (display name), else the supplier's.
    return { name: next.displayName ?? before.name, pausedNow: paused.length > 0, pausedReason: after?.pausedReason ?? null };
  });
}

/** Starts a sync for an operator, recorded in the audit log; the run carries on in the background. */
export async function startSyncAsOperator(operator: User) {
  const db = await getDb();
  const { currency } = await getStoreInfo();
  const started = await startCatalogueSync({ db, client: octopus(), storeCurrency: currency }, { trigger: 'operator', userId: operator.id });
  if (started.status === 'started') await recordAudit(db, operator, { action: 'catalogue.sync', targetType: 'catalogue_sync', targetId: started.run.id });
  return started;
}
