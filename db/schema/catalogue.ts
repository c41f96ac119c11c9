import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { FieldDescriptor } from '@/lib/forms/types';
import { users } from './accounts';

export const vertical = pgEnum('vertical', ['voucher', 'topup', 'esim']);
export type VerticalKind = (typeof vertical.enumValues)[number];

// The shapes the jsonb columns below hold, so reads need no casts. (FieldDescriptor is a plain
// type shared with the browser: a type import, nothing of lib/ runs here.)

export type VerticalProgress = { done: number; total: number };
export type SyncPhase = 'starting' | 'fetching' | 'pricing' | 'saving' | 'done';
/** What a running sync publishes for the operator's page. */
export type SyncProgress = Record<VerticalKind, VerticalProgress> & { phase: SyncPhase };
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
/** One variant's wholesale ("min" or "min-max", store currency) before and after a sync; null: not sold. */
export type PriceMove = { key: string; name: string; before: string | null; after: string | null };
/** `variants` counts a new product's variants, or lists a repriced one's moves. */
export type CatalogueChangeDetails = { name: string; variants?: number | PriceMove[]; currency?: string; markupPercent?: string | null; imageUrl?: string; reason?: string };

/**
 * One product of the supplier's catalogue (a voucher brand in a country, a game, a mobile
 * operator, an eSIM destination) with the store's own settings beside it. Never deleted once
 * orders may point at it: a product the supplier stops listing is marked `removed` and hidden.
 */
export const products = pgTable(
  'products',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    vertical: vertical('vertical').notNull(),
    upstreamId: integer('upstream_id').notNull(),
    name: text('name').notNull(),
    /** ISO 3166-1 alpha-2 when the product belongs to one country, else null (regions, global). */
    countryCode: text('country_code'),
    /** The supplier's own country or region code (alpha-2, alpha-3, GLO, EUR...). */
    upstreamRegion: text('upstream_region'),
    currency: text('currency').notNull(),
    imageUrl: text('image_url'),
    category: text('category'),
    topupType: text('topup_type'),
    description: text('description'),
    /** Parsed input_fields descriptors (top-ups); the form and its zod schema come from these. */
    inputFields: jsonb('input_fields').$type<FieldDescriptor[]>().notNull().default([]),
    upstreamPayload: jsonb('upstream_payload').notNull(),
    upstreamStatus: text('upstream_status', { enum: ['active', 'removed'] }).notNull().default('active'),

    // Store-side settings, owned by operators; sync never overwrites them.
    enabled: boolean('enabled').notNull().default(false),
    featured: boolean('featured').notNull().default(false),
    displayName: text('display_name'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Percent over wholesale, e.g. 12.5; null means the vertical's (else the store's) default. */
    markupPercent: numeric('markup_percent', { precision: 7, scale: 3 }),
    /** Set when the store must not sell it for now (e.g. `below_cost`), whatever `enabled` says. */
    pausedReason: text('paused_reason'),
    /**
     * A sandbox product whose options select test scenarios (failures, delays): in sandbox mode
     * customers see it apart from the catalogue, under "Test scenarios". Set by the sync from the
     * sandbox's own list; outside sandbox mode always false.
     */
    testScenario: boolean('test_scenario').notNull().default(false),
    /** The operator's description and "How to redeem" steps (Markdown), shown on the product page. */
    storeDescription: text('store_description'),
    redeemSteps: text('redeem_steps'),

    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('products_upstream_idx').on(table.vertical, table.upstreamId),
    index('products_listing_idx').on(table.vertical, table.enabled, table.upstreamStatus),
  ],
);

export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;

/**
 * What a customer picks inside a product: a voucher denomination (fixed or range), a top-up
 * pack or airtime range, an eSIM plan. `key` is stable across syncs (derived from upstream ids
 * and amounts), so orders and settings survive a re-sync.
 */
export const productVariants = pgTable(
  'product_variants',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    key: text('key').notNull(),
    upstreamId: integer('upstream_id'),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['fixed', 'range'] }).notNull(),
    /** Face value in the product's currency, for fixed variants. */
    amount: numeric('amount', { precision: 20, scale: 4 }),
    minAmount: numeric('min_amount', { precision: 20, scale: 4 }),
    maxAmount: numeric('max_amount', { precision: 20, scale: 4 }),
    currency: text('currency').notNull(),
    /** The supplier's discount to us, in percent, where it publishes one. */
    discountPercent: numeric('discount_percent', { precision: 7, scale: 3 }),
    category: text('category'),
    dataGb: numeric('data_gb', { precision: 10, scale: 3 }),
    validityDays: integer('validity_days'),
    details: jsonb('details').$type<Record<string, string>>().notNull().default({}),
    upstreamPayload: jsonb('upstream_payload').notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('product_variants_key_idx').on(table.productId, table.key)],
);

export type ProductVariant = typeof productVariants.$inferSelect;
export type NewProductVariant = typeof productVariants.$inferInsert;

/** Supplier forex rates into the store currency, learnt from charges quotes during sync. */
export const fxRates = pgTable(
  'fx_rates',
  {
    fromCurrency: text('from_currency').notNull(),
    toCurrency: text('to_currency').notNull(),
    rate: numeric('rate', { precision: 24, scale: 10 }).notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.fromCurrency, table.toCurrency] })],
);

/** One catalogue sync: who or what started it, how far it got, what it changed. */
export const catalogueSyncRuns = pgTable(
  'catalogue_sync_runs',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    trigger: text('trigger', { enum: ['operator', 'schedule', 'seed'] }).notNull(),
    triggeredById: text('triggered_by_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['running', 'succeeded', 'failed'] }).notNull().default('running'),
    /** A running sync renews this; one whose lease ran out died with its process. */
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }).notNull(),
    /** Empty until the run starts publishing. */
    progress: jsonb('progress').$type<Partial<SyncProgress>>().notNull().default({}),
    /** Empty until the run succeeds. */
    summary: jsonb('summary').$type<Partial<SyncSummary>>().notNull().default({}),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    // At most one sync runs at a time across every server process.
    uniqueIndex('catalogue_sync_runs_one_running_idx').on(table.status).where(sql`${table.status} = 'running'`),
    index('catalogue_sync_runs_started_idx').on(table.startedAt),
  ],
);

export type CatalogueSyncRun = typeof catalogueSyncRuns.$inferSelect;

export const catalogueChanges = pgTable(
  'catalogue_changes',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    runId: text('run_id')
      .notNull()
      .references(() => catalogueSyncRuns.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['new', 'removed', 'restored', 'repriced', 'paused_below_cost', 'image_refused'] }).notNull(),
    details: jsonb('details').$type<CatalogueChangeDetails>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('catalogue_changes_run_idx').on(table.runId)],
);

export type CatalogueChange = typeof catalogueChanges.$inferSelect;

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A product's picture, fetched once from the supplier's `image_url` (size and type checked) and
 * served from our own origin, so pages never depend on the supplier's CDN.
 */
export const productImages = pgTable('product_images', {
  productId: text('product_id')
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  /** The supplier URL it was fetched from; a new URL in the catalogue fetches again. */
  sourceUrl: text('source_url').notNull(),
  /** Set when an operator uploaded this picture: the sync then leaves it alone. */
  uploadedBy: text('uploaded_by'),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  /** Hex SHA-256 of the bytes: the cache-busting version in our image URL. */
  sha256: text('sha256').notNull(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ProductImage = typeof productImages.$inferSelect;
