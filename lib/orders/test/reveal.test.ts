import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { orders, users } from '@/db/schema';
import { startSession } from '@/lib/auth/sessions';
import { encryptJson } from '@/lib/crypto';
import type { OrderContext } from '@/lib/orders/context';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '@/test/helpers/database';
import { createFundedCustomer, recordTestOrder } from '@/test/helpers/orders';

/**
 * Who may reveal a delivered order's codes: its signed-in owner, or whoever holds a guest
 * order's link. Checked where the codes are read; the session cookie alone is stood in for.
 */
const session = vi.hoisted(() => ({ current: null as { user: { id: string }; sessionId: string } | null }));
vi.mock('@/lib/auth', () => ({ auth: async () => session.current }));
const sessionIds = new Map<string, string>();
const signedInAs = (userId: string | undefined) => {
  session.current = userId ? { user: { id: userId }, sessionId: sessionIds.get(userId)! } : null;
};

const { revealVoucherCodes } = await import('@/lib/orders/reveal');
const { guestTokenFor, hashGuestToken } = await import('@/lib/orders/guest');

const codes = [{ cardNumber: 'STEAM-1111-2222', pinCode: '4321', claimUrl: null, expiresAt: null, referenceNumber: null }];
const noCodes = { error: 'There are no codes to show for this order.' };

let database: TestDatabase;
let ownerId: string;
let strangerId: string;
let ownedOrderId: string;
let guestOrderId: string;

async function deliveredVoucherOrder(ctx: OrderContext, userId: string, guest: boolean): Promise<string> {
  const order = await recordTestOrder(ctx, { vertical: 'voucher', upstreamId: 9123, name: 'Steam-like card', userId, faceAmount: '10', retail: '10.89', wholesale: '9.70' });
  await ctx.db
    .update(orders)
    .set({
      status: 'DELIVERED',
      deliverySecret: encryptJson({ vouchers: codes }),
      ...(guest ? { userId: null, guestEmail: 'guest@example.com', guestTokenHash: hashGuestToken(guestTokenFor(order.id)) } : {}),
    })
    .where(eq(orders.id, order.id));
  return order.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  useAsAppDatabase(database);
  const ctx = { db: database.db, supplier: undefined as never };
  ownerId = await createFundedCustomer(database.db);
  [{ id: strangerId }] = (await database.db.insert(users).values({ email: 'reveal-stranger@example.com' }).returning({ id: users.id })) as [{ id: string }];
  for (const id of [ownerId, strangerId]) sessionIds.set(id, await startSession(database.db, id));
  ownedOrderId = await deliveredVoucherOrder(ctx, ownerId, false);
  guestOrderId = await deliveredVoucherOrder(ctx, ownerId, true);
});
afterAll(async () => {
  await database?.destroy();
});

const revealedAt = async (orderId: string) => (await database.db.select({ at: orders.revealedAt }).from(orders).where(eq(orders.id, orderId)))[0]!.at;

describe('revealing codes', () => {
  it('shows the signed-in owner their codes and records the first reveal', async () => {
    signedInAs(ownerId);
    expect(await revealVoucherCodes(ownedOrderId, undefined)).toEqual({ codes });
    expect(await revealedAt(ownedOrderId)).toBeInstanceOf(Date);
  });

  it('shows a guest with the order link the codes, signed out, and records the reveal', async () => {
    signedInAs(undefined);
    expect(await revealedAt(guestOrderId)).toBeNull();
    expect(await revealVoucherCodes(guestOrderId, guestTokenFor(guestOrderId))).toEqual({ codes });
    expect(await revealedAt(guestOrderId)).toBeInstanceOf(Date);
  });

  it('shows the guest link the codes even when someone else is signed in in that browser', async () => {
    signedInAs(strangerId);
    expect(await revealVoucherCodes(guestOrderId, guestTokenFor(guestOrderId))).toEqual({ codes });
  });

  it('refuses a stranger without the link, a wrong link, and another order’s link', async () => {
    signedInAs(undefined);
    expect(await revealVoucherCodes(guestOrderId, undefined)).toEqual({ error: 'Your session has ended. Sign in again to see your codes.' });
    expect(await revealVoucherCodes(guestOrderId, 'not-the-token')).toEqual(noCodes);
    expect(await revealVoucherCodes(guestOrderId, guestTokenFor(ownedOrderId))).toEqual(noCodes);
    // A guest link never opens an order that belongs to an account.
    expect(await revealVoucherCodes(ownedOrderId, guestTokenFor(ownedOrderId))).toEqual(noCodes);
    signedInAs(strangerId);
    expect(await revealVoucherCodes(ownedOrderId, undefined)).toEqual(noCodes);
    expect(await revealVoucherCodes(guestOrderId, undefined)).toEqual(noCodes);
    expect(await revealVoucherCodes('not-a-uuid', undefined)).toEqual(noCodes);
  });

  it('shows nothing for an order that is not delivered', async () => {
    await database.db.update(orders).set({ status: 'FAILED' }).where(eq(orders.id, guestOrderId));
    signedInAs(undefined);
    expect(await revealVoucherCodes(guestOrderId, guestTokenFor(guestOrderId))).toEqual(noCodes);
  });
});
