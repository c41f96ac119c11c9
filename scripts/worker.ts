/**
 * `npm run worker`: the background jobs without the web server, for deployments with several
 * web instances on PostgreSQL (set BACKGROUND_JOBS=false on the web instances if you like;
 * leases make it safe either way). PGlite allows one process, so there the server runs them.
 */
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { startJobs, stopJobs, registeredJobs } from '@/lib/jobs';
import { registerAllJobs } from '@/lib/jobs/register';
import { loadDotEnv } from './load-env';

loadDotEnv();
const config = env();
if (!config.DATABASE_URL) {
  console.error('npm run worker needs DATABASE_URL (PostgreSQL): with embedded PGlite the server runs the jobs itself.');
  process.exit(2);
}
await getDb();
await registerAllJobs();
startJobs();
console.log(`Worker running: ${registeredJobs().map((job) => job.name).join(', ') || 'no jobs registered'}`);
const keepAlive = setInterval(() => {}, 60_000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopJobs();
    clearInterval(keepAlive);
    process.exit(0);
  });
}
