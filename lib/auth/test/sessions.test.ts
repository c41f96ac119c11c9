import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, authSessions } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { endSession, findActiveSession, revokeUserSessions, startSession } from '@/lib/auth/sessions';
import { changePassword, createCustomer, findUserByEmail, setUserRole, upsertOperator } from '@/lib/auth/users';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

let sequence = 0;
const newCustomer = () => createCustomer(database.db, { email: `session-${++sequence}@example.com`, password: 'plum orbit lantern 42' }, undefined);
/** What getCurrentUser() sees for a cookie carrying this session: the user, or nobody. */
const signedInAs = async (sessionId: string, userId: string) => (await findActiveSession(database.db, sessionId, userId))?.user.id;

describe('session records', () => {
  it('a session is valid while its record exists, and nobody once it is ended', async () => {
    const user = await newCustomer();
    const sessionId = await startSession(database.db, user.id);
    const copied = await startSession(database.db, user.id);
    expect(await signedInAs(sessionId, user.id)).toBe(user.id);

    await endSession(database.db, sessionId);
    expect(await signedInAs(sessionId, user.id)).toBeUndefined();
    expect(await signedInAs(copied, user.id)).toBe(user.id);
  });

  it('an expired record, or one for another user, is nobody', async () => {
    const [owner, other] = [await newCustomer(), await newCustomer()];
    const sessionId = await startSession(database.db, owner.id);
    expect(await signedInAs(sessionId, other.id)).toBeUndefined();
    await database.db.update(authSessions).set({ expires: new Date(Date.now() - 1000) }).where(eq(authSessions.sessionToken, sessionId));
    expect(await signedInAs(sessionId, owner.id)).toBeUndefined();
    // The next sign-in clears the expired records away.
    await startSession(database.db, owner.id);
    expect(await database.db.select().from(authSessions).where(eq(authSessions.sessionToken, sessionId))).toEqual([]);
  });

  it('revokeUserSessions ends every session of one user, or all but one', async () => {
    const [user, bystander] = [await newCustomer(), await newCustomer()];
    const [phone, laptop, tablet] = [await startSession(database.db, user.id), await startSession(database.db, user.id), await startSession(database.db, user.id)];
    const theirs = await startSession(database.db, bystander.id);

    expect(await revokeUserSessions(database.db, user.id, { except: laptop })).toBe(2);
    expect([await signedInAs(phone, user.id), await signedInAs(laptop, user.id), await signedInAs(tablet, user.id)]).toEqual([undefined, user.id, undefined]);
    expect(await revokeUserSessions(database.db, user.id)).toBe(1);
    expect(await signedInAs(laptop, user.id)).toBeUndefined();
    expect(await signedInAs(theirs, bystander.id)).toBe(bystander.id);
  });
});

describe('changing a password', () => {
  it('ends every other session and keeps this one', async () => {
    const user = await newCustomer();
    const here = await startSession(database.db, user.id);
    const elsewhere = await startSession(database.db, user.id);

    await changePassword(database.db, user.id, 'quiet tulip 9 harbor', { keepSessionId: here });
    expect(await signedInAs(here, user.id)).toBe(user.id);
    expect(await signedInAs(elsewhere, user.id)).toBeUndefined();
    const updated = await findUserByEmail(database.db, user.email);
    expect(await verifyPassword('quiet tulip 9 harbor', updated!.passwordHash)).toBe(true);
    expect(await verifyPassword('plum orbit lantern 42', updated!.passwordHash)).toBe(false);
  });
});

describe('changing a role', () => {
  it('ends the user’s sessions and writes the audit log', async () => {
    const operator = await upsertOperator(database.db, `boss-${++sequence}@example.com`, 'plum orbit lantern 42');
    const demoted = operator.user;
    const sessionId = await startSession(database.db, demoted.id);
    const actor = { id: null, email: 'system' };

    const user = await setUserRole(database.db, actor, demoted.id, 'customer');
    expect(user?.role).toBe('customer');
    expect(await signedInAs(sessionId, demoted.id)).toBeUndefined();
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'user.role_changed'));
    expect(entry).toMatchObject({ actorEmail: 'system', targetId: demoted.id, details: { from: 'operator', to: 'customer', sessionsEnded: 1 } });

    // The same role again changes nothing and ends nothing.
    const again = await startSession(database.db, demoted.id);
    await setUserRole(database.db, actor, demoted.id, 'customer');
    expect(await signedInAs(again, demoted.id)).toBe(demoted.id);
    expect(await setUserRole(database.db, actor, 'no-such-user', 'customer')).toBeUndefined();
  });

  it('create-operator (upsertOperator) on an existing account resets the password, promotes it and ends its sessions', async () => {
    const customer = await newCustomer();
    const sessionId = await startSession(database.db, customer.id);
    const { user, created } = await upsertOperator(database.db, customer.email.toUpperCase(), 'quiet tulip 9 harbor');
    expect(created).toBe(false);
    expect(user.role).toBe('operator');
    expect(await signedInAs(sessionId, customer.id)).toBeUndefined();
    const actions = await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, customer.id));
    expect(actions.map((row) => row.action).sort()).toEqual(['operator.password_reset', 'user.role_changed']);
  });
});
