import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { savedRecipients, type SavedRecipient } from '@/db/schema';

export const MAX_SAVED_RECIPIENTS = 20;

/** Always scoped by owner: a recipient id alone never reads or deletes anything. */
export function listSavedRecipients(db: Database, userId: string): Promise<SavedRecipient[]> {
  return db.select().from(savedRecipients).where(eq(savedRecipients.userId, userId)).orderBy(desc(savedRecipients.createdAt));
}

export async function addSavedRecipient(
  db: Database,
  userId: string,
  recipient: Pick<SavedRecipient, 'kind' | 'label' | 'values'>,
): Promise<SavedRecipient | 'limit_reached'> {
  const existing = await listSavedRecipients(db, userId);
  if (existing.length >= MAX_SAVED_RECIPIENTS) return 'limit_reached';
  const [created] = await db.insert(savedRecipients).values({ ...recipient, userId }).returning();
  return created!;
}

export async function deleteSavedRecipient(db: Database, userId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(savedRecipients)
    .where(and(eq(savedRecipients.id, id), eq(savedRecipients.userId, userId)))
    .returning({ id: savedRecipients.id });
  return deleted.length > 0;
}
