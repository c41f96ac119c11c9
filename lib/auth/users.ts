import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { auditLog, users, type User, type UserRole } from '@/db/schema';
import { creditCustomer } from '@/lib/ledger';
import { hashPassword } from './password';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`);
  return user;
}

export async function findUserById(db: Database, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
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
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

/**
 * Creates the operator account, or resets its password and role if the email exists.
 * Used by the seed and by `npm run create-operator`.
 */
export async function upsertOperator(db: Database, email: string, password: string): Promise<{ user: User; created: boolean }> {
  const passwordHash = await hashPassword(password);
  const existing = await findUserByEmail(db, email);
  return db.transaction(async (tx) => {
    let user: User;
    if (existing) {
      [user] = (await tx
        .update(users)
        .set({ passwordHash, role: 'operator' satisfies UserRole })
        .where(eq(users.id, existing.id))
        .returning()) as [User];
    } else {
      [user] = (await tx
        .insert(users)
        .values({ email: normalizeEmail(email), name: 'Store operator', passwordHash, role: 'operator' })
        .returning()) as [User];
    }
    await tx.insert(auditLog).values({
      actorId: null,
      actorEmail: 'system',
      action: existing ? 'operator.password_reset' : 'operator.created',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email },
    });
    return { user, created: !existing };
  });
}
