import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { getStoreSettings, updateStoreSettings } from '../settings';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

describe('store settings', () => {
  it('reads back numeric text settings as written, negative and fractional included', async () => {
    await updateStoreSettings(database.db, { defaultMarkupPercent: '12.5', esimMarkupPercent: '-1', voucherMarkupPercent: '0', autoEnableNewProducts: true });
    expect(await getStoreSettings(database.db)).toMatchObject({
      defaultMarkupPercent: '12.5',
      esimMarkupPercent: '-1',
      voucherMarkupPercent: '0',
      topupMarkupPercent: null,
      autoEnableNewProducts: true,
    });
  });
});

describe('clearing a setting', () => {
  it('stores null so the vertical falls back to the store default', async () => {
    await updateStoreSettings(database.db, { esimMarkupPercent: '7' });
    await updateStoreSettings(database.db, { esimMarkupPercent: null });
    expect((await getStoreSettings(database.db)).esimMarkupPercent).toBeNull();
  });
});
