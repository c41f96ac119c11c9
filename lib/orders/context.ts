import 'server-only';
import { getDb, type Database } from '@/db';
import { octopus, type OctopusClient } from '@/lib/octopus';

/** What the order service talks to; tests pass their own database and sandbox client. */
export type OrderContext = { db: Database; supplier: OctopusClient };

export async function getOrderContext(): Promise<OrderContext> {
  return { db: await getDb(), supplier: octopus() };
}
