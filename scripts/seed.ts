import { createDatabase, databaseTargetFromEnv } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabase } from '@/db/seed';
import { parseEnv } from '@/lib/env';
import { loadDotEnv } from './load-env';

loadDotEnv();
const config = parseEnv(process.env);
const target = databaseTargetFromEnv();
const handle = createDatabase(target);
try {
  await migrateDatabase(target, handle);
  await seedDatabase(handle.db, { storeName: config.STORE_NAME, storeCurrency: config.STORE_CURRENCY });
  console.log(`Database seeded (${handle.driver}).`);
} finally {
  await handle.close();
}
