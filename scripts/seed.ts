import { createDatabase, databaseTargetFromEnv } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabase } from '@/lib/store/seed';
import { parseEnv } from '@/lib/env';
import { createOctopusClient } from '@/lib/octopus';
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
      supplier: {
        client: createOctopusClient({
          baseUrl: config.OCTOPUS_API_URL,
          apiKey: config.OCTOPUS_API_KEY,
          apiSecret: config.OCTOPUS_API_SECRET,
          timeoutMs: config.OCTOPUS_TIMEOUT_MS,
          logger: false,
        }),
        sandbox: config.OCTOPUS_SANDBOX,
      },
    });
  console.log(`Database seeded (${handle.driver}).`);
  if (seed.catalogue?.status === 'failed') console.warn(`Catalogue not synced: ${seed.catalogue.error}`);
  if (seed.catalogue?.status === 'synced') console.log(`Catalogue synced: ${seed.catalogue.products} products.`);
  if (seed.operator && !config.OPERATOR_PASSWORD) {
    console.log(`Operator account: ${seed.operator.email}\nPassword (shown once): ${seed.operator.password}`);
  }
} finally {
  await handle.close();
}
