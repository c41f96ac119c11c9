import type { Database } from './client';
import { storeSettings } from './schema';

export type SeedOptions = { storeName: string; storeCurrency: string };

/**
 * Idempotent: fills what a fresh store needs and leaves everything an operator changed alone.
 * Later issues extend it (the first operator, the catalogue synced from the supplier).
 */
export async function seedDatabase(db: Database, options: SeedOptions): Promise<void> {
  await db
    .insert(storeSettings)
    .values([
      { key: 'store_name', value: options.storeName },
      { key: 'store_currency', value: options.storeCurrency },
    ])
    .onConflictDoNothing({ target: storeSettings.key });
}
