import { randomBytes } from 'node:crypto';
import { findUserByEmail, upsertOperator } from '@/lib/auth/users';
import type { Database } from './client';
import { storeSettings } from './schema';

export type SeedOptions = {
  storeName: string;
  storeCurrency: string;
  operatorEmail: string;
  /** When unset and no operator exists yet, one is generated and returned to be printed once. */
  operatorPassword?: string;
};

export type SeedResult = { operator?: { email: string; password: string; created: boolean } };

/**
 * Idempotent: fills what a fresh store needs and leaves everything an operator changed alone.
 * Later issues extend it (the catalogue synced from the supplier).
 */
export async function seedDatabase(db: Database, options: SeedOptions): Promise<SeedResult> {
  await db
    .insert(storeSettings)
    .values([
      { key: 'store_name', value: options.storeName },
      { key: 'store_currency', value: options.storeCurrency },
    ])
    .onConflictDoNothing({ target: storeSettings.key });

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
