import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { auditLog, type AuditEntry } from '@/db/schema';
import { operatorScope } from '@/lib/auth/guards';

export type AuditInput = {
  action: string;
  targetType: string;
  targetId?: string;
  reason?: string;
  details?: Record<string, unknown>;
};

/** Who did it: an operator, or the system (scripts, the seed) with no user id. */
export type AuditActor = { id: string | null; email: string };
export const systemActor: AuditActor = { id: null, email: 'system' };

/** Written in the same transaction as the change it records. */
export async function recordAudit(tx: Database | Transaction, actor: AuditActor, input: AuditInput) {
  await tx.insert(auditLog).values({ actorId: actor.id, actorEmail: actor.email, details: {}, ...input });
}

export async function listAudit(
  db: Database,
  { action, limit = 100, offset = 0 }: { action?: string; limit?: number; offset?: number } = {},
): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(action ? eq(auditLog.action, action) : undefined)
    .orderBy(desc(auditLog.createdAt))
    .limit(limit)
    .offset(offset);
}

export async function listAuditActions(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(sql`1`);
  return rows.map((row) => row.action);
}

/** The audit log page: the latest entries, optionally of one action, and every action seen; operators only. */
export async function loadAuditPage({ action, limit }: { action?: string; limit: number }) {
  const { db } = await operatorScope();
  const [entries, actions] = await Promise.all([listAudit(db, { action, limit }), listAuditActions(db)]);
  return { entries, actions };
}
