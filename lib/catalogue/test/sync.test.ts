import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueChanges, catalogueSyncRuns, fxRates, operatorAlerts, products, productVariants } from '@/db/schema';
import { updateStoreSettings } from '@/lib/store/settings';
import { ESIM_PRODUCTS } from '@/sandbox/catalogue/esim';
import { TOPUP_PRODUCTS } from '@/sandbox/catalogue/topups';
import { VOUCHER_PRODUCTS } from '@/sandbox/catalogue/vouchers';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { setupSandbox, testClient } from '@/test/helpers/sandbox';
import { fetchTestScenarios } from '../test-scenarios';
import { reconcileBelowCostPauses, runCatalogueSync, startCatalogueSync, type SyncDeps, type SyncOutcome } from '../sync';

const harness = setupSandbox();
let database: TestDatabase;
let deps: SyncDeps;

const catalogueSize = VOUCHER_PRODUCTS.length + TOPUP_PRODUCTS.length + ESIM_PRODUCTS.length;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = {
    db: database.db,
    client: testClient(harness.sandbox.url, { logger: false }).client,
    storeCurrency: 'USD',
    images: false,
    testScenarios: () => fetchTestScenarios({ OCTOPUS_SANDBOX: true, OCTOPUS_API_URL: harness.sandbox.url }),
  };
});
afterAll(async () => {
  await database?.destroy();
});

async function sync(): Promise<Extract<SyncOutcome, { status: 'succeeded' }>> {
  const outcome = await runCatalogueSync(deps, { trigger: 'schedule' });
  if (outcome.status !== 'succeeded') throw new Error(`sync ${outcome.status}: ${'error' in outcome ? outcome.error : ''}`);
  return outcome;
}

async function changesOf(runId: string) {
  return database.db
    .select({ kind: catalogueChanges.kind, name: products.name, details: catalogueChanges.details })
    .from(catalogueChanges)
    .innerJoin(products, eq(products.id, catalogueChanges.productId))
    .where(eq(catalogueChanges.runId, runId));
}

async function product(vertical: 'voucher' | 'topup' | 'esim', upstreamId: number) {
  const [row] = await database.db
    .select()
    .from(products)
    .where(and(eq(products.vertical, vertical), eq(products.upstreamId, upstreamId)));
  return row!;
}

describe('catalogue sync', () => {
  it('brings in every product of the three verticals, disabled, with variants and forex rates', async () => {
    const outcome = await sync();
    console.info(`full sandbox catalogue, first sync: ${outcome.summary.durationMs} ms (${outcome.summary.products} products, ${outcome.summary.variants} variants)`);
    expect(outcome.summary).toMatchObject({ products: catalogueSize, new: catalogueSize, removed: 0, repriced: 0, currencies_without_rate: 0 });

    const all = await database.db.select().from(products);
    expect(all).toHaveLength(catalogueSize);
    expect(all.every((row) => !row.enabled && row.upstreamStatus === 'active')).toBe(true);

    const steam = await product('voucher', 123);
    expect(steam).toMatchObject({ countryCode: 'US', currency: 'USD', category: 'Gaming' });
    const steamVariants = await database.db.select().from(productVariants).where(eq(productVariants.productId, steam.id));
    expect(steamVariants.map((variant) => [variant.key, variant.amount, variant.discountPercent]).sort()).toEqual([
      ['d:10', '10.0000', '3.000'],
      ['d:100', '100.0000', '3.500'],
      ['d:25', '25.0000', '3.000'],
      ['d:50', '50.0000', '3.500'],
    ]);

    const pubg = await product('topup', 4218);
    expect(pubg.topupType).toBe('GAMING');
    expect(pubg.inputFields.map((field) => field.name)).toContain('player_id');
    const [sixtyUc] = await database.db.select().from(productVariants).where(and(eq(productVariants.productId, pubg.id), eq(productVariants.upstreamId, 88412)));
    expect(sixtyUc).toMatchObject({ name: '60 UC', kind: 'fixed', amount: '0.9900', discountPercent: '5.000' });

    const japan = await product('esim', 712);
    expect(japan).toMatchObject({ countryCode: 'JP', upstreamRegion: 'JPN' });
    const [plan] = await database.db.select().from(productVariants).where(eq(productVariants.upstreamId, 5511));
    expect(plan).toMatchObject({ productId: japan.id, amount: '4.5000', dataGb: '1.000', validityDays: 7, discountPercent: '5.000' });
    expect((await product('esim', 901)).countryCode).toBeNull();

    const rates = new Map((await database.db.select().from(fxRates)).map((row) => [row.fromCurrency, row.rate]));
    expect(rates.get('USD')).toBe('1.0000000000');
    expect(rates.get('INR')).toBe('0.0119800000'); // the sandbox's INR -> USD rate

    const [run] = await database.db.select().from(catalogueSyncRuns).where(eq(catalogueSyncRuns.id, outcome.runId));
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
    expect(run!.progress).toMatchObject({ phase: 'done', topup: { done: TOPUP_PRODUCTS.length, total: TOPUP_PRODUCTS.length } });
    expect((await changesOf(outcome.runId)).every((change) => change.kind === 'new')).toBe(true);
  });

  it('is idempotent: a second run over an unchanged supplier records no change and rewrites nothing', async () => {
    const before = await database.db.select({ id: products.id, updatedAt: products.updatedAt }).from(products);
    const variantsBefore = await database.db.select({ id: productVariants.id, updatedAt: productVariants.updatedAt }).from(productVariants);
    const outcome = await sync();
    console.info(`full sandbox catalogue, second (unchanged) sync: ${outcome.summary.durationMs} ms`);
    expect(outcome.summary).toMatchObject({ new: 0, removed: 0, restored: 0, repriced: 0, paused_below_cost: 0 });
    expect(await changesOf(outcome.runId)).toEqual([]);
    const after = new Map((await database.db.select({ id: products.id, updatedAt: products.updatedAt }).from(products)).map((row) => [row.id, row.updatedAt]));
    expect(before.every((row) => after.get(row.id)?.getTime() === row.updatedAt.getTime())).toBe(true);
    const variantsAfter = await database.db.select({ id: productVariants.id, updatedAt: productVariants.updatedAt }).from(productVariants);
    expect(variantsAfter.filter((row) => row.updatedAt.getTime() !== variantsBefore.find((old) => old.id === row.id)?.updatedAt.getTime())).toEqual([]);
  });

  it('marks a product the supplier stopped listing as removed, keeps it and its store settings', async () => {
    const japan = await product('esim', 712);
    await database.db
      .update(products)
      .set({ enabled: true, featured: true, displayName: 'Japan travel data', sortOrder: 3, markupPercent: '15' })
      .where(eq(products.id, japan.id));
    await harness.control.removeProduct('esim', 712);

    const outcome = await sync();
    expect(outcome.summary).toMatchObject({ removed: 1, new: 0, repriced: 0 });
    expect(await changesOf(outcome.runId)).toEqual([expect.objectContaining({ kind: 'removed', name: 'Japan eSIM' })]);
    expect(await product('esim', 712)).toMatchObject({
      upstreamStatus: 'removed',
      enabled: true,
      featured: true,
      displayName: 'Japan travel data',
      sortOrder: 3,
      markupPercent: '15.000',
    });
  });

  it('restores a product that is listed again, settings intact', async () => {
    // The sandbox was reset before this test, so 712 is listed again.
    const outcome = await sync();
    expect(await changesOf(outcome.runId)).toEqual([expect.objectContaining({ kind: 'restored', name: 'Japan eSIM' })]);
    expect(await product('esim', 712)).toMatchObject({ upstreamStatus: 'active', displayName: 'Japan travel data', markupPercent: '15.000' });
  });

  it('records a repricing with the wholesale before and after, and nothing else', async () => {
    await harness.control.repriceProduct('voucher', 123, { discount: 1 });
    const outcome = await sync();
    const changes = await changesOf(outcome.runId);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'repriced', name: 'Steam Wallet Card' });
    expect((changes[0]!.details as { variants: unknown[] }).variants).toContainEqual({ key: 'd:10', name: '10 USD', before: '9.7', after: '9.9' });
    const [variant] = await database.db
      .select()
      .from(productVariants)
      .where(and(eq(productVariants.productId, (await product('voucher', 123)).id), eq(productVariants.key, 'd:10')));
    expect(variant!.discountPercent).toBe('1.000');
    // Operators hear of it on the dashboard (issue 14 #5).
    const [alert] = await database.db.select().from(operatorAlerts).where(and(eq(operatorAlerts.key, 'catalogue_changes'), isNull(operatorAlerts.resolvedAt)));
    expect(alert).toMatchObject({ kind: 'catalogue', message: expect.stringContaining('repriced 1 product') });
  });

  it('pauses a product whose markup would sell below cost, once, until the markup is fixed', async () => {
    const pubg = await product('topup', 4218);
    await database.db.update(products).set({ enabled: true, markupPercent: '-5' }).where(eq(products.id, pubg.id));

    const first = await sync();
    const changes = await changesOf(first.runId);
    // The sandbox went back to its seeded prices, so Steam moves back too.
    expect(changes.filter((change) => change.kind !== 'repriced')).toEqual([expect.objectContaining({ kind: 'paused_below_cost', name: 'PUBG Mobile UC' })]);
    expect((await product('topup', 4218)).pausedReason).toBe('below_cost');

    const second = await sync();
    expect(await changesOf(second.runId)).toEqual([]);

    await database.db.update(products).set({ markupPercent: '5' }).where(eq(products.id, pubg.id));
    await reconcileBelowCostPauses(database.db, { storeCurrency: 'USD', productIds: [pubg.id] });
    expect((await product('topup', 4218)).pausedReason).toBeNull();
  });

  it('pauses through the store default markup too', async () => {
    await updateStoreSettings(database.db, { esimMarkupPercent: '-1' });
    const outcome = await sync();
    const paused = (await changesOf(outcome.runId)).filter((change) => change.kind === 'paused_below_cost');
    // Every eSIM except Japan (its own +15% wins over the vertical's -1%).
    expect(paused).toHaveLength(ESIM_PRODUCTS.length - 1);
    expect((await product('esim', 712)).pausedReason).toBeNull();
    await updateStoreSettings(database.db, { esimMarkupPercent: null });
    await reconcileBelowCostPauses(database.db, { storeCurrency: 'USD' });
    expect((await product('esim', 901)).pausedReason).toBeNull();
  });

  it('runs one sync at a time: a concurrent attempt is turned away', async () => {
    const [a, b] = await Promise.all([runCatalogueSync(deps, { trigger: 'operator' }), runCatalogueSync(deps, { trigger: 'schedule' })]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual(['busy', 'succeeded']);
    const running = await database.db.select().from(catalogueSyncRuns).where(eq(catalogueSyncRuns.status, 'running'));
    expect(running).toEqual([]);
  });

  it('reports the running run to a second caller while the first is in progress', async () => {
    const first = await startCatalogueSync(deps, { trigger: 'operator' });
    expect(first.status).toBe('started');
    const second = await startCatalogueSync(deps, { trigger: 'operator' });
    expect(second).toEqual({ status: 'busy', runId: first.status === 'started' ? first.run.id : null });
    if (first.status === 'started') expect((await first.done).status).toBe('succeeded');
  });

  it('takes over from a run whose lease expired (its process died), marking it failed', async () => {
    const [stale] = await database.db
      .insert(catalogueSyncRuns)
      .values({ trigger: 'schedule', leaseExpiresAt: sql`now() - interval '1 minute'` })
      .returning();
    const outcome = await runCatalogueSync(deps, { trigger: 'schedule' });
    expect(outcome.status).toBe('succeeded');
    const [row] = await database.db.select().from(catalogueSyncRuns).where(eq(catalogueSyncRuns.id, stale!.id));
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.error).toMatch(/lease expired/);
  });

  it('records a failed run and writes nothing when the supplier fails mid-way', async () => {
    await harness.control.removeProduct('voucher', 123);
    await harness.control.injectFault({ path: '/api/v1/esim/products/:id', kind: 'error', status: 500 });
    const outcome = await runCatalogueSync({ ...deps, client: testClient(harness.sandbox.url, { logger: false, retry: { maxAttempts: 1 } }).client }, { trigger: 'schedule' });
    expect(outcome.status).toBe('failed');
    const [run] = await database.db.select().from(catalogueSyncRuns).where(eq(catalogueSyncRuns.id, outcome.runId!));
    expect(run).toMatchObject({ status: 'failed' });
    expect(run!.finishedAt).not.toBeNull();
    expect((await product('voucher', 123)).upstreamStatus).toBe('active');
  });
});

describe('catalogue sync with auto-enable', () => {
  let fresh: TestDatabase;
  beforeAll(async () => {
    fresh = await createTestDatabase();
    await updateStoreSettings(fresh.db, { autoEnableNewProducts: true });
  });
  afterAll(async () => {
    await fresh?.destroy();
  });

  it('enables new products when the store says so', async () => {
    const outcome = await runCatalogueSync({ ...deps, db: fresh.db }, { trigger: 'seed' });
    expect(outcome.status).toBe('succeeded');
    const rows = await fresh.db.select({ enabled: products.enabled }).from(products);
    expect(rows.length).toBe(catalogueSize);
    expect(rows.every((row) => row.enabled)).toBe(true);
  });
});

describe('sandbox test scenarios', () => {
  it('marks the sandbox test products as test scenarios in sandbox mode, and only them; outside sandbox mode none', async () => {
    await sync();
    const marked = await database.db.select({ vertical: products.vertical, upstreamId: products.upstreamId, name: products.name }).from(products).where(eq(products.testScenario, true));
    expect(marked.map((row) => `${row.vertical} ${row.upstreamId} ${row.name}`).sort()).toEqual(['esim 999 Sandbox Test eSIM', 'voucher 999 Sandbox Test Gift Card']);

    // The sandbox could not say: the marks stay as they were.
    await runCatalogueSync({ ...deps, testScenarios: async () => null }, { trigger: 'schedule' });
    expect(await database.db.$count(products, eq(products.testScenario, true))).toBe(2);

    // The real supplier has no test products: a store switched to it keeps none marked.
    await runCatalogueSync({ ...deps, testScenarios: () => fetchTestScenarios({ OCTOPUS_SANDBOX: false, OCTOPUS_API_URL: harness.sandbox.url }) }, { trigger: 'schedule' });
    expect(await database.db.$count(products, eq(products.testScenario, true))).toBe(0);
    await sync();
    expect(await database.db.$count(products, eq(products.testScenario, true))).toBe(2);
  }, 180_000);
});
