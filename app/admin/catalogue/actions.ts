'use server';

import { eq, inArray, sql } from 'drizzle-orm';
import { revalidatePath, revalidateTag } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { products } from '@/db/schema';
import { errorState, operatorAction } from '@/lib/actions';
import { recordAudit } from '@/lib/audit';
import { CATALOGUE_CACHE_TAG } from '@/lib/catalogue/storefront';
import { reconcileBelowCostPauses, startCatalogueSync } from '@/lib/catalogue/sync';
import { Decimal } from '@/lib/money';
import { octopus } from '@/lib/octopus';
import { getStoreInfo } from '@/lib/store';
import { plainText } from '@/lib/validation';

const uuid = z.uuid('Unknown product.');

function catalogueChanged() {
  revalidateTag(CATALOGUE_CACHE_TAG, 'max');
  revalidatePath('/admin/catalogue', 'layout');
}

const bulkSchema = z.object({ intent: z.enum(['enable', 'disable']) });

/** Enables or disables every ticked product at once. */
export const setProductsEnabledAction = operatorAction(bulkSchema, async (data, formData, operator) => {
  const ids = z.array(uuid).max(500).safeParse(formData.getAll('productId'));
  if (!ids.success || ids.data.length === 0) return errorState(formData, 'Tick the products to change first.');
  const enabled = data.intent === 'enable';
  const db = await getDb();
  const changed = await db.transaction(async (tx) => {
    const rows = await tx
      .update(products)
      .set({ enabled, updatedAt: sql`now()` })
      .where(inArray(products.id, ids.data))
      .returning({ id: products.id, name: products.name });
    for (const row of rows) {
      await recordAudit(tx, operator, { action: enabled ? 'catalogue.enable' : 'catalogue.disable', targetType: 'product', targetId: row.id, details: { name: row.name } });
    }
    return rows.length;
  });
  catalogueChanged();
  return { status: 'success', message: `${enabled ? 'Enabled' : 'Disabled'} ${changed} product${changed === 1 ? '' : 's'}.` };
});

const featureSchema = z.object({ feature: z.string().regex(/^[0-9a-f-]{36}:(on|off)$/i, 'Unknown product.') });

/** Puts a product in (or takes it out of) the home page's featured row. */
export const toggleFeaturedAction = operatorAction(featureSchema, async (data, _formData, operator) => {
  const [id, state] = data.feature.split(':') as [string, 'on' | 'off'];
  const featured = state === 'on';
  const db = await getDb();
  const name = await db.transaction(async (tx) => {
    const [row] = await tx.update(products).set({ featured, updatedAt: sql`now()` }).where(eq(products.id, id)).returning({ name: products.name });
    if (!row) return null;
    await recordAudit(tx, operator, { action: featured ? 'catalogue.feature' : 'catalogue.unfeature', targetType: 'product', targetId: id, details: { name: row.name } });
    return row.name;
  });
  if (!name) return { status: 'error', message: 'This product no longer exists.' };
  catalogueChanged();
  return { status: 'success', message: featured ? `${name} is featured.` : `${name} is no longer featured.` };
});

const productSchema = z.object({
  productId: uuid,
  displayName: plainText('the display name').max(80, 'Use at most 80 characters.'),
  sortOrder: z.coerce.number('Enter a whole number.').int('Enter a whole number.').min(-9999).max(9999, 'Use a number from -9999 to 9999.'),
  markupPercent: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .regex(/^-?\d{1,3}(\.\d{1,3})?$/, 'A percentage like 10, 12.5 or -2 (up to three decimals).'),
  ]),
  enabled: z.literal('on').optional(),
  featured: z.literal('on').optional(),
});

/** The operator's settings for one product; a markup that covers cost again lifts a below-cost pause. */
export const updateProductAction = operatorAction(productSchema, async (data, formData, operator) => {
  const db = await getDb();
  const { currency } = await getStoreInfo();
  const next = {
    displayName: data.displayName || null,
    sortOrder: data.sortOrder,
    markupPercent: data.markupPercent === '' ? null : data.markupPercent,
    enabled: data.enabled === 'on',
    featured: data.featured === 'on',
  };
  const outcome = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(products).where(eq(products.id, data.productId)).for('update');
    if (!before) return null;
    await tx.update(products).set({ ...next, updatedAt: sql`now()` }).where(eq(products.id, data.productId));
    const paused = await reconcileBelowCostPauses(tx, { storeCurrency: currency, productIds: [data.productId] });
    const [after] = await tx.select({ pausedReason: products.pausedReason }).from(products).where(eq(products.id, data.productId));
    const changes = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[])
        .filter((key) => comparable(key, before[key]) !== comparable(key, next[key]))
        .map((key) => [key, `${before[key] ?? 'default'} → ${next[key] ?? 'default'}`]),
    );
    await recordAudit(tx, operator, { action: 'catalogue.update', targetType: 'product', targetId: data.productId, details: { name: before.name, ...changes } });
    return { name: before.name, pausedNow: paused.length > 0, pausedReason: after?.pausedReason ?? null };
  });
  if (!outcome) return errorState(formData, 'This product no longer exists.');
  catalogueChanged();
  if (outcome.pausedReason === 'below_cost') {
    return {
      status: 'error',
      message: 'Saved, but this markup sells below cost, so the product is paused until the markup covers its wholesale price.',
      values: formValuesOf(formData),
    };
  }
  return { status: 'success', message: `Saved ${outcome.name}.`, values: formValuesOf(formData) };
});

/** Stored numerics come back padded ("15.000"): compare values, not text. */
function comparable(key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  return key === 'markupPercent' ? new Decimal(String(value)).toFixed() : String(value);
}

function formValuesOf(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !entry[0].startsWith('$')));
}

/** Starts a sync in the background; the sync page follows its progress. */
export const startSyncAction = operatorAction(z.object({}), async (_data, _formData, operator) => {
  const db = await getDb();
  const { currency } = await getStoreInfo();
  const started = await startCatalogueSync({ db, client: octopus(), storeCurrency: currency }, { trigger: 'operator', userId: operator.id });
  if (started.status === 'busy') {
    return { status: 'error', message: 'A sync is already running; its progress is shown below.', values: started.runId ? { runId: started.runId } : undefined };
  }
  await recordAudit(db, operator, { action: 'catalogue.sync', targetType: 'catalogue_sync', targetId: started.run.id });
  // The run carries on after this response (its outcome lands in the run row); the sync page polls it.
  void started.done;
  return { status: 'success', message: 'Sync started.', values: { runId: started.run.id } };
});
