import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSettings, users } from '@/db/schema';
import { creditCustomer } from '@/lib/ledger';
import { currencyLockReason, readStoreInfo, updateStoreIdentity } from '@/lib/store';
import { demoCreditOf, getStoreSettings, updateStoreSettings } from '@/lib/store/settings';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

describe('store identity', () => {
  it('reads the name and currency from the database, with the environment as fallback', async () => {
    expect(await readStoreInfo(database.db)).toMatchObject({ name: 'Octopus Store', currency: 'USD' });
    await updateStoreIdentity(database.db, { name: '2024', currency: 'EUR' });
    expect(await readStoreInfo(database.db)).toMatchObject({ name: '2024', currency: 'EUR' });
    await database.db.update(storeSettings).set({ value: 'not a currency' });
    expect((await readStoreInfo(database.db)).currency).toBe('USD');
  });

  it('lets the currency change only until money has moved', async () => {
    expect(await currencyLockReason(database.db)).toBeNull();
    const [user] = await database.db.insert(users).values({ email: 'lock@example.com' }).returning();
    await database.db.transaction((tx) => creditCustomer(tx, { userId: user!.id, currency: 'USD', amount: '5', kind: 'demo_credit', memo: 'Demo' }));
    expect(await currencyLockReason(database.db)).toMatch(/demo credit counts/);
  });

  it('takes the demo credit from the setting, else from DEMO_CREDIT', async () => {
    expect(demoCreditOf(await getStoreSettings(database.db))).toBe('50.00');
    await updateStoreSettings(database.db, { demoCredit: '12.5' });
    expect(demoCreditOf(await getStoreSettings(database.db))).toBe('12.5');
    await updateStoreSettings(database.db, { demoCredit: null });
    expect(demoCreditOf(await getStoreSettings(database.db))).toBe('50.00');
  });
});
