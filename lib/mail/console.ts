import 'server-only';
import { and, count, desc, eq, min } from 'drizzle-orm';
import { emailAddressProblems, emailOutbox } from '@/db/schema';
import { operatorScope } from '@/lib/auth/guards';

/** The console's view of outgoing mail: what waits, what failed, and addresses that refuse mail. Operators only. */
export async function loadMailDeliveryView() {
  const { db } = await operatorScope();
  const [[queued], failed, problems] = await Promise.all([
    db.select({ count: count(), oldest: min(emailOutbox.createdAt) }).from(emailOutbox).where(eq(emailOutbox.status, 'queued')),
    db
      .select({ id: emailOutbox.id, to: emailOutbox.toAddress, template: emailOutbox.template, error: emailOutbox.lastError, createdAt: emailOutbox.createdAt })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'failed')))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(20),
    db.select().from(emailAddressProblems).orderBy(desc(emailAddressProblems.lastSeenAt)).limit(50),
  ]);
  return { queued: queued?.count ?? 0, oldestQueued: queued?.oldest ?? null, failed, problems };
}
