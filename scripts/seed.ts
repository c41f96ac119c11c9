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
  const seed = await seedDatabase(handle.db, {
      storeName: config.STORE_NAME,
      storeCurrency: config.STORE_CURRENCY,
      operatorEmail: config.OPERATOR_EMAIL,
      operatorPassword: config.OPERATOR_PASSWORD,
    });
  console.log(`Database seeded (${handle.driver}).`);
  if (seed.operator && !config.OPERATOR_PASSWORD) {
    console.log(`Operator account: ${seed.operator.email}\nPassword (shown once): ${seed.operator.password}`);
  }
} finally {
  await handle.close();
}
