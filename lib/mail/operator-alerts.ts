import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { users } from '@/db/schema';
import { getStoreSettings } from '@/lib/store/settings';
import { queueEmail } from './outbox';

/** Who gets operator alert emails: the listed recipients, else every operator account; nobody when turned off. */
export async function alertRecipients(db: Database | Transaction): Promise<string[]> {
  const settings = await getStoreSettings(db);
  if (!settings.alertEmailsEnabled) return [];
  if (settings.alertEmailRecipients.length > 0) return settings.alertEmailRecipients;
  const operators = await db.select({ email: users.email }).from(users).where(eq(users.role, 'operator'));
  return operators.map((operator) => operator.email);
}

/**
 * One email per recipient when an alert opens (lib/alerts.ts calls this only for a new alert),
 * in the same transaction: the next email for the same condition needs it to clear first.
 */
export async function queueAlertEmails(db: Database | Transaction, alertId: string): Promise<void> {
  for (const to of await alertRecipients(db)) {
    await queueEmail(db, { to, template: 'operator-alert', data: { alertId }, dedupeKey: `operator-alert:${alertId}:${to.toLowerCase()}` });
  }
}
