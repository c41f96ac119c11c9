/** Runs once per server process: validate configuration, migrate, then start background jobs. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  const config = env();
  const { getDb } = await import('@/db');
  await getDb();
  if (config.BACKGROUND_JOBS) {
    const { backgroundJobs } = await import('@/lib/jobs');
    const { startJobs } = await import('@/lib/jobs/runner');
    startJobs(backgroundJobs);
  }
}
