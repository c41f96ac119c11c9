import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorAlerts, orderEvents, orders } from '@/db/schema';
import { getCustomerBalance, ledgerTotal } from '@/lib/ledger';
import { decryptJson } from '@/lib/crypto';
import type { OrderContext } from '@/lib/orders/context';
import type { DeliverySecrets } from '@/lib/supplier/orders';
import { applyUpstream, reconcileDueOrders, refreshOrder, submitOrder } from '@/lib/orders/fulfilment';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { createFundedCustomer, recordTestOrder } from '@/test/helpers/orders';
import { eventually, setupSandbox, testClient } from '@/test/helpers/sandbox';

const harness = setupSandbox({ topupDelayMs: 30_000 }); // scaled by 0.01: 300 ms
let database: TestDatabase;
let ctx: OrderContext;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

function context(timeoutMs = 5_000): OrderContext {
  return { db: database.db, supplier: testClient(harness.sandbox.url, { timeoutMs, logger: false }).client };
}

const pubg = { vertical: 'topup', upstreamId: 4218, name: 'PUBG Mobile UC', faceAmount: '4.99', retail: '5.49', wholesale: '4.7405' } as const;

/**
 * The references of every order the supplier holds (the sandbox is reset before each test), so
 * a second order under a new reference shows as well as one under the same reference.
 */
async function supplierReferences() {
  return (await harness.control.listOrders()).map((order) => order.client_reference);
}

async function reload(id: string) {
  return (await database.db.select().from(orders).where(eq(orders.id, id)))[0]!;
}

/** Pretends the last submit happened long ago, as after a restart. */
async function ageSubmission(id: string) {
  await database.db.update(orders).set({ lastSubmittedAt: new Date(Date.now() - 60_000), nextCheckAt: new Date(0) }).where(eq(orders.id, id));
}

describe('placing and fulfilling orders', () => {
  beforeAll(() => {
    ctx = context();
  });

  it('a top-up goes SUBMITTING -> PENDING -> DELIVERED with one debit and one supplier order', async () => {
    const userId = await createFundedCustomer(database.db, '20.00');
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456789', server: 'asia' } });
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('14.51');

    const submitted = await submitOrder(ctx, order.id);
    expect(submitted.status).toBe('PENDING');
    expect(submitted.upstreamId).toBeGreaterThan(0);

    const delivered = await eventually(async () => {
      const current = await refreshOrder(ctx, order.id, 'poll');
      return current.status === 'DELIVERED' ? current : undefined;
    });
    expect(delivered.completedAt).not.toBeNull();
    expect(await supplierReferences()).toEqual([order.clientReference]);
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('14.51');
    const events = await database.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events.map((event) => event.toStatus)).toEqual(['SUBMITTING', 'PENDING', 'DELIVERED']);
  });

  it('voucher codes arrive inline and are stored encrypted', async () => {
    const userId = await createFundedCustomer(database.db);
    const order = await recordTestOrder(ctx, {
      vertical: 'voucher',
      upstreamId: 123,
      name: 'Steam Wallet Card',
      faceAmount: '10',
      quantity: 2,
      retail: '21.40',
      wholesale: '19.40',
      userId,
    });
    const delivered = await submitOrder(ctx, order.id);
    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.deliverySecret).toMatch(/^v1\./);
    const secrets = decryptJson<DeliverySecrets>(delivered.deliverySecret!);
    expect(secrets.vouchers).toHaveLength(2);
    const firstCode = secrets.vouchers![0]!.cardNumber!;
    expect(firstCode.length).toBeGreaterThan(8);
    const supplierView = await ctx.supplier.getVoucherOrderById(delivered.upstreamId!);
    expect(supplierView.vouchers.map((code) => code.cardNumber)).toContain(firstCode);
    const [storedEvents, [storedOrder]] = await Promise.all([
      database.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)),
      database.db.select().from(orders).where(eq(orders.id, order.id)),
    ]);
    expect(JSON.stringify({ storedEvents, storedOrder })).not.toContain(firstCode);
  });

  it('a user-fixable failure refunds the customer exactly once, however often it is reported', async () => {
    const userId = await createFundedCustomer(database.db, '10.00');
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '000000404' } });
    const failed = await submitOrder(ctx, order.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.failureCode).toBe('INVALID_RECIPIENT');
    expect(failed.isUserFixable).toBe(true);
    expect(failed.failureReason).toMatch(/player ID/i);
    expect(failed.refundedAt).not.toBeNull();

    const upstream = { id: failed.upstreamId!, clientReference: order.clientReference, status: 'FAILED', statusText: null, failureCode: 'INVALID_RECIPIENT', failureReason: null, isUserFixable: true, deliveredQuantity: null, secrets: null, delivery: {} };
    await Promise.all([applyUpstream(ctx, order.id, upstream, 'poll'), applyUpstream(ctx, order.id, upstream, 'reconciler')]);
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('10.00');
  });
});

describe('unknown outcomes are reconciled, never duplicated', () => {
  it('a timeout after the supplier committed stays SUBMITTING, then is adopted by reference', async () => {
    const shortCtx = context(400);
    const userId = await createFundedCustomer(database.db);
    const order = await recordTestOrder(shortCtx, { ...pubg, userId, inputData: { player_id: '5123456789' } });
    await harness.control.injectFault({ method: 'POST', path: '/api/v1/topups/orders', kind: 'hang', phase: 'after', count: 1 });

    const afterTimeout = await submitOrder(shortCtx, order.id);
    expect(afterTimeout.status).toBe('SUBMITTING');
    expect(await supplierReferences()).toEqual([order.clientReference]);

    await ageSubmission(order.id);
    const adopted = await refreshOrder(ctx, order.id, 'reconciler');
    expect(['PENDING', 'DELIVERED']).toContain(adopted.status);
    expect(adopted.upstreamId).toBe((await harness.control.listOrders())[0]!.id);
    expect(await supplierReferences()).toEqual([order.clientReference]);
  });

  it('a 5xx before commit is resubmitted with the same reference', async () => {
    const userId = await createFundedCustomer(database.db);
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456789' } });
    await harness.control.injectFault({ method: 'POST', path: '/api/v1/topups/orders', kind: 'error', status: 500, count: 1 });

    expect((await submitOrder(ctx, order.id)).status).toBe('SUBMITTING');
    expect(await supplierReferences()).toEqual([]);

    await ageSubmission(order.id);
    expect(await reconcileDueOrders(ctx)).toBeGreaterThanOrEqual(1);
    const resubmitted = await reload(order.id);
    expect(['PENDING', 'DELIVERED']).toContain(resubmitted.status);
    expect(resubmitted.submitAttempts).toBe(2);
    expect(await supplierReferences()).toEqual([order.clientReference]);
  });

  it('a dropped connection after commit is adopted through the duplicate-reference answer', async () => {
    const userId = await createFundedCustomer(database.db);
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456789' } });
    await harness.control.injectFault({ method: 'POST', path: '/api/v1/topups/orders', kind: 'drop', phase: 'after', count: 1 });
    expect((await submitOrder(ctx, order.id)).status).toBe('SUBMITTING');

    // Resubmitting the same reference (the lookup is bypassed by sending again directly).
    await database.db.update(orders).set({ lastSubmittedAt: null }).where(eq(orders.id, order.id));
    const adopted = await submitOrder(ctx, order.id, 'reconciler');
    expect(['PENDING', 'DELIVERED']).toContain(adopted.status);
    expect(await supplierReferences()).toEqual([order.clientReference]);
  });

  it('expired supplier tokens mid-traffic do not lose or duplicate the order', async () => {
    const userId = await createFundedCustomer(database.db);
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456789' } });
    await harness.control.expireTokens();
    expect((await submitOrder(ctx, order.id)).status).toBe('PENDING');
    expect(await supplierReferences()).toEqual([order.clientReference]);
  });

  it('an order recorded before a crash (debited, never sent) is sent by the reconciler', async () => {
    const userId = await createFundedCustomer(database.db);
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456789' } });
    await database.db.update(orders).set({ nextCheckAt: new Date(0) }).where(eq(orders.id, order.id));
    await reconcileDueOrders(context());
    expect(['PENDING', 'DELIVERED']).toContain((await reload(order.id)).status);
    expect(await supplierReferences()).toEqual([order.clientReference]);
  });

  it('many pollers of one due order cause exactly one supplier read per throttle window', async () => {
    const userId = await createFundedCustomer(database.db);
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456789' } });
    await submitOrder(ctx, order.id);
    await database.db.update(orders).set({ lastCheckedAt: new Date(0) }).where(eq(orders.id, order.id));
    await harness.control.clearRequests();
    await Promise.all(Array.from({ length: 25 }, () => refreshOrder(ctx, order.id, 'poll', { throttle: true })));
    const counts = await harness.control.requestCounts();
    const reads = Object.entries(counts)
      .filter(([route]) => route.startsWith('GET /api/v1/topups/orders'))
      .reduce((sum, [, count]) => sum + (count as number), 0);
    // The order is due (last checked long ago): exactly one of the 25 pollers reads it.
    expect(reads).toBe(1);
  });

  it('a delivered eSIM is asked about its installation at most every 30 s, an open order every 3 s', async () => {
    const userId = await createFundedCustomer(database.db);
    const esim = await recordTestOrder(ctx, { vertical: 'esim', upstreamId: 712, name: 'Japan eSIM', faceAmount: '4.50', retail: '4.96', wholesale: '4.275', userId });
    expect((await submitOrder(ctx, esim.id)).status).toBe('DELIVERED');
    const pending = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456789' } });
    expect((await submitOrder(ctx, pending.id)).status).toBe('PENDING');

    const readsAfter = async (id: string, secondsAgo: number) => {
      await database.db.update(orders).set({ lastCheckedAt: new Date(Date.now() - secondsAgo * 1000) }).where(eq(orders.id, id));
      await harness.control.clearRequests();
      await refreshOrder(ctx, id, 'poll', { throttle: true });
      const counts = await harness.control.requestCounts();
      return Object.entries(counts).filter(([route]) => route.startsWith('GET /api/v1/')).reduce((sum, [, count]) => sum + (count as number), 0);
    };
    expect(await readsAfter(esim.id, 10)).toBe(0);
    expect(await readsAfter(esim.id, 31)).toBe(1);
    expect(await readsAfter(pending.id, 4)).toBe(1);
    expect(await readsAfter(pending.id, 1)).toBe(0);
  });

  it('a supplier wallet that cannot pay rejects the order, refunds the customer and alerts the operator', async () => {
    const userId = await createFundedCustomer(database.db, '10.00');
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456789' } });
    await harness.control.setWalletBalance('USD', '0');
    const rejected = await submitOrder(ctx, order.id);
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.failureReason).toBe('This product is temporarily unavailable. Please try again later.');
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('10.00');
    const alerts = await database.db.select().from(operatorAlerts);
    expect(alerts.some((alert) => alert.kind === 'supplier_insufficient_funds' && alert.resolvedAt === null)).toBe(true);
  });

  it('leaves the books balanced', async () => {
    expect((await ledgerTotal(database.db)).isZero()).toBe(true);
  });
});
