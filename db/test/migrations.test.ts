import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { storeSettings } from '@/db/schema';
import {
  createPgliteTestDatabase,
  createPostgresTestDatabase,
  postgresServerUrl,
  type TestDatabase,
} from '@/test/helpers/database';

const serverUrl = postgresServerUrl();

async function expectMigratedSchemaWorks(database: TestDatabase) {
  // postgres-js returns the rows, PGlite an object holding them.
  const result = (await database.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public'`,
  )) as unknown as { table_name: string }[] | { rows: { table_name: string }[] };
  const rows = Array.isArray(result) ? result : result.rows;
  expect(rows.map((row) => row.table_name)).toContain('store_settings');

  await database.db.insert(storeSettings).values({ key: 'store_name', value: 'Test store' });
  const [row] = await database.db.select().from(storeSettings);
  expect(row?.value).toBe('Test store');
}

describe('migrations', () => {
  it('apply to embedded PGlite and are idempotent', async () => {
    const database = await createPgliteTestDatabase();
    try {
      await migrateDatabase(database.target, database);
      await expectMigratedSchemaWorks(database);
    } finally {
      await database.destroy();
    }
  });

  it.runIf(serverUrl)('apply to PostgreSQL, concurrently from several instances', async () => {
    const database = await createPostgresTestDatabase(serverUrl!);
    try {
      await Promise.all([migrateDatabase(database.target), migrateDatabase(database.target)]);
      await expectMigratedSchemaWorks(database);
    } finally {
      await database.destroy();
    }
  });
});
