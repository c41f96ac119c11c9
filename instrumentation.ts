/** Runs once per server process: validate configuration and migrate before serving. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  env();
  const { getDb } = await import('@/db');
  await getDb();
}
