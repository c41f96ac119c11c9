import 'server-only';
import { logger } from '@/lib/logger';

/**
 * Background work that runs inside every server process (and in `npm run worker`). Each job
 * claims its own work with row leases in the database, so any number of processes can run
 * the same jobs without doing anything twice.
 */
export type Job = {
  name: string;
  /** Time between the end of one run and the start of the next. */
  intervalMs: number;
  run: () => Promise<void>;
};

type Scheduled = { job: Job; timer?: NodeJS.Timeout; running: boolean; again: boolean };

const globalForJobs = globalThis as unknown as { storefrontJobs?: Map<string, Scheduled> };

function schedule(entry: Scheduled, delayMs: number) {
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => void tick(entry), delayMs).unref();
}

async function tick(entry: Scheduled) {
  if (entry.running) {
    entry.again = true;
    return;
  }
  entry.running = true;
  try {
    await entry.job.run();
  } catch (error) {
    logger.error({ job: entry.job.name, err: error }, 'job failed');
  } finally {
    entry.running = false;
    if (globalForJobs.storefrontJobs?.get(entry.job.name) === entry) {
      schedule(entry, entry.again ? 0 : entry.job.intervalMs);
      entry.again = false;
    }
  }
}

/** Starts the jobs once per process. */
export function startJobs(jobs: readonly Job[]): void {
  if (globalForJobs.storefrontJobs) return;
  const started = new Map<string, Scheduled>();
  globalForJobs.storefrontJobs = started;
  for (const job of jobs) {
    const entry: Scheduled = { job, running: false, again: false };
    started.set(job.name, entry);
    // Spread first runs so several processes started together do not all hit the supplier at once.
    schedule(entry, Math.round(Math.random() * Math.min(job.intervalMs, 5_000)));
  }
}

/**
 * Runs a job in this process now instead of at its next interval (a webhook that just queued
 * work, say). Other processes still pick the work up on their own schedule.
 */
export function wakeJob(name: string): void {
  const entry = globalForJobs.storefrontJobs?.get(name);
  if (entry) schedule(entry, 0);
}

export function stopJobs(): void {
  for (const entry of globalForJobs.storefrontJobs?.values() ?? []) clearTimeout(entry.timer);
  globalForJobs.storefrontJobs = undefined;
}
