import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { operatorAlerts, type OperatorAlert } from '@/db/schema';

/** Opens an alert for operators, or counts one more occurrence of the same open alert. */
export async function raiseAlert(
  db: Database | Transaction,
  alert: { key: string; kind: OperatorAlert['kind']; message: string; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insert(operatorAlerts)
    .values({ ...alert, details: alert.details ?? {} })
    .onConflictDoUpdate({
      target: operatorAlerts.key,
      targetWhere: isNull(operatorAlerts.resolvedAt),
      set: { occurrences: sql`${operatorAlerts.occurrences} + 1`, lastSeenAt: sql`now()`, message: alert.message },
    });
}

export async function resolveAlert(db: Database | Transaction, key: string): Promise<void> {
  await db.update(operatorAlerts).set({ resolvedAt: sql`now()` }).where(and(eq(operatorAlerts.key, key), isNull(operatorAlerts.resolvedAt)));
}

export function listOpenAlerts(db: Database): Promise<OperatorAlert[]> {
  return db.select().from(operatorAlerts).where(isNull(operatorAlerts.resolvedAt)).orderBy(desc(operatorAlerts.lastSeenAt));
}
