import { createDatabase, databaseTargetFromEnv } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { loadDotEnv } from './load-env';

loadDotEnv();
const target = databaseTargetFromEnv();
const handle = createDatabase(target);
try {
  await migrateDatabase(target, handle);
  console.log(`Migrations applied (${handle.driver}).`);
} finally {
  await handle.close();
}
