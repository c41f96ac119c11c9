import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, operatorAlerts, orderEvents, orders, users } from '@/db/schema';
import { getCustomerBalance, ledgerTotal } from '@/lib/ledger';
import type { OrderContext } from '@/lib/orders/context';
import { submitOrder } from '@/lib/orders/fulfilment';
import { refreshOrderAsOperator, refundOrderAsOperator, resendNotificationEmail } from '@/lib/orders/operator';
import { listLateDeliveries, settleLateDelivery } from '@/lib/orders/late-delivery';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { createFundedCustomer, recordTestOrder } from '@/test/helpers/orders';
import { setupSandbox, testClient } from '@/test/helpers/sandbox';

const harness = setupSandbox({ topupDelayMs: 30_000 });
let database: TestDatabase;
let ctx: OrderContext;
let operator: { id: string; email: string };

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, supplier: testClient(harness.sandbox.url, { logger: false }).client };
  const [row] = await database.db.insert(users).values({ email: 'ops@example.com', role: 'operator' }).returning();
  operator = { id: row!.id, email: row!.email };
});
afterAll(async () => {
  await database?.destroy();
});

const pubg = { vertical: 'topup', upstreamId: 4218, name: 'PUBG Mobile UC', faceAmount: '4.99', retail: '5.49', wholesale: '4.7405' } as const;
const balanceOf = async (userId: string) => (await getCustomerBalance(database.db, userId, 'USD')).toFixed(2);
const auditFor = (orderId: string) => database.db.select().from(auditLog).where(eq(auditLog.targetId, orderId));

describe('operator refunds', () => {
  it('cancels a stuck order after checking the supplier, refunds it once, and refuses the second refund', async () => {
    const userId = await createFundedCustomer(database.db, '10.00');
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '999999408' } });
    const pending = await submitOrder(ctx, order.id);
    expect(pending.status).toBe('PENDING');
    expect(await balanceOf(userId)).toBe('4.51');
    await harness.control.clearRequests();

    const first = await refundOrderAsOperator(ctx, order.id, operator, 'Stuck at the operator for an hour');
    expect(first.kind).toBe('refunded');
    if (first.kind !== 'refunded') return;
    expect(first.cancelled).toBe(true);
    expect(first.order.status).toBe('CANCELLED');
    expect(first.order.refundedAt).not.toBeNull();
    expect(await balanceOf(userId)).toBe('10.00');
    // The supplier was asked before anything changed.
    expect((await harness.control.requestCounts())['GET /api/v1/topups/orders/:id']).toBe(1);

    const events = await database.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    const cancel = events.find((event) => event.source === 'operator');
    expect(cancel).toMatchObject({ fromStatus: 'PENDING', toStatus: 'CANCELLED' });
    expect(cancel!.message).toContain('Stuck at the operator for an hour');

    const second = await refundOrderAsOperator(ctx, order.id, operator, 'Again');
    expect(second.kind).toBe('already_refunded');
    const concurrent = await Promise.all([1, 2, 3].map(() => refundOrderAsOperator(ctx, order.id, operator, 'Race')));
    expect(concurrent.every((result) => result.kind === 'already_refunded')).toBe(true);
    expect(await balanceOf(userId)).toBe('10.00');
    expect((await ledgerTotal(database.db)).toFixed()).toBe('0');

    const audit = await auditFor(order.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'order.refund', actorEmail: 'ops@example.com', reason: 'Stuck at the operator for an hour' });
  });

  it('two operators refunding the same stuck order at once refund it once', async () => {
    const userId = await createFundedCustomer(database.db, '10.00');
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '999999408' } });
    await submitOrder(ctx, order.id);
    const results = await Promise.all([
      refundOrderAsOperator(ctx, order.id, operator, 'First'),
      refundOrderAsOperator(ctx, order.id, operator, 'Second'),
    ]);
    expect(results.map((result) => result.kind).sort()).toEqual(['already_refunded', 'refunded']);
    expect(await balanceOf(userId)).toBe('10.00');
  });

  it('lets the supplier answer win: an order it already failed is refunded by that answer, not twice', async () => {
    const userId = await createFundedCustomer(database.db, '10.00');
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '999999408' } });
    const pending = await submitOrder(ctx, order.id);
    await harness.control.resolveOrder('topup', pending.upstreamId!, 'FAILED', 'OPERATOR_UNAVAILABLE');

    const result = await refundOrderAsOperator(ctx, order.id, operator, 'Customer called');
    expect(result.kind).toBe('settled_by_supplier');
    if (result.kind !== 'settled_by_supplier') return;
    expect(result.order.status).toBe('FAILED');
    expect(await balanceOf(userId)).toBe('10.00');
    expect((await refundOrderAsOperator(ctx, order.id, operator, 'Again')).kind).toBe('already_refunded');
    expect(await balanceOf(userId)).toBe('10.00');
  });

  it('refuses delivered orders, including ones the supplier delivered while the operator looked', async () => {
    const userId = await createFundedCustomer(database.db, '10.00');
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '999999408' } });
    const pending = await submitOrder(ctx, order.id);
    await harness.control.resolveOrder('topup', pending.upstreamId!, 'DELIVERED');

    const result = await refundOrderAsOperator(ctx, order.id, operator, 'Oops');
    expect(result.kind).toBe('settled_by_supplier');
    expect((await refundOrderAsOperator(ctx, order.id, operator, 'Oops')).kind).toBe('delivered');
    expect(await balanceOf(userId)).toBe('4.51');
  });

  it('cancels an order the supplier never received (no client_reference there) without resubmitting it', async () => {
    const userId = await createFundedCustomer(database.db, '10.00');
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456789' } });
    const result = await refundOrderAsOperator(ctx, order.id, operator, 'Never sent');
    expect(result.kind).toBe('refunded');
    expect(await harness.control.listOrders({ clientReference: order.clientReference })).toHaveLength(0);
    const [stored] = await database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(stored!.status).toBe('CANCELLED');
    expect(await balanceOf(userId)).toBe('10.00');
  });

  it('refuses to change anything while the supplier cannot be asked', async () => {
    const userId = await createFundedCustomer(database.db, '10.00');
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '999999408' } });
    await submitOrder(ctx, order.id);
    await harness.control.injectFault({ method: 'GET', path: '/api/v1/topups/orders/:id', kind: 'error', status: 500, count: 10 });
    const result = await refundOrderAsOperator(ctx, order.id, operator, 'Supplier down');
    expect(result.kind).toBe('supplier_unreachable');
    expect(await balanceOf(userId)).toBe('4.51');
  });
});

describe('notification email', () => {
  it('registers the customer email with the supplier for top-ups, and explains vouchers cannot', async () => {
    const userId = await createFundedCustomer(database.db, '50.00');
    const topup = await submitOrder(ctx, (await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '999999408' } })).id);
    const result = await resendNotificationEmail(ctx, topup.id, operator);
    expect(result.kind).toBe('sent');
    const supplierOrder = await harness.control.getOrder('topup', topup.upstreamId!);
    const [customer] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(JSON.stringify(supplierOrder)).toContain(customer!.email);
    expect((await auditFor(topup.id)).map((entry) => entry.action)).toEqual(['order.notification_email']);

    const voucher = await recordTestOrder(ctx, { vertical: 'voucher', upstreamId: 123, name: 'Steam Wallet Card', faceAmount: '10', retail: '10.70', wholesale: '9.70', userId });
    expect((await resendNotificationEmail(ctx, voucher.id, operator)).kind).toBe('unsupported');
  });
});

describe('late delivery after a refund (issue 14 #1)', () => {
  it('keeps watching an order refunded while open at the supplier, keeps a late delivery and flags it', async () => {
    const userId = await createFundedCustomer(database.db, '10.00');
    const order = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '999999408' } });
    const pending = await submitOrder(ctx, order.id);
    expect(pending.status).toBe('PENDING');
    const refund = await refundOrderAsOperator(ctx, order.id, operator, 'Customer gave up waiting');
    expect(refund.kind).toBe('refunded');
    if (refund.kind !== 'refunded') return;
    expect(refund.order.delivery.supplierWatch).toBe('open');

    await harness.control.resolveOrder('topup', pending.upstreamId!, 'DELIVERED');
    const after = await refreshOrderAsOperator(ctx, order.id, operator);
    expect(after!.status).toBe('CANCELLED');
    expect(after!.upstreamStatus).toBe('DELIVERED');
    expect(after!.delivery.supplierWatch).toBe('late_delivery');
    expect(await balanceOf(userId)).toBe('10.00');

    const late = await listLateDeliveries(database.db);
    expect(late.map((row) => row.id)).toContain(order.id);
    const [alert] = await database.db.select().from(operatorAlerts).where(and(eq(operatorAlerts.key, `late_delivery:${order.id}`), isNull(operatorAlerts.resolvedAt)));
    expect(alert!.message).toContain(`#${order.number}`);
    const events = await database.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events.some((event) => event.message?.includes('delivered this order after the store refunded it'))).toBe(true);

    const settled = await settleLateDelivery(database.db, operator, order.id, 'Customer keeps the refund; codes claimed back');
    expect(settled!.delivery.supplierWatch).toBe('closed');
    expect(await listLateDeliveries(database.db)).toEqual([]);
  });
});

