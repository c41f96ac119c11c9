import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db';
import { users, type User, type UserRole } from '@/db/schema';
import { recordAudit, systemActor, type AuditActor } from '@/lib/audit';
import { creditCustomer } from '@/lib/ledger';
import { hashPassword } from './password';
import { revokeUserSessions } from './sessions';
import { queueEmail } from '@/lib/mail/outbox';
import { queueEmailVerification } from './account-tokens';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`);
  return user;
}

/** The role of the account signed in with `email` (it decides where sign-in lands). */
export async function roleOfEmail(email: string): Promise<UserRole | undefined> {
  return (await findUserByEmail(await getDb(), email))?.role;
}

export class EmailTakenError extends Error {
  constructor() {
    super('An account with this email already exists.');
    this.name = 'EmailTakenError';
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === '23505';
}

export type NewCustomer = { email: string; password: string; name?: string };
export type DemoCredit = { amount: string; currency: string } | undefined;

/** Creates a customer and, in sandbox mode, their labelled demo credit, in one transaction. */
export async function createCustomer(db: Database, input: NewCustomer, demoCredit: DemoCredit): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: normalizeEmail(input.email), name: input.name?.trim() || null, passwordHash, role: 'customer' })
        .returning();
      if (demoCredit && Number(demoCredit.amount) > 0) {
        await creditCustomer(tx, {
          userId: user!.id,
          currency: demoCredit.currency,
          amount: demoCredit.amount,
          kind: 'demo_credit',
          memo: 'Sandbox demo credit',
          idempotencyKey: `demo-credit:${user!.id}`,
        });
      }
      await queueEmailVerification(tx, user!);
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

/**
 * Someone tried to sign up with an email that already has an account (and not its password):
 * the owner should hear of it, since the form does not say so.
 */
export async function notifyExistingAccountOfSignUpAttempt(db: Database, email: string): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user) return;
  // At most one such email an hour, however often someone tries.
  const hour = Math.floor(Date.now() / 3_600_000);
  await queueEmail(db, { to: user.email, template: 'sign-up-attempt', data: { resetUrl: '/forgot-password' }, dedupeKey: `sign-up-attempt:${user.id}:${hour}` });
}

/** Sets a new password and ends the user's other sessions (every one without `keepSessionId`). */
export async function changePassword(db: Database, userId: string, newPassword: string, { keepSessionId }: { keepSessionId?: string } = {}) {
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await revokeUserSessions(tx, userId, { except: keepSessionId });
  });
}

/**
 * Changes a user's role, ends all of their sessions (they sign in again under the new role) and
 * writes the audit log, in one transaction. Undefined when there is no such user.
 */
export async function setUserRole(db: Database | Transaction, actor: AuditActor, userId: string, role: UserRole): Promise<User | undefined> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before || before.role === role) return before;
    const [user] = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning();
    const sessionsEnded = await revokeUserSessions(tx, userId);
    await recordAudit(tx, actor, {
      action: 'user.role_changed',
      targetType: 'user',
      targetId: userId,
      details: { email: user!.email, from: before.role, to: role, sessionsEnded },
    });
    return user;
  });
}

/**
 * Creates the operator account, or resets its password (ending every session) and makes it an
 * operator if the email exists. Used by the seed and by `npm run create-operator`.
 */
export async function upsertOperator(db: Database, email: string, password: string): Promise<{ user: User; created: boolean }> {
  const passwordHash = await hashPassword(password);
  const existing = await findUserByEmail(db, email);
  return db.transaction(async (tx) => {
    if (!existing) {
      const [user] = (await tx
        .insert(users)
        .values({ email: normalizeEmail(email), name: 'Store operator', passwordHash, role: 'operator' })
        .returning()) as [User];
      await recordAudit(tx, systemActor, { action: 'operator.created', targetType: 'user', targetId: user.id, details: { email: user.email } });
      return { user, created: true };
    }
    await tx.update(users).set({ passwordHash }).where(eq(users.id, existing.id));
    const sessionsEnded = await revokeUserSessions(tx, existing.id);
    await recordAudit(tx, systemActor, {
      action: 'operator.password_reset',
      targetType: 'user',
      targetId: existing.id,
      details: { email: existing.email, sessionsEnded },
    });
    const user = (await setUserRole(tx, systemActor, existing.id, 'operator'))!;
    return { user, created: false };
  });
}
