import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { getDb, type Database, type Transaction } from '@/db';
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

/** The key of the alert raised when the supplier wallet could not pay for an order. */
export const insufficientFundsAlertKey = (currency: string) => `supplier_insufficient_funds:${currency}`;

/** An operator has seen an alert and put it away; it comes back if its cause happens again. */
export async function dismissAlert(db: Database, operator: AuditActor, id: string): Promise<OperatorAlert | undefined> {
  return db.transaction(async (tx) => {
    const [alert] = await tx
      .update(operatorAlerts)
      .set({ resolvedAt: sql`now()` })
      .where(and(eq(operatorAlerts.id, id), isNull(operatorAlerts.resolvedAt)))
      .returning();
    if (alert) await recordAudit(tx, operator, { action: 'alert.dismiss', targetType: 'alert', targetId: alert.id, details: { message: alert.message } });
    return alert;
  });
}

/** The dashboard's Dismiss button (the action checked the operator). */
export async function dismissAlertAsOperator(operator: AuditActor, id: string): Promise<OperatorAlert | undefined> {
  return dismissAlert(await getDb(), operator, id);
}
