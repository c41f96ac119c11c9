import 'server-only';
import { logger } from '@/lib/logger';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import {
  catalogueChanges,
  catalogueSyncRuns,
  fxRates,
  products,
  productVariants,
  type CatalogueSyncRun,
  type NewProduct,
  type NewProductVariant,
  type Product,
  type ProductVariant,
} from '@/db/schema';
import { Decimal } from '@/lib/money';
import type { OctopusClient } from '@/lib/octopus';
import { quoteCharges } from '@/lib/supplier/orders';
import { getStoreSettings, type StoreSettings } from '@/lib/store/settings';
import { getStoreWallet } from '@/lib/supplier/wallet';
import { effectiveMarkup, isBelowCost, variantWholesale } from './pricing';
import { alertOnCatalogueChanges } from './sync-alerts';
import { learnTopupDiscounts, withTopupDiscounts } from './topup-discounts';
import { fetchUpstreamCatalogue, type FetchProgress, type UpstreamProduct, type UpstreamVariant } from '@/lib/supplier/catalogue';

export type SyncTrigger = CatalogueSyncRun['trigger'];
export type ChangeKind = (typeof catalogueChanges.$inferInsert)['kind'];

export type SyncDeps = {
  db: Database;
  client: OctopusClient;
  storeCurrency: string;
  /** Supplier requests in flight at once. */
  concurrency?: number;
  /** How long a run stays claimed without a heartbeat. */
  leaseMs?: number;
};

export type SyncProgress = FetchProgress & { phase: 'starting' | 'fetching' | 'pricing' | 'saving' | 'done' };
export type SyncSummary = {
  products: number;
  variants: number;
  new: number;
  removed: number;
  restored: number;
  repriced: number;
  paused_below_cost: number;
  currencies_without_rate: number;
  durationMs: number;
};

export type SyncOutcome =
  | { status: 'succeeded'; runId: string; summary: SyncSummary }
  | { status: 'failed'; runId: string; error: string }
  | { status: 'busy'; runId: string | null };

const DEFAULT_LEASE_MS = 60_000;
const HEARTBEAT_MS = 500;
const CHUNK = 200;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === '23505';
}

const leaseUntil = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

/**
 * Claims the one running slot (a partial unique index allows one `running` row). A run whose
 * lease ran out died with its process: it is marked failed first, so it cannot block forever.
 * Null when another live run holds the slot.
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

function initialProgress(): SyncProgress {
  return { phase: 'starting', voucher: { done: 0, total: 0 }, topup: { done: 0, total: 0 }, esim: { done: 0, total: 0 } };
}

async function runningRunId(db: Database): Promise<string | null> {
  const [run] = await db.select({ id: catalogueSyncRuns.id }).from(catalogueSyncRuns).where(eq(catalogueSyncRuns.status, 'running'));
  return run?.id ?? null;
}

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

async function executeSyncRun(deps: SyncDeps, run: CatalogueSyncRun): Promise<SyncOutcome> {
  const { db } = deps;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const startedAt = Date.now();
  const progress = initialProgress();
  let beating = Promise.resolve();
  // Renews the lease and publishes progress; the operator's page polls it.
  const heartbeat = setInterval(() => {
    beating = beating
      .then(async () => {
        await db
          .update(catalogueSyncRuns)
          .set({ progress: { ...progress }, leaseExpiresAt: leaseUntil(leaseMs) })
          .where(and(eq(catalogueSyncRuns.id, run.id), eq(catalogueSyncRuns.status, 'running')));
      })
      .catch(() => undefined);
  }, HEARTBEAT_MS);
  try {
    const wallet = await getStoreWallet(deps.client, deps.storeCurrency, { fresh: true });
    if (!wallet) throw new Error(`The supplier account has no ${deps.storeCurrency} wallet to pay from.`);
    progress.phase = 'fetching';
    const fetched = await fetchUpstreamCatalogue(deps.client, { concurrency: deps.concurrency ?? 4, progress });
    progress.phase = 'pricing';
    const upstream = withTopupDiscounts(fetched, await learnTopupDiscounts(deps.client, fetched, wallet.id, deps.concurrency ?? 4));
    const rates = await learnFxRates(deps, upstream, wallet.id);
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
      const finished: SyncSummary = { ...counts, durationMs: Date.now() - startedAt };
      progress.phase = 'done';
      await tx
        .update(catalogueSyncRuns)
        .set({ status: 'succeeded', summary: finished, progress: { ...progress }, finishedAt: sql`now()` })
        .where(eq(catalogueSyncRuns.id, run.id));
      return finished;
    });
    await alertOnCatalogueChanges(db, run.id, summary).catch((error: unknown) => logger.error({ run: run.id, err: error }, 'catalogue alert failed'));
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

/**
 * Forex rates product currency -> store currency, as the supplier itself converts: a charges
 * quote per currency, paid from the store-currency wallet. A currency with no quotable product
 * or no rate gets none; its products stay off the storefront until it has one.
 */
async function learnFxRates(deps: SyncDeps, upstream: UpstreamProduct[], walletId: number): Promise<Map<string, Decimal>> {
  const rates = new Map<string, Decimal>([[deps.storeCurrency, new Decimal(1)]]);
  const currencies = [...new Set(upstream.map((product) => product.currency))].filter((currency) => currency !== deps.storeCurrency);
  for (const currency of currencies) {
    const candidates = upstream.filter((product) => product.currency === currency && product.variants.length > 0).slice(0, 3);
    for (const product of candidates) {
      const variant = product.variants[0]!;
      try {
        const charges = await quoteCharges(deps.client, {
          vertical: product.vertical,
          upstreamProductId: product.upstreamId,
          faceAmount: (variant.amount ?? variant.minAmount)!,
          quantity: 1,
          category: variant.category,
          walletId,
        });
        if (charges.destinationCurrency && charges.destinationCurrency !== deps.storeCurrency) continue;
        const rate =
          charges.forexRate ??
          (charges.netAmount && charges.totalAmount && !charges.totalAmount.isZero() ? charges.netAmount.dividedBy(charges.totalAmount) : null);
        if (rate && rate.gt(0)) {
          rates.set(currency, rate.toDecimalPlaces(10));
          break;
        }
      } catch {
        // Try the next product of this currency; a currency without any rate is reported.
      }
    }
  }
  return rates;
}

// --- applying a fetched catalogue -----------------------------------------------------------

/** Key order does not matter to jsonb, so payloads are compared in a canonical form. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

const sameNumber = (stored: string | null, next: Decimal | null, scale: number) =>
  stored === null || next === null ? stored === next : new Decimal(stored).eq(next.toDecimalPlaces(scale));
const asText = (value: Decimal | null, scale: number) => (value === null ? null : value.toDecimalPlaces(scale).toFixed());

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
    inputFields: product.inputFields as unknown[],
    upstreamPayload: product.upstreamPayload,
  };
}

function productChanged(stored: Product, product: UpstreamProduct): boolean {
  const next = productRow(product);
  return (
    stored.name !== next.name ||
    stored.countryCode !== next.countryCode ||
    stored.upstreamRegion !== next.upstreamRegion ||
    stored.currency !== next.currency ||
    stored.imageUrl !== next.imageUrl ||
    stored.category !== next.category ||
    stored.topupType !== next.topupType ||
    stored.description !== next.description ||
    canonical(stored.inputFields) !== canonical(next.inputFields) ||
    canonical(stored.upstreamPayload) !== canonical(next.upstreamPayload)
  );
}

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

function variantChanged(stored: ProductVariant, variant: UpstreamVariant): boolean {
  return (
    !stored.active ||
    stored.upstreamId !== variant.upstreamId ||
    stored.name !== variant.name ||
    stored.kind !== variant.kind ||
    !sameNumber(stored.amount, variant.amount, 4) ||
    !sameNumber(stored.minAmount, variant.minAmount, 4) ||
    !sameNumber(stored.maxAmount, variant.maxAmount, 4) ||
    stored.currency !== variant.currency ||
    !sameNumber(stored.discountPercent, variant.discountPercent, 3) ||
    stored.category !== variant.category ||
    !sameNumber(stored.dataGb, variant.dataGb, 3) ||
    stored.validityDays !== variant.validityDays ||
    stored.sortOrder !== variant.sortOrder ||
    canonical(stored.details) !== canonical(variant.details) ||
    canonical(stored.upstreamPayload) !== canonical(variant.upstreamPayload)
  );
}

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
  const moves: { key: string; name: string; before: string | null; after: string | null }[] = [];
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

type ChangeRow = { runId: string; productId: string; kind: ChangeKind; details: Record<string, unknown> };

/**
 * Writes what changed, and only that: store-side settings are never touched, nothing is deleted,
 * and an unchanged catalogue writes no change rows (only lastSyncedAt moves).
 */
async function applyCatalogue(
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

/**
 * Pauses every listed product whose markup would sell a variant below its wholesale estimate
 * (`below_cost`), and lifts that pause once the markup covers cost again. Returns the products
 * it newly paused. Runs after a sync and after any operator change to markups.
 */
export async function reconcileBelowCostPauses(
  tx: Database | Transaction,
  { settings, storeCurrency, productIds }: { settings?: StoreSettings; storeCurrency: string; productIds?: string[] },
): Promise<Product[]> {
  const effective = settings ?? (await getStoreSettings(tx));
  if (productIds && productIds.length === 0) return [];
  const scope = and(eq(products.upstreamStatus, 'active'), productIds ? inArray(products.id, productIds) : undefined);
  const candidates = await tx.select().from(products).where(scope);
  const ids = candidates.map((product) => product.id);
  const variants = ids.length
    ? await tx
        .select()
        .from(productVariants)
        .where(and(inArray(productVariants.productId, ids), eq(productVariants.active, true)))
    : [];
  const rates = new Map(
    (await tx.select().from(fxRates).where(eq(fxRates.toCurrency, storeCurrency))).map((row) => [row.fromCurrency, row.rate]),
  );
  const variantsOf = new Map<string, ProductVariant[]>();
  for (const variant of variants) variantsOf.set(variant.productId, [...(variantsOf.get(variant.productId) ?? []), variant]);

  const pause: Product[] = [];
  const resume: string[] = [];
  for (const product of candidates) {
    const rate = rates.get(product.currency);
    if (!rate) continue;
    const wholesales = (variantsOf.get(product.id) ?? []).flatMap((variant) => {
      const range = variantWholesale(variant, rate);
      return range ? [range.min, range.max] : [];
    });
    const below = isBelowCost(wholesales, effectiveMarkup(product, effective), storeCurrency);
    if (below && product.pausedReason === null) pause.push(product);
    if (!below && product.pausedReason === 'below_cost') resume.push(product.id);
  }
  if (pause.length) {
    await tx
      .update(products)
      .set({ pausedReason: 'below_cost', updatedAt: sql`now()` })
      .where(inArray(products.id, pause.map((product) => product.id)));
  }
  if (resume.length) await tx.update(products).set({ pausedReason: null, updatedAt: sql`now()` }).where(inArray(products.id, resume));
  return pause;
}
