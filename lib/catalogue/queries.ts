import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import {
  catalogueChanges,
  catalogueSyncRuns,
  fxRates,
  productImages,
  products,
  productVariants,
  users,
  type CatalogueChange,
  type CatalogueSyncRun,
  type Product,
  type ProductVariant,
  type VerticalKind,
} from '@/db/schema';
import { operatorScope } from '@/lib/auth/guards';
import type { FieldDescriptor } from '@/lib/forms/types';
import { Decimal } from '@/lib/money';
import { getStoreInfo } from '@/lib/store';
import { getStoreSettings, type StoreSettings } from '@/lib/store/settings';
import { verticalSlugOf, type VerticalSlug } from '@/lib/verticals';
import { destinationName } from './countries';
import { productImagePath } from './product-images';
import { effectiveMarkup, faceBounds, retailFromWholesale, variantWholesale } from './pricing';
import { isUuid } from '@/lib/ids';

/** The rows of one storefront section: vouchers; top-ups split into games and mobile; eSIM. */
function sectionFilter(slug: VerticalSlug): SQL {
  switch (slug) {
    case 'vouchers':
      return eq(products.vertical, 'voucher');
    case 'esim':
      return eq(products.vertical, 'esim');
    case 'mobile':
      return and(eq(products.vertical, 'topup'), eq(products.topupType, 'MOBILE'))!;
    case 'games':
      return and(eq(products.vertical, 'topup'), or(isNull(products.topupType), ne(products.topupType, 'MOBILE')))!;
  }
}

// --- storefront ------------------------------------------------------------------------------

/** What customers may see: enabled, still listed by the supplier, not paused. */
const onSale = and(eq(products.enabled, true), eq(products.upstreamStatus, 'active'), isNull(products.pausedReason));

export type PricingContext = { storeCurrency: string; settings: StoreSettings };

/** Plain JSON (cached by Next): money as decimal text. */
export type StoreVariant = {
  id: string;
  name: string;
  kind: 'fixed' | 'range';
  /** Face value(s) in the product currency. */
  faceMin: string;
  faceMax: string;
  currency: string;
  /** Estimated retail in the store currency, at the two ends (equal for fixed variants). */
  priceMin: string;
  priceMax: string;
  category: string | null;
  dataGb: string | null;
  validityDays: number | null;
  details: Record<string, string>;
};

export type StoreProduct = {
  id: string;
  vertical: VerticalKind;
  slug: VerticalSlug;
  name: string;
  countryCode: string | null;
  upstreamRegion: string | null;
  destination: string;
  currency: string;
  imageUrl: string | null;
  category: string | null;
  topupType: string | null;
  featured: boolean;
  /** A sandbox test product: listed apart, under "Test scenarios" (see test-scenarios.ts). */
  testScenario: boolean;
  /** The cheapest option's estimated retail price, store currency. */
  fromPrice: string;
  variantCount: number;
  /** Variant categories (Airtime, Data, Bundle...), for filtering. */
  variantCategories: string[];
};

export type StoreProductDetail = StoreProduct & {
  description: string | null;
  /** The operator's Markdown (see product-content.ts); their description replaces the supplier's line. */
  storeDescription: string | null;
  redeemSteps: string | null;
  inputFields: FieldDescriptor[];
  variants: StoreVariant[];
};

function priceVariants(product: Product, variants: ProductVariant[], rate: string, context: PricingContext): StoreVariant[] {
  const markup = effectiveMarkup(product, context.settings);
  return variants.flatMap((variant) => {
    const faces = faceBounds(variant);
    const wholesale = variantWholesale(variant, rate);
    if (!faces || !wholesale) return [];
    return [
      {
        id: variant.id,
        name: variant.name,
        kind: variant.kind,
        faceMin: faces.min.toFixed(),
        faceMax: faces.max.toFixed(),
        currency: variant.currency,
        priceMin: retailFromWholesale(wholesale.min, markup, context.storeCurrency).toFixed(),
        priceMax: retailFromWholesale(wholesale.max, markup, context.storeCurrency).toFixed(),
        category: variant.category,
        dataGb: variant.dataGb,
        validityDays: variant.validityDays,
        details: variant.details,
      },
    ];
  });
}

function toStoreProduct(product: Product, variants: StoreVariant[], imageSha: string | null): StoreProduct {
  const cheapest = variants.reduce((min, variant) => (new Decimal(variant.priceMin).lt(min) ? new Decimal(variant.priceMin) : min), new Decimal(Infinity));
  return {
    id: product.id,
    vertical: product.vertical,
    slug: verticalSlugOf(product),
    name: product.displayName ?? product.name,
    countryCode: product.countryCode,
    upstreamRegion: product.upstreamRegion,
    destination: destinationName(product),
    currency: product.currency,
    // Our stored copy of the supplier's picture; none yet (or none listed): the initials tile.
    imageUrl: imageSha ? productImagePath(product.id, imageSha) : null,
    category: product.category,
    topupType: product.topupType,
    featured: product.featured,
    testScenario: product.testScenario,
    fromPrice: cheapest.toFixed(),
    variantCount: variants.length,
    variantCategories: [...new Set(variants.map((variant) => variant.category).filter((category) => category !== null))],
  };
}

async function loadOnSale(db: Database, context: PricingContext, where: SQL | undefined) {
  const rows = await db
    .select({ product: products, rate: fxRates.rate, imageSha: productImages.sha256 })
    .from(products)
    .leftJoin(productImages, eq(productImages.productId, products.id))
    // A product is priced in the store currency only once the supplier's forex rate is known.
    .innerJoin(fxRates, and(eq(fxRates.fromCurrency, products.currency), eq(fxRates.toCurrency, context.storeCurrency)))
    .where(and(onSale, where))
    .orderBy(desc(products.featured), asc(products.sortOrder), asc(sql`coalesce(${products.displayName}, ${products.name})`));
  const ids = rows.map((row) => row.product.id);
  const variants = ids.length
    ? await db
        .select()
        .from(productVariants)
        .where(and(inArray(productVariants.productId, ids), eq(productVariants.active, true)))
        .orderBy(asc(productVariants.sortOrder))
    : [];
  const byProduct = new Map<string, ProductVariant[]>();
  for (const variant of variants) byProduct.set(variant.productId, [...(byProduct.get(variant.productId) ?? []), variant]);
  return rows.flatMap(({ product, rate, imageSha }) => {
    const priced = priceVariants(product, byProduct.get(product.id) ?? [], rate, context);
    // Nothing to buy, nothing to show.
    return priced.length ? [{ product, variants: priced, imageSha }] : [];
  });
}

export async function listStoreProductsBySection(db: Database, context: PricingContext, slug: VerticalSlug): Promise<StoreProduct[]> {
  const rows = await loadOnSale(db, context, sectionFilter(slug));
  return rows.map(({ product, variants, imageSha }) => toStoreProduct(product, variants, imageSha));
}

/** A product page's data, or null when customers may not see it (a 404 for them). */
export async function getStoreProductById(db: Database, context: PricingContext, id: string): Promise<StoreProductDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await loadOnSale(db, context, eq(products.id, id));
  if (!row) return null;
  const variants = [...row.variants].sort((a, b) => new Decimal(a.faceMin).comparedTo(b.faceMin) || a.name.localeCompare(b.name));
  return {
    ...toStoreProduct(row.product, row.variants, row.imageSha),
    description: row.product.storeDescription?.trim() ? null : row.product.description,
    storeDescription: row.product.storeDescription?.trim() || null,
    redeemSteps: row.product.redeemSteps?.trim() || null,
    inputFields: row.product.inputFields,
    variants,
  };
}

/**
 * A stamp that changes whenever anything a customer page shows may have changed: products,
 * variants, forex rates or store settings (markups, currency). Part of every cache key, so a
 * sync in another process (the worker, the seed) is seen at once.
 */
export async function getCatalogueVersion(db: Database): Promise<string> {
  const result = await db.execute<{ version: string | null }>(sql`
    select concat_ws('|',
      (select max(updated_at) from products),
      (select count(*) from products),
      (select max(updated_at) from product_variants),
      (select max(fetched_at) from fx_rates),
      (select max(fetched_at) from product_images),
      (select max(updated_at) from store_settings)
    ) as version`);
  const rows = (Array.isArray(result) ? result : (result as { rows: { version: string | null }[] }).rows) as { version: string | null }[];
  return rows[0]?.version ?? 'empty';
}

/** Names of the given products that are on sale (a detected operator's alternatives). */
export async function listProductNamesOnSale(ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  return db.select({ id: products.id, name: products.name }).from(products).where(and(inArray(products.id, ids), onSale));
}

// --- operator console ------------------------------------------------------------------------

export type AdminProductFilters = {
  search?: string;
  section?: VerticalSlug;
  country?: string;
  enabled?: 'yes' | 'no';
  status?: 'paused' | 'removed';
  limit: number;
  offset: number;
};

export type AdminProductRow = Pick<
  Product,
  | 'id'
  | 'vertical'
  | 'upstreamId'
  | 'name'
  | 'displayName'
  | 'countryCode'
  | 'upstreamRegion'
  | 'currency'
  | 'topupType'
  | 'enabled'
  | 'featured'
  | 'markupPercent'
  | 'pausedReason'
  | 'upstreamStatus'
  | 'sortOrder'
> & { variantCount: number };

export async function listAdminProducts(db: Database, filters: AdminProductFilters): Promise<{ rows: AdminProductRow[]; total: number }> {
  const search = filters.search?.trim();
  const where = and(
    filters.section ? sectionFilter(filters.section) : undefined,
    filters.country ? (filters.country === 'none' ? isNull(products.countryCode) : eq(products.countryCode, filters.country)) : undefined,
    filters.enabled ? eq(products.enabled, filters.enabled === 'yes') : undefined,
    filters.status === 'paused' ? isNotNull(products.pausedReason) : undefined,
    filters.status === 'removed' ? eq(products.upstreamStatus, 'removed') : undefined,
    search
      ? or(
          ilike(products.name, `%${search.replace(/[%_\\]/g, '\\$&')}%`),
          ilike(products.displayName, `%${search.replace(/[%_\\]/g, '\\$&')}%`),
          /^\d{1,9}$/.test(search) ? eq(products.upstreamId, Number(search)) : undefined,
        )
      : undefined,
  );
  const variantCount = db
    .select({ productId: productVariants.productId, total: count().as('total') })
    .from(productVariants)
    .where(eq(productVariants.active, true))
    .groupBy(productVariants.productId)
    .as('variant_count');
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: products.id,
        vertical: products.vertical,
        upstreamId: products.upstreamId,
        name: products.name,
        displayName: products.displayName,
        countryCode: products.countryCode,
        upstreamRegion: products.upstreamRegion,
        currency: products.currency,
        topupType: products.topupType,
        enabled: products.enabled,
        featured: products.featured,
        markupPercent: products.markupPercent,
        pausedReason: products.pausedReason,
        upstreamStatus: products.upstreamStatus,
        sortOrder: products.sortOrder,
        variantCount: sql<number>`coalesce(${variantCount.total}, 0)::int`,
      })
      .from(products)
      .leftJoin(variantCount, eq(variantCount.productId, products.id))
      .where(where)
      .orderBy(asc(products.vertical), asc(products.name))
      .limit(filters.limit)
      .offset(filters.offset),
    db.select({ total: count() }).from(products).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

/** Country codes that appear in the catalogue, for the operator's country filter. */
export async function listCatalogueCountries(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: products.countryCode })
    .from(products)
    .where(isNotNull(products.countryCode))
    .orderBy(asc(products.countryCode));
  return rows.map((row) => row.code!);
}

export type AdminProductDetail = { product: Product; variants: ProductVariant[]; fxRate: string | null };

export async function getAdminProductById(db: Database, id: string, storeCurrency: string): Promise<AdminProductDetail | null> {
  if (!isUuid(id)) return null;
  const [product] = await db.select().from(products).where(eq(products.id, id));
  if (!product) return null;
  const [variants, [rate]] = await Promise.all([
    db
      .select()
      .from(productVariants)
      .where(and(eq(productVariants.productId, id), eq(productVariants.active, true)))
      .orderBy(asc(productVariants.sortOrder)),
    db
      .select({ rate: fxRates.rate })
      .from(fxRates)
      .where(and(eq(fxRates.fromCurrency, product.currency), eq(fxRates.toCurrency, storeCurrency))),
  ]);
  return { product, variants, fxRate: rate?.rate ?? null };
}

export type SyncRunRow = CatalogueSyncRun & { triggeredByEmail: string | null; changeCount: number };

export async function listSyncRuns(db: Database, { limit = 20, offset = 0 }: { limit?: number; offset?: number } = {}): Promise<SyncRunRow[]> {
  const changeCount = db
    .select({ runId: catalogueChanges.runId, total: count().as('total') })
    .from(catalogueChanges)
    .groupBy(catalogueChanges.runId)
    .as('change_count');
  const rows = await db
    .select({ run: catalogueSyncRuns, email: users.email, changes: sql<number>`coalesce(${changeCount.total}, 0)::int` })
    .from(catalogueSyncRuns)
    .leftJoin(users, eq(users.id, catalogueSyncRuns.triggeredById))
    .leftJoin(changeCount, eq(changeCount.runId, catalogueSyncRuns.id))
    .orderBy(desc(catalogueSyncRuns.startedAt))
    .limit(limit)
    .offset(offset);
  return rows.map((row) => ({ ...row.run, triggeredByEmail: row.email, changeCount: row.changes }));
}

export async function getSyncRunById(db: Database, id: string): Promise<CatalogueSyncRun | null> {
  if (!isUuid(id)) return null;
  const [run] = await db.select().from(catalogueSyncRuns).where(eq(catalogueSyncRuns.id, id));
  return run ?? null;
}

export async function getLatestSyncRun(db: Database): Promise<CatalogueSyncRun | null> {
  const [run] = await db.select().from(catalogueSyncRuns).orderBy(desc(catalogueSyncRuns.startedAt)).limit(1);
  return run ?? null;
}

export type ChangeRow = {
  id: string;
  kind: CatalogueChange['kind'];
  details: CatalogueChange['details'];
  productId: string;
  productName: string;
  vertical: VerticalKind;
  enabled: boolean;
};

export async function listChangesByRun(db: Database, runId: string): Promise<ChangeRow[]> {
  return db
    .select({
      id: catalogueChanges.id,
      kind: catalogueChanges.kind,
      details: catalogueChanges.details,
      productId: products.id,
      productName: sql<string>`coalesce(${products.displayName}, ${products.name})`,
      vertical: products.vertical,
      enabled: products.enabled,
    })
    .from(catalogueChanges)
    .innerJoin(products, eq(products.id, catalogueChanges.productId))
    .where(eq(catalogueChanges.runId, runId))
    .orderBy(asc(catalogueChanges.kind), asc(products.name));
}

// --- console loaders: each checks the operator role itself -----------------------------------

/** The catalogue table of the console, with the settings its markup column falls back to. */
export async function loadCatalogueConsole(filters: AdminProductFilters) {
  const { db } = await operatorScope();
  const [page, countries, settings] = await Promise.all([listAdminProducts(db, filters), listCatalogueCountries(db), getStoreSettings(db)]);
  return { ...page, countries, settings };
}

/** One product as the console edits it, with the store's settings and currency. */
export async function loadProductForOperator(id: string) {
  const { db } = await operatorScope();
  const { currency } = await getStoreInfo();
  const [detail, settings] = await Promise.all([getAdminProductById(db, id, currency), getStoreSettings(db)]);
  return detail ? { ...detail, settings, currency } : null;
}

/** The sync history: recent runs, and the changes of the chosen run (else the latest finished one). */
export async function loadSyncHistory(runId: string | undefined, limit = 25) {
  const { db } = await operatorScope();
  const [runs, { currency }] = await Promise.all([listSyncRuns(db, { limit }), getStoreInfo()]);
  const running = runs.find((run) => run.status === 'running') ?? null;
  const selected = runs.find((run) => run.id === runId) ?? runs.find((run) => run.status !== 'running') ?? null;
  const changes = selected ? await listChangesByRun(db, selected.id) : [];
  return { runs, currency, running, selected, changes };
}

/** One sync run's live state (the given id, else the latest), polled by the sync page. */
export async function loadSyncRun(runId: string | null) {
  const { db } = await operatorScope();
  return runId ? getSyncRunById(db, runId) : getLatestSyncRun(db);
}
