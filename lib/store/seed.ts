import { randomBytes } from 'node:crypto';
import { findUserByEmail, upsertOperator } from '@/lib/auth/users';
import { seedCatalogue, type CatalogueSeedResult } from '@/lib/catalogue/seed';
import type { OctopusClient } from '@/lib/octopus';
import { readStoreInfo } from './index';
import type { Database } from '@/db';
import { storeSettings } from '@/db/schema';

export type SeedOptions = {
  storeName: string;
  storeCurrency: string;
  operatorEmail: string;
  /** When unset and no operator exists yet, one is generated and returned to be printed once. */
  operatorPassword?: string;
  /** The supplier to sync the catalogue from when the store has never synced it. */
  supplier?: { client: OctopusClient; sandbox: boolean };
};

export type SeedResult = { operator?: { email: string; password: string; created: boolean }; catalogue?: CatalogueSeedResult };

/**
 * Idempotent: fills what a fresh store needs and leaves everything an operator changed alone.
 * The catalogue is synced from the supplier once, on a store that never synced it.
 */
export async function seedDatabase(db: Database, options: SeedOptions): Promise<SeedResult> {
  await db
    .insert(storeSettings)
    .values([
      { key: 'store_name', value: options.storeName },
      { key: 'store_currency', value: options.storeCurrency },
    ])
    .onConflictDoNothing({ target: storeSettings.key });

  const catalogue = options.supplier
    ? await seedCatalogue(db, { ...options.supplier, storeCurrency: (await readStoreInfo(db)).currency })
    : undefined;
  return { ...(await seedOperator(db, options)), catalogue };
}

async function seedOperator(db: Database, options: SeedOptions): Promise<Pick<SeedResult, 'operator'>> {
  const existing = await findUserByEmail(db, options.operatorEmail);
  if (existing?.role === 'operator' && !options.operatorPassword) return {};
  if (existing?.role === 'operator' && options.operatorPassword && existing.passwordHash) {
    // A configured password wins, so OPERATOR_PASSWORD in .env always signs in.
    const { verifyPassword } = await import('@/lib/auth/password');
    if (await verifyPassword(options.operatorPassword, existing.passwordHash)) return {};
  }
  const password = options.operatorPassword ?? randomBytes(12).toString('base64url');
  const { created } = await upsertOperator(db, options.operatorEmail, password);
  return { operator: { email: options.operatorEmail, password, created } };
}
