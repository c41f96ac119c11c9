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

const jobs = new Map<string, Job>();
const globalForJobs = globalThis as unknown as { storefrontJobsStarted?: boolean; storefrontJobTimers?: NodeJS.Timeout[] };

export function registerJob(job: Job): void {
  jobs.set(job.name, job);
}

function schedule(job: Job, timers: NodeJS.Timeout[]) {
  const tick = async () => {
    try {
      await job.run();
    } catch (error) {
      logger.error({ job: job.name, err: error }, 'job failed');
    } finally {
      if (globalForJobs.storefrontJobsStarted) timers.push(setTimeout(tick, job.intervalMs).unref());
    }
  };
  // Spread first runs so several processes started together do not all hit the supplier at once.
  timers.push(setTimeout(tick, Math.round(Math.random() * Math.min(job.intervalMs, 5_000))).unref());
}

/** Starts every registered job once per process. */
export function startJobs(): void {
  if (globalForJobs.storefrontJobsStarted) return;
  globalForJobs.storefrontJobsStarted = true;
  const timers: NodeJS.Timeout[] = [];
  globalForJobs.storefrontJobTimers = timers;
  for (const job of jobs.values()) schedule(job, timers);
}

export function stopJobs(): void {
  globalForJobs.storefrontJobsStarted = false;
  for (const timer of globalForJobs.storefrontJobTimers ?? []) clearTimeout(timer);
  globalForJobs.storefrontJobTimers = [];
}

export function registeredJobs(): Job[] {
  return [...jobs.values()];
}
