import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { accountTokens, users, type User } from '@/db/schema';
import { onEmailVerified } from '@/lib/mail/hooks';
import { queueEmail } from '@/lib/mail/outbox';
import { hashPassword } from './password';
import { revokeUserSessions } from './sessions';

/**
 * Single-use links sent by email: password reset (30 minutes) and email verification (7 days).
 * The link carries 32 random bytes; only their SHA-256 is stored, so the table alone opens nothing.
 */
export const RESET_TOKEN_MINUTES = 30;
const VERIFY_TOKEN_DAYS = 7;

const normalizeEmail = (email: string) => email.trim().toLowerCase();
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

async function issueToken(tx: Database | Transaction, user: Pick<User, 'id' | 'email'>, purpose: 'password_reset' | 'email_verification', lifetimeSeconds: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(accountTokens).values({
    userId: user.id,
    purpose,
    tokenHash: hashToken(token),
    email: user.email,
    expiresAt: sql`now() + make_interval(secs => ${lifetimeSeconds})`,
  });
  return token;
}

/**
 * Emails a reset link when the address has an account; does nothing otherwise. The caller gives
 * the same answer either way, so the form does not tell strangers who has an account.
 */
export async function requestPasswordReset(db: Database, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, normalizeEmail(email)));
    if (!user) return;
    const token = await issueToken(tx, user, 'password_reset', RESET_TOKEN_MINUTES * 60);
    await queueEmail(tx, { to: user.email, template: 'password-reset', data: { resetUrl: `/reset-password?token=${token}` } });
  });
}

export type TokenProblem = 'invalid' | 'expired' | 'used';

/** Explains a link that cannot be used, in words a customer can act on. */
export const tokenProblemMessage: Record<TokenProblem, string> = {
  invalid: 'This link is not valid. Copy the whole link from the email, or ask for a new one.',
  expired: 'This link has expired (reset links work for 30 minutes). Ask for a new one.',
  used: 'This link was already used: each link works once. Ask for a new one if you still need it.',
};

async function takeToken(tx: Transaction, token: string, purpose: 'password_reset' | 'email_verification') {
  const [row] = await tx
    .select({ token: accountTokens, expired: sql<boolean>`${accountTokens.expiresAt} <= now()` })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose)))
    .for('update');
  if (!row) return { problem: 'invalid' as const };
  if (row.token.usedAt) return { problem: 'used' as const };
  if (row.expired) return { problem: 'expired' as const };
  return { row: row.token };
}

/** Whether a reset link can still be used, and whose account it opens (the page checks before showing the form). */
export async function checkResetToken(db: Database, token: string): Promise<{ problem: TokenProblem } | { user: Pick<User, 'email' | 'name'> }> {
  return db.transaction(async (tx) => {
    const taken = await takeToken(tx, token, 'password_reset');
    if (!taken.row) return { problem: taken.problem };
    const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, taken.row.userId));
    return user ? { user } : { problem: 'invalid' };
  });
}

/**
 * Sets the new password from a reset link: the link is spent, every session of the account ends
 * (whoever knew the old password is signed out), and the address counts as verified, since the
 * link proves the owner reads it. `password` must already have passed passwordProblem.
 */
export async function resetPasswordWithToken(db: Database, token: string, password: string): Promise<{ ok: true; email: string } | { ok: false; problem: TokenProblem }> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const taken = await takeToken(tx, token, 'password_reset');
    if (!taken.row) return { ok: false, problem: taken.problem };
    await tx.update(accountTokens).set({ usedAt: sql`now()` }).where(and(eq(accountTokens.userId, taken.row.userId), eq(accountTokens.purpose, 'password_reset'), isNull(accountTokens.usedAt)));
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, taken.row.userId)).returning();
    if (!user) return { ok: false, problem: 'invalid' };
    await revokeUserSessions(tx, user.id);
    await markVerified(tx, user, taken.row.email);
    return { ok: true, email: user.email };
  });
}

/** Queues the verification email for a new account (in its sign-up transaction). */
export async function queueEmailVerification(tx: Database | Transaction, user: Pick<User, 'id' | 'email'>): Promise<void> {
  const token = await issueToken(tx, user, 'email_verification', VERIFY_TOKEN_DAYS * 24 * 3600);
  await queueEmail(tx, { to: user.email, template: 'email-verification', data: { verifyUrl: `/verify-email?token=${token}` } });
}

async function markVerified(tx: Transaction, user: User, tokenEmail: string): Promise<boolean> {
  // A link sent to an address the account no longer has proves nothing about the current one.
  if (normalizeEmail(tokenEmail) !== normalizeEmail(user.email)) return false;
  if (!user.emailVerified) await tx.update(users).set({ emailVerified: new Date() }).where(eq(users.id, user.id));
  await onEmailVerified(tx, user);
  return true;
}

/** Confirms an address from its verification link. */
export async function verifyEmailWithToken(db: Database, token: string): Promise<{ ok: true; email: string } | { ok: false; problem: TokenProblem }> {
  return db.transaction(async (tx) => {
    const taken = await takeToken(tx, token, 'email_verification');
    if (!taken.row) return { ok: false, problem: taken.problem };
    await tx.update(accountTokens).set({ usedAt: sql`now()` }).where(eq(accountTokens.id, taken.row.id));
    const [user] = await tx.select().from(users).where(eq(users.id, taken.row.userId));
    if (!user || !(await markVerified(tx, user, taken.row.email))) return { ok: false, problem: 'invalid' };
    return { ok: true, email: user.email };
  });
}
