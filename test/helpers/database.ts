import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabase, type DatabaseHandle, type DatabaseTarget } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

export type TestDatabase = DatabaseHandle & { target: DatabaseTarget; destroy(): Promise<void> };

/** The PostgreSQL server integration tests use, if any (CI always sets DATABASE_URL). */
export function postgresServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** A fresh, migrated PostgreSQL database on the test server, dropped by destroy(). */
export async function createPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const target = { url: url.toString() };
  await migrateDatabase(target);
  const handle = createDatabase(target);
  return {
    ...handle,
    target,
    async destroy() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** A fresh, migrated in-memory PGlite database. */
export async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const target = { pgliteDir: 'memory://' };
  const handle = createDatabase(target);
  await migrateDatabase(target, handle);
  return { ...handle, target, destroy: () => handle.close() };
}

/** PostgreSQL when a server is configured, PGlite otherwise. */
export function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = postgresServerUrl();
  return serverUrl ? createPostgresTestDatabase(serverUrl) : createPgliteTestDatabase();
}

/** Makes `getDb()` (what the app's own loaders use) answer with this test database. */
export function useAsAppDatabase(database: TestDatabase): void {
  (globalThis as unknown as { storefrontDb?: Promise<TestDatabase> }).storefrontDb = Promise.resolve(database);
}
