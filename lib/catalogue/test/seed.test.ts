import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { setupSandbox, testClient } from '@/test/helpers/sandbox';
import { getStoreSettings } from '@/lib/store/settings';
import { seedCatalogue } from '../seed';

const harness = setupSandbox();
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

describe('seedCatalogue', () => {
  it('syncs a never-synced demo store once, puts it on sale and features a few products per vertical', async () => {
    const client = testClient(harness.sandbox.url, { logger: false }).client;
    const first = await seedCatalogue(database.db, { client, storeCurrency: 'USD', sandbox: true });
    expect(first.status).toBe('synced');
    const rows = await database.db.select().from(products);
    expect(rows.every((row) => row.enabled)).toBe(true);
    // The setting says what the sync did (issue 14 #16).
    expect((await getStoreSettings(database.db)).autoEnableNewProducts).toBe(true);
    const featured = rows.filter((row) => row.featured);
    expect(new Set(featured.map((row) => row.vertical))).toEqual(new Set(['voucher', 'topup', 'esim']));
    const [pubg] = await database.db.select().from(products).where(and(eq(products.vertical, 'topup'), eq(products.upstreamId, 4218)));
    expect(pubg!.featured).toBe(true);

    // An operator's later choice survives the next start.
    await database.db.update(products).set({ enabled: false }).where(eq(products.id, pubg!.id));
    expect(await seedCatalogue(database.db, { client, storeCurrency: 'USD', sandbox: true })).toEqual({ status: 'skipped' });
    const [after] = await database.db.select().from(products).where(eq(products.id, pubg!.id));
    expect(after!.enabled).toBe(false);
  });

  it('leaves a store on the real supplier with its setting off and nothing on sale', async () => {
    const other = await createTestDatabase();
    try {
      const client = testClient(harness.sandbox.url, { logger: false }).client;
      expect((await seedCatalogue(other.db, { client, storeCurrency: 'USD', sandbox: false })).status).toBe('synced');
      expect((await getStoreSettings(other.db)).autoEnableNewProducts).toBe(false);
      expect((await other.db.select().from(products)).some((row) => row.enabled)).toBe(false);
    } finally {
      await other.destroy();
    }
  });
});
