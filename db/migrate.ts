import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import type { DatabaseHandle, DatabaseTarget } from './client';

export const migrationsFolder = path.resolve(process.cwd(), 'db/migrations');

// Any fixed number: every instance of the app takes the same advisory lock.
const MIGRATION_LOCK_ID = 727_431_001;

/**
 * Applies the committed drizzle-kit migrations. On PostgreSQL several instances may start
 * at once, so the run is serialised with an advisory lock on one dedicated connection.
 */
export async function migrateDatabase(target: DatabaseTarget, handle?: DatabaseHandle): Promise<void> {
  if ('url' in target) {
    const sql = postgres(target.url, { max: 1, onnotice: () => {} });
    try {
      await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
      await migratePostgres(drizzlePostgres(sql), { migrationsFolder });
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    } finally {
      await sql.end({ timeout: 5 });
    }
    return;
  }
  if (!handle || handle.driver !== 'pglite') throw new Error('PGlite migrations need the open PGlite handle');
  await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
}
