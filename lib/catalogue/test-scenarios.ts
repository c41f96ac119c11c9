import 'server-only';
import { and, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Transaction } from '@/db';
import { products, type VerticalKind } from '@/db/schema';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';

/*
 * The sandbox sells test products whose options pick a scenario ("fails, plan unavailable",
 * "pending for a long time"). They are for trying the store, not for customers browsing it: in
 * sandbox mode they are listed apart, under "Test scenarios"; the real supplier has none.
 */

export type TestScenarioRef = { vertical: VerticalKind; upstreamId: number };

const scenarioList = z.object({
  products: z.array(z.object({ vertical: z.enum(['voucher', 'topup', 'esim']), id: z.number().int() })),
});

/**
 * Which products are test scenarios: the sandbox's list in sandbox mode, none otherwise. Null
 * when the sandbox could not say (the sync then leaves the marks as they are).
 */
export async function fetchTestScenarios(config: { OCTOPUS_SANDBOX: boolean; OCTOPUS_API_URL: string } = env()): Promise<TestScenarioRef[] | null> {
  if (!config.OCTOPUS_SANDBOX) return [];
  try {
    const response = await fetch(new URL('/__sandbox/scenarios', config.OCTOPUS_API_URL), { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return scenarioList.parse(await response.json()).products.map((product) => ({ vertical: product.vertical, upstreamId: product.id }));
  } catch (error) {
    logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not read the sandbox test scenarios; marks left as they were');
    return null;
  }
}

/** Marks exactly these products as test scenarios (touching updated_at, so cached pages refresh). */
export async function markTestScenarios(tx: Transaction, refs: TestScenarioRef[]): Promise<void> {
  const listed = refs.length ? or(...refs.map((ref) => and(eq(products.vertical, ref.vertical), eq(products.upstreamId, ref.upstreamId))))! : sql`false`;
  await tx
    .update(products)
    .set({ testScenario: sql`${listed}`, updatedAt: sql`now()` })
    .where(sql`${products.testScenario} <> (${listed})`);
}
