import 'server-only';
import { env } from '@/lib/env';
import { createDatabase, type Database, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';

export type { Database, Transaction } from './client';

// One handle per server process, kept on globalThis so dev-mode reloads reuse it.
const globalForDb = globalThis as unknown as { storefrontDb?: Promise<DatabaseHandle> };

async function open(): Promise<DatabaseHandle> {
  const { DATABASE_URL, PGLITE_DIR } = env();
  const target = DATABASE_URL ? { url: DATABASE_URL } : { pgliteDir: PGLITE_DIR };
  const handle = createDatabase(target);
  await migrateDatabase(target, handle);
  return handle;
}

/** The database, migrated on first use. */
export async function getDb(): Promise<Database> {
  globalForDb.storefrontDb ??= open();
  return (await globalForDb.storefrontDb).db;
}

export async function getDbDriver(): Promise<DatabaseHandle['driver']> {
  globalForDb.storefrontDb ??= open();
  return (await globalForDb.storefrontDb).driver;
}
