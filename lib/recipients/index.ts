import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { savedRecipients, type SavedRecipient } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/guards';
import type { FieldDescriptor } from '@/lib/forms/types';
import { recipientFits } from './fit';

export const MAX_SAVED_RECIPIENTS = 20;

/** Always scoped by owner: a recipient id alone never reads or deletes anything. */
export function listSavedRecipients(db: Database, userId: string): Promise<SavedRecipient[]> {
  return db.select().from(savedRecipients).where(eq(savedRecipients.userId, userId)).orderBy(desc(savedRecipients.createdAt));
}

export async function addSavedRecipient(
  userId: string,
  recipient: Pick<SavedRecipient, 'kind' | 'label' | 'values'>,
): Promise<SavedRecipient | 'limit_reached'> {
  const db = await getDb();
  const existing = await listSavedRecipients(db, userId);
  if (existing.length >= MAX_SAVED_RECIPIENTS) return 'limit_reached';
  const [created] = await db.insert(savedRecipients).values({ ...recipient, userId }).returning();
  return created!;
}

export async function deleteSavedRecipient(userId: string, id: string): Promise<boolean> {
  const db = await getDb();
  const deleted = await db
    .delete(savedRecipients)
    .where(and(eq(savedRecipients.id, id), eq(savedRecipients.userId, userId)))
    .returning({ id: savedRecipients.id });
  return deleted.length > 0;
}

/** The signed-in customer's saved recipients whose keys are all fields of this form; none for a stranger. */
export async function listMyRecipientsFor(fields: readonly FieldDescriptor[], countryCode: string | null): Promise<SavedRecipient[]> {
  const user = await getCurrentUser();
  if (!user) return [];
  const recipients = await listSavedRecipients(await getDb(), user.id);
  return recipients.filter((recipient) => recipientFits(recipient.values, fields, countryCode));
}

/** The signed-in customer's saved phone numbers, for the number-first /mobile page. */
export async function listMySavedPhones(): Promise<{ id: string; label: string; phone: string }[]> {
  const user = await getCurrentUser();
  if (!user) return [];
  const recipients = await listSavedRecipients(await getDb(), user.id);
  return recipients.flatMap((recipient) =>
    recipient.kind === 'phone' && recipient.values.phone_number ? [{ id: recipient.id, label: recipient.label, phone: recipient.values.phone_number }] : [],
  );
}

export type { SavedRecipient } from '@/db/schema';
