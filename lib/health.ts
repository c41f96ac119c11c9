import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, getDbDriver } from '@/db';
import { env } from '@/lib/env';

export type CheckResult = { ok: boolean; latencyMs: number; error?: string };

export type HealthReport = {
  status: 'ok' | 'degraded';
  checkedAt: string;
  database: CheckResult & { driver?: 'postgres' | 'pglite' };
  supplier: CheckResult & { sandbox: boolean };
};

async function timed(check: () => Promise<void>): Promise<CheckResult> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : 'unknown error',
    };
  }
}

/**
 * The supplier is reachable when it answers HTTP at all: an unauthenticated request to a
 * protected endpoint gets the documented 401, which proves the API is up without spending a login.
 */
async function pingSupplier(): Promise<void> {
  const { OCTOPUS_API_URL } = env();
  const response = await fetch(new URL('/api/v1/currencies', OCTOPUS_API_URL), {
    signal: AbortSignal.timeout(3_000),
    cache: 'no-store',
  });
  await response.body?.cancel();
  if (response.status >= 500) throw new Error(`supplier answered HTTP ${response.status}`);
}

export async function checkHealth(): Promise<HealthReport> {
  const [database, supplier] = await Promise.all([
    timed(async () => {
      const db = await getDb();
      await db.execute(sql`select 1`);
    }),
    timed(pingSupplier),
  ]);
  const driver = database.ok ? await getDbDriver() : undefined;
  // Never echo upstream addresses or error details that could contain them.
  const supplierResult = supplier.ok ? supplier : { ...supplier, error: 'supplier unreachable' };
  return {
    status: database.ok && supplier.ok ? 'ok' : 'degraded',
    checkedAt: new Date().toISOString(),
    database: { ...database, driver },
    supplier: { ...supplierResult, sandbox: env().OCTOPUS_SANDBOX },
  };
}
