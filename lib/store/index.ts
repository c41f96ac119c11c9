import 'server-only';
import { count, inArray, sql } from 'drizzle-orm';
import { connection } from 'next/server';
import { cache } from 'react';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db';
import { ledgerTransactions, orders, storeSettings } from '@/db/schema';
import { operatorScope } from '@/lib/auth/guards';
import { env } from '@/lib/env';
import { getStoreSettings } from './settings';
import { plainText } from '@/lib/validation';

export type StoreInfo = { name: string; currency: string; sandbox: boolean };

const STORE_NAME_KEY = 'store_name';
const STORE_CURRENCY_KEY = 'store_currency';

export const storeNameSchema = plainText('the store name').min(1, 'Give the store a name.').max(60, 'Use at most 60 characters.');
export const storeCurrencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code, such as USD.');

/**
 * The store's name and currency: the operator's setting in the database, else the environment
 * (STORE_NAME, STORE_CURRENCY), which the seed also copies into the database on first start.
 */
export async function readStoreInfo(db: Database | Transaction): Promise<StoreInfo> {
  const { STORE_NAME, STORE_CURRENCY, OCTOPUS_SANDBOX } = env();
  const rows = await db
    .select({ key: storeSettings.key, value: storeSettings.value })
    .from(storeSettings)
    .where(inArray(storeSettings.key, [STORE_NAME_KEY, STORE_CURRENCY_KEY]));
  const stored = Object.fromEntries(rows.map((row) => [row.key, typeof row.value === 'number' ? String(row.value) : row.value]));
  const name = storeNameSchema.safeParse(stored[STORE_NAME_KEY]);
  const currency = storeCurrencySchema.safeParse(stored[STORE_CURRENCY_KEY]);
  return {
    name: name.success ? name.data : STORE_NAME,
    currency: currency.success ? currency.data : STORE_CURRENCY,
    sandbox: OCTOPUS_SANDBOX,
  };
}

/**
 * What every page shows about the store itself: one query per request however many components
 * ask. Operators can rename the store at any time, so no page may bake it in at build time.
 */
export const getStoreInfo = cache(async (): Promise<StoreInfo> => {
  await connection();
  return readStoreInfo(await getDb());
});

export async function updateStoreIdentity(db: Database | Transaction, changes: { name?: string; currency?: string }): Promise<void> {
  const values = [
    changes.name !== undefined ? { key: STORE_NAME_KEY, value: changes.name } : null,
    changes.currency !== undefined ? { key: STORE_CURRENCY_KEY, value: changes.currency } : null,
  ].filter((value) => value !== null);
  for (const value of values) {
    // JSON text cast to jsonb, as updateStoreSettings does, so a name like "2024" stays text.
    const json = sql`${JSON.stringify(value.value)}::jsonb`;
    await db
      .insert(storeSettings)
      .values({ key: value.key, value: json })
      .onConflictDoUpdate({ target: storeSettings.key, set: { value: json, updatedAt: new Date() } });
  }
}

/**
 * Why the store currency cannot change any more, or null while it still can. Balances, prices
 * paid and the supplier wallet all live in that currency: once money has moved, changing it
 * would mix currencies in the books.
 */
export async function currencyLockReason(db: Database | Transaction): Promise<string | null> {
  const [[orderCount], [movementCount]] = await Promise.all([
    db.select({ total: count() }).from(orders),
    db.select({ total: count() }).from(ledgerTransactions),
  ]);
  if ((orderCount?.total ?? 0) > 0) return 'Orders have already been placed in the current currency.';
  if ((movementCount?.total ?? 0) > 0) return 'Customer balances already hold money in the current currency (demo credit counts).';
  return null;
}

/** What the settings page edits, and whether the currency may still change; operators only. */
export async function loadSettingsView() {
  const { db } = await operatorScope();
  const [store, settings, currencyLock] = await Promise.all([getStoreInfo(), getStoreSettings(db), currencyLockReason(db)]);
  const config = env();
  return { store, settings, currencyLock, defaultDemoCredit: config.DEMO_CREDIT, supplierHost: new URL(config.OCTOPUS_API_URL).host };
}
