import 'server-only';
import { isDeepStrictEqual } from 'node:util';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import {
  catalogueChanges,
  fxRates,
  products,
  productVariants,
  type CatalogueChangeDetails,
  type NewProduct,
  type NewProductVariant,
  type Product,
  type PriceMove,
  type ProductVariant,
  type SyncSummary,
} from '@/db/schema';
import { Decimal } from '@/lib/money';
import { getStoreSettings } from '@/lib/store/settings';
import type { UpstreamProduct, UpstreamVariant } from '@/lib/supplier/catalogue';
import { reconcileBelowCostPauses } from './below-cost';
import { variantWholesale } from './pricing';

/*
 * Diffs a fetched catalogue against the stored one and writes what changed, with a change row
 * for each product that is new, removed, restored, repriced or paused below cost.
 */

export type ChangeKind = (typeof catalogueChanges.$inferInsert)['kind'];

const CHUNK = 200;

const asText = (value: Decimal | null, scale: number) => (value === null ? null : value.toDecimalPlaces(scale).toFixed());
/** Stored numerics come back padded to their scale ("10.0000"): compared by value. */
const numericText = (stored: string | null) => (stored === null ? null : new Decimal(stored).toFixed());

/** The stored values of the columns `next` sets, to compare with it as a whole. */
function storedPart<Row extends object>(stored: Row, next: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(next).map((key) => [key, stored[key as keyof Row]]));
}

function productRow(product: UpstreamProduct) {
  return {
    name: product.name,
    countryCode: product.countryCode,
    upstreamRegion: product.upstreamRegion,
    currency: product.currency,
    imageUrl: product.imageUrl,
    category: product.category,
    topupType: product.topupType,
    description: product.description,
    inputFields: product.inputFields,
    upstreamPayload: product.upstreamPayload,
  };
}

// isDeepStrictEqual ignores key order, as jsonb does.
const productChanged = (stored: Product, product: UpstreamProduct) => {
  const next = productRow(product);
  return !isDeepStrictEqual(storedPart(stored, next), next);
};

function variantRow(variant: UpstreamVariant) {
  return {
    upstreamId: variant.upstreamId,
    name: variant.name,
    kind: variant.kind,
    amount: asText(variant.amount, 4),
    minAmount: asText(variant.minAmount, 4),
    maxAmount: asText(variant.maxAmount, 4),
    currency: variant.currency,
    discountPercent: asText(variant.discountPercent, 3),
    category: variant.category,
    dataGb: asText(variant.dataGb, 3),
    validityDays: variant.validityDays,
    details: variant.details,
    upstreamPayload: variant.upstreamPayload,
    active: true,
    sortOrder: variant.sortOrder,
  };
}

const variantChanged = (stored: ProductVariant, variant: UpstreamVariant) => {
  const numerics = {
    amount: numericText(stored.amount),
    minAmount: numericText(stored.minAmount),
    maxAmount: numericText(stored.maxAmount),
    discountPercent: numericText(stored.discountPercent),
    dataGb: numericText(stored.dataGb),
  };
  const next = variantRow(variant);
  return !isDeepStrictEqual({ ...storedPart(stored, next), ...numerics }, next);
};

type PricedVariant = { key: string; name: string; kind: 'fixed' | 'range'; amount: string | null; minAmount: string | null; maxAmount: string | null; discountPercent: string | null };

/** "min" or "min-max" wholesale text per variant key, for spotting price moves. */
function priceSignature(variants: PricedVariant[], rate: Decimal): Map<string, { name: string; wholesale: string }> {
  const signature = new Map<string, { name: string; wholesale: string }>();
  for (const variant of variants) {
    const range = variantWholesale(variant, rate);
    if (!range) continue;
    const wholesale = range.min.eq(range.max) ? range.min.toFixed() : `${range.min.toFixed()}-${range.max.toFixed()}`;
    signature.set(variant.key, { name: variant.name, wholesale });
  }
  return signature;
}

function priceMoves(before: ReturnType<typeof priceSignature>, after: ReturnType<typeof priceSignature>) {
  const moves: PriceMove[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key);
    const next = after.get(key);
    if (old?.wholesale !== next?.wholesale) moves.push({ key, name: (next ?? old)!.name, before: old?.wholesale ?? null, after: next?.wholesale ?? null });
  }
  return moves;
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let index = 0; index < rows.length; index += CHUNK) await insert(rows.slice(index, index + CHUNK));
}

type ChangeRow = { runId: string; productId: string; kind: ChangeKind; details: CatalogueChangeDetails };

/**
 * Writes what changed, and only that: store-side settings are never touched, nothing is deleted,
 * and an unchanged catalogue writes no change rows (only lastSyncedAt moves).
 */
export async function applyCatalogue(
  tx: Transaction,
  runId: string,
  storeCurrency: string,
  upstream: UpstreamProduct[],
  rates: Map<string, Decimal>,
): Promise<Omit<SyncSummary, 'durationMs'>> {
  const settings = await getStoreSettings(tx);
  const storedProducts = await tx.select().from(products);
  const storedVariants = await tx.select().from(productVariants);
  const storedRates = await tx.select().from(fxRates).where(eq(fxRates.toCurrency, storeCurrency));
  const oldRates = new Map(storedRates.map((row) => [row.fromCurrency, new Decimal(row.rate)]));
  const byUpstream = new Map(storedProducts.map((product) => [`${product.vertical}:${product.upstreamId}`, product]));
  const variantsByProduct = new Map<string, ProductVariant[]>();
  for (const variant of storedVariants) variantsByProduct.set(variant.productId, [...(variantsByProduct.get(variant.productId) ?? []), variant]);

  const changes: ChangeRow[] = [];
  const seen = new Set<string>();
  const newProducts: UpstreamProduct[] = [];

  for (const product of upstream) {
    const stored = byUpstream.get(`${product.vertical}:${product.upstreamId}`);
    if (!stored) {
      newProducts.push(product);
      continue;
    }
    seen.add(stored.id);
    const restored = stored.upstreamStatus === 'removed';
    if (restored || productChanged(stored, product)) {
      await tx
        .update(products)
        .set({ ...productRow(product), upstreamStatus: 'active', updatedAt: sql`now()` })
        .where(eq(products.id, stored.id));
    }
    if (restored) changes.push({ runId, productId: stored.id, kind: 'restored', details: { name: product.name } });

    const existing = variantsByProduct.get(stored.id) ?? [];
    const existingByKey = new Map(existing.map((variant) => [variant.key, variant]));
    const inserts: NewProductVariant[] = [];
    for (const variant of product.variants) {
      const old = existingByKey.get(variant.key);
      if (!old) inserts.push({ productId: stored.id, key: variant.key, ...variantRow(variant) });
      else if (variantChanged(old, variant)) {
        await tx.update(productVariants).set({ ...variantRow(variant), updatedAt: sql`now()` }).where(eq(productVariants.id, old.id));
      }
    }
    if (inserts.length) await tx.insert(productVariants).values(inserts);
    const listedKeys = new Set(product.variants.map((variant) => variant.key));
    const gone = existing.filter((variant) => variant.active && !listedKeys.has(variant.key)).map((variant) => variant.id);
    if (gone.length) await tx.update(productVariants).set({ active: false, updatedAt: sql`now()` }).where(inArray(productVariants.id, gone));

    const newRate = rates.get(product.currency);
    if (newRate) {
      // A currency priced for the first time compares faces and discounts only.
      const oldRate = oldRates.get(stored.currency) ?? rates.get(stored.currency) ?? newRate;
      const before = priceSignature(existing.filter((variant) => variant.active), oldRate);
      const after = priceSignature(product.variants.map((variant) => ({ ...variantRow(variant), key: variant.key })), newRate);
      const moves = priceMoves(before, after);
      if (moves.length) changes.push({ runId, productId: stored.id, kind: 'repriced', details: { name: product.name, currency: storeCurrency, variants: moves } });
    }
  }

  // New products arrive disabled unless the store says otherwise.
  const inserted: Product[] = [];
  await insertChunked(newProducts, async (chunk) => {
    const rows: NewProduct[] = chunk.map((product) => ({
      vertical: product.vertical,
      upstreamId: product.upstreamId,
      ...productRow(product),
      enabled: settings.autoEnableNewProducts,
    }));
    inserted.push(...(await tx.insert(products).values(rows).returning()));
  });
  const insertedByUpstream = new Map(inserted.map((product) => [`${product.vertical}:${product.upstreamId}`, product]));
  const newVariants: NewProductVariant[] = [];
  for (const product of newProducts) {
    const row = insertedByUpstream.get(`${product.vertical}:${product.upstreamId}`)!;
    seen.add(row.id);
    changes.push({ runId, productId: row.id, kind: 'new', details: { name: product.name, variants: product.variants.length } });
    for (const variant of product.variants) newVariants.push({ productId: row.id, key: variant.key, ...variantRow(variant) });
  }
  await insertChunked(newVariants, (chunk) => tx.insert(productVariants).values(chunk));

  // Not listed any more: hidden from customers, kept for the orders that point at it.
  const removed = storedProducts.filter((product) => product.upstreamStatus === 'active' && !seen.has(product.id));
  if (removed.length) {
    await tx
      .update(products)
      .set({ upstreamStatus: 'removed', updatedAt: sql`now()` })
      .where(inArray(products.id, removed.map((product) => product.id)));
    for (const product of removed) changes.push({ runId, productId: product.id, kind: 'removed', details: { name: product.name } });
  }
  if (seen.size) {
    await tx
      .update(products)
      .set({ lastSyncedAt: sql`now()` })
      .where(inArray(products.id, [...seen]));
  }

  for (const [currency, rate] of rates) {
    const old = oldRates.get(currency);
    if (old?.eq(rate)) continue;
    await tx
      .insert(fxRates)
      .values({ fromCurrency: currency, toCurrency: storeCurrency, rate: rate.toFixed() })
      .onConflictDoUpdate({ target: [fxRates.fromCurrency, fxRates.toCurrency], set: { rate: rate.toFixed(), fetchedAt: sql`now()` } });
  }

  const paused = await reconcileBelowCostPauses(tx, { settings, storeCurrency, productIds: [...seen] });
  for (const product of paused) {
    changes.push({ runId, productId: product.id, kind: 'paused_below_cost', details: { name: product.name, markupPercent: product.markupPercent } });
  }

  await insertChunked(changes, (chunk) => tx.insert(catalogueChanges).values(chunk));
  const count = (kind: ChangeKind) => changes.filter((change) => change.kind === kind).length;
  return {
    products: upstream.length,
    variants: upstream.reduce((total, product) => total + product.variants.length, 0),
    new: count('new'),
    removed: count('removed'),
    restored: count('restored'),
    repriced: count('repriced'),
    paused_below_cost: count('paused_below_cost'),
    currencies_without_rate: [...new Set(upstream.map((product) => product.currency))].filter((currency) => !rates.has(currency)).length,
  };
}
