import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { operatorAlerts, type OperatorAlert } from '@/db/schema';
import { queueAlertEmails } from '@/lib/mail/operator-alerts';

/**
 * Opens an alert for operators, or counts one more occurrence of the same open alert. Opening
 * one queues its email (lib/mail/operator-alerts.ts) in the same transaction; further
 * occurrences send nothing until the alert is resolved and opens again.
 */
export async function raiseAlert(
  db: Database | Transaction,
  alert: { key: string; kind: OperatorAlert['kind']; message: string; details?: Record<string, unknown> },
): Promise<void> {
  // A savepoint when called inside a transaction: the alert and its email commit together.
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(operatorAlerts)
      .values({ ...alert, details: alert.details ?? {} })
      .onConflictDoUpdate({
        target: operatorAlerts.key,
        targetWhere: isNull(operatorAlerts.resolvedAt),
        set: { occurrences: sql`${operatorAlerts.occurrences} + 1`, lastSeenAt: sql`now()`, message: alert.message },
      })
      .returning({ id: operatorAlerts.id, occurrences: operatorAlerts.occurrences });
    if (row?.occurrences === 1) await queueAlertEmails(tx, row.id);
  });
}

export async function resolveAlert(db: Database | Transaction, key: string): Promise<void> {
  await db.update(operatorAlerts).set({ resolvedAt: sql`now()` }).where(and(eq(operatorAlerts.key, key), isNull(operatorAlerts.resolvedAt)));
}

export function listOpenAlerts(db: Database): Promise<OperatorAlert[]> {
  return db.select().from(operatorAlerts).where(isNull(operatorAlerts.resolvedAt)).orderBy(desc(operatorAlerts.lastSeenAt));
}
