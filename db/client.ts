import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type the app sees, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseHandle = {
  db: Database;
  driver: 'postgres' | 'pglite';
  close(): Promise<void>;
};

export type DatabaseTarget = { url: string } | { pgliteDir: string };

/** PostgreSQL when a URL is given, else embedded PGlite in a directory (or `memory://`). */
export function createDatabase(target: DatabaseTarget): DatabaseHandle {
  if ('url' in target) {
    const sql = postgres(target.url, { max: 10, onnotice: () => {} });
    return {
      db: drizzlePostgres(sql, { schema }) as unknown as Database,
      driver: 'postgres',
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dir = target.pgliteDir;
  if (!dir.startsWith('memory://')) mkdirSync(path.resolve(dir), { recursive: true });
  const client = new PGlite(dir);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    driver: 'pglite',
    close: () => client.close(),
  };
}

export function databaseTargetFromEnv(source: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  return source.DATABASE_URL ? { url: source.DATABASE_URL } : { pgliteDir: source.PGLITE_DIR || '.data/pglite' };
}
