import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, lte, ne } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { authSessions, users, type User } from '@/db/schema';

/**
 * Server-side records of signed-in sessions, one per sign-in, in Auth.js's `auth_sessions`
 * table. The JWT cookie carries the record's id; a session is valid only while its record
 * exists, so deleting records ends sessions even though the cookie itself is still signed.
 */

/** Sessions end this long after sign-in, whatever the cookie says. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export type ActiveSession = { sessionId: string; user: User };

/** Records a new session for `userId` (and drops that user's expired ones); returns its id. */
export async function startSession(db: Database, userId: string): Promise<string> {
  const sessionId = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.delete(authSessions).where(and(eq(authSessions.userId, userId), lte(authSessions.expires, new Date())));
    await tx.insert(authSessions).values({
      sessionToken: sessionId,
      userId,
      expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    });
  });
  return sessionId;
}

/** The session's user, in one query, while the record exists and has not expired. */
export async function findActiveSession(db: Database, sessionId: string, userId: string): Promise<ActiveSession | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.sessionToken, sessionId), eq(authSessions.userId, userId), gt(authSessions.expires, new Date())));
  return row && { sessionId, user: row.user };
}

export async function endSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.sessionToken, sessionId));
}

/** Ends every session of the user, or every one but `except` (the caller's own). */
export async function revokeUserSessions(db: Database | Transaction, userId: string, { except }: { except?: string } = {}): Promise<number> {
  const ended = await db
    .delete(authSessions)
    .where(and(eq(authSessions.userId, userId), except ? ne(authSessions.sessionToken, except) : undefined))
    .returning({ sessionId: authSessions.sessionToken });
  return ended.length;
}
