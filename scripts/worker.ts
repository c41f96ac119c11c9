/**
 * `npm run worker`: the background jobs without the web server, for deployments with several
 * web instances on PostgreSQL (set BACKGROUND_JOBS=false on the web instances if you like;
 * leases make it safe either way). PGlite allows one process, so there the server runs them.
 */
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { backgroundJobs } from '@/lib/jobs';
import { startJobs, stopJobs } from '@/lib/jobs/runner';
import { loadDotEnv } from './load-env';

loadDotEnv();
const config = env();
if (!config.DATABASE_URL) {
  console.error('npm run worker needs DATABASE_URL (PostgreSQL): with embedded PGlite the server runs the jobs itself.');
  process.exit(2);
}
await getDb();
startJobs(backgroundJobs);
console.log(`Worker running: ${backgroundJobs.map((job) => job.name).join(', ')}`);
const keepAlive = setInterval(() => {}, 60_000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopJobs();
    clearInterval(keepAlive);
    process.exit(0);
  });
}
