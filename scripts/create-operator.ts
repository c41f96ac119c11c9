/**
 * `npm run create-operator -- --email you@example.com [--password ...]`: add an operator, or reset
 * one's password and make the account an operator (ending its sessions; see upsertOperator).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createDatabase, databaseTargetFromEnv } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { passwordProblem } from '@/lib/auth/password';
import { upsertOperator } from '@/lib/auth/users';
import { parseEnv } from '@/lib/env';
import { loadDotEnv } from './load-env';

const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' } } });
if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
  console.error('Usage: npm run create-operator -- --email operator@example.com [--password <10+ characters>]');
  process.exit(2);
}
loadDotEnv();
const password = values.password ?? randomBytes(12).toString('base64url');
const problem = passwordProblem(password, { email: values.email, storeName: parseEnv(process.env).STORE_NAME });
if (problem) {
  console.error(`Password refused: ${problem}`);
  process.exit(2);
}
const target = databaseTargetFromEnv();
const handle = createDatabase(target);
try {
  await migrateDatabase(target, handle);
  const { created } = await upsertOperator(handle.db, values.email, password);
  console.log(created ? `Created operator ${values.email}` : `Updated operator ${values.email}; their existing sessions have ended`);
  if (!values.password) console.log(`Password (shown once): ${password}`);
} finally {
  await handle.close();
}
