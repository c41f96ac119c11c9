import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorAlerts, orders, users, type Order } from '@/db/schema';
import { dailySales, orderTotalsSince } from '@/lib/admin/dashboard';
import { summarizeOrders } from '@/lib/admin/metrics';
import { iterateOrdersForOperator, listOrdersForOperator, parseOrderFilters } from '@/lib/admin/orders';
import { dismissAlert, insufficientFundsAlertKey, listOpenAlerts, raiseAlert } from '@/lib/alerts';
import { checkSupplierWallets, findOrdersWithoutDebit, loadTransactionsPage } from '@/lib/admin/wallets';
import type { OrderContext } from '@/lib/orders/context';
import { submitOrder } from '@/lib/orders/fulfilment';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { createFundedCustomer, recordTestOrder } from '@/test/helpers/orders';
import { setupSandbox, testClient } from '@/test/helpers/sandbox';

const harness = setupSandbox();
let database: TestDatabase;
let ctx: OrderContext;

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, supplier: testClient(harness.sandbox.url, { logger: false }).client };
});
afterAll(async () => {
  await database?.destroy();
});

const pubg = { vertical: 'topup', upstreamId: 4218, name: 'PUBG Mobile UC', faceAmount: '4.99', retail: '5.22', wholesale: '4.7405' } as const;

async function setOrder(id: string, changes: Partial<Order>) {
  await database.db.update(orders).set(changes).where(eq(orders.id, id));
}

describe('dashboard totals', () => {
  it('sums delivered money exactly, counting only the delivered share of a partial delivery', async () => {
    const since = new Date(Date.now() - 60_000);
    const userId = await createFundedCustomer(database.db, '500.00');
    const a = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456789' } });
    const b = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456780' } });
    const partial = await recordTestOrder(ctx, { vertical: 'voucher', upstreamId: 999, name: 'Sandbox Test Gift Card', faceAmount: '2', quantity: 4, retail: '8.80', wholesale: '7.76', userId });
    const failed = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456781' } });
    await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456782' } }); // stays SUBMITTING
    await setOrder(a.id, { status: 'DELIVERED' });
    await setOrder(b.id, { status: 'DELIVERED' });
    await setOrder(partial.id, { status: 'DELIVERED', delivery: { partial: true, deliveredQuantity: 2 } });
    await setOrder(failed.id, { status: 'FAILED' });

    const summary = summarizeOrders(await orderTotalsSince(database.db, since, 'USD'));
    expect(summary.orders).toBe(5);
    expect(summary.revenue.toFixed()).toBe('14.84'); // 5.22 + 5.22 + 8.80 / 2
    expect(summary.cost.toFixed()).toBe('13.361'); // 4.7405 x 2 + 7.76 / 2
    expect(summary.margin.toFixed()).toBe('1.479');
    expect(summary.failureRate!.toFixed()).toBe('0.25');
    expect(summary.waiting).toBe(1);

    const days = await dailySales(database.db, 14, 'USD');
    expect(days).toHaveLength(14);
    expect(days.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
    expect(days.at(-1)!.revenue.toFixed()).toBe('14.84');
    expect(days[0]!.orders).toBe(0);
  });
});

describe('operator order search', () => {
  it('finds orders by recipient, number, client reference and customer email, with filters and pagination', async () => {
    const [customer] = await database.db.insert(users).values({ email: 'findme-search@example.com' }).returning();
    const userId = customer!.id;
    const { creditCustomer } = await import('@/lib/ledger');
    await database.db.transaction((tx) => creditCustomer(tx, { userId, currency: 'USD', amount: '100', kind: 'operator_credit', memo: 't' }));
    const phone = await recordTestOrder(ctx, { ...pubg, userId, inputData: { phone_number: '+919811000777' } });
    const other = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '77700011' } });
    await setOrder(other.id, { status: 'FAILED' });

    const find = async (query: Record<string, string>) => (await listOrdersForOperator(database.db, parseOrderFilters(query))).rows.map((row) => row.id);
    expect(await find({ q: '+91 98110 00777' })).toEqual([phone.id]);
    expect(await find({ q: '9811000777' })).toEqual([phone.id]);
    expect(await find({ q: `#${other.number}` })).toEqual([other.id]);
    expect(await find({ q: phone.clientReference })).toEqual([phone.id]);
    expect(await find({ q: 'findme-search@' })).toEqual([other.id, phone.id]);
    expect(await find({ q: 'findme-search@', status: 'FAILED' })).toEqual([other.id]);
    expect(await find({ q: 'findme-search@', vertical: 'vouchers' })).toEqual([]);
    expect(await find({ q: 'findme-search@', vertical: 'games' })).toEqual([other.id, phone.id]);
    expect(await find({ q: '100%_' })).toEqual([]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(await find({ q: 'findme-search@', from: tomorrow })).toEqual([]);
    expect(await find({ q: 'findme-search@', to: tomorrow, status: 'nonsense' })).toEqual([other.id, phone.id]);

    const page = await listOrdersForOperator(database.db, parseOrderFilters({ q: 'findme-search@' }), { limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.rows.map((row) => row.id)).toEqual([phone.id]);

    const batches: string[][] = [];
    for await (const batch of iterateOrdersForOperator(database.db, parseOrderFilters({ q: 'findme-search@' }), 1)) batches.push(batch.map((row) => row.id));
    expect(batches).toEqual([[other.id], [phone.id]]);
  });
});

describe('supplier wallet and reconciliation', () => {
  it('raises the low-balance alert under the threshold and resolves it when topped up', async () => {
    await harness.control.setWalletBalance('USD', '20');
    const low = await checkSupplierWallets(database.db, ctx.supplier, 'USD', '100');
    expect(low.low).toBe(true);
    expect(low.storeWallet!.amount.toFixed()).toBe('20');
    expect(low.wallets.map((wallet) => wallet.currency)).toEqual(['USD', 'EUR', 'GBP', 'INR', 'AED']);
    await checkSupplierWallets(database.db, ctx.supplier, 'USD', '100');
    const open = await database.db.select().from(operatorAlerts).where(eq(operatorAlerts.key, 'supplier_low_balance:USD'));
    expect(open).toHaveLength(1);
    expect(open[0]!.occurrences).toBe(2);
    expect(open[0]!.message).toContain('$20.00');

    await harness.control.setWalletBalance('USD', '5000');
    expect((await checkSupplierWallets(database.db, ctx.supplier, 'USD', '100')).low).toBe(false);
    const [resolved] = await database.db.select().from(operatorAlerts).where(eq(operatorAlerts.key, 'supplier_low_balance:USD'));
    expect(resolved!.resolvedAt).not.toBeNull();
  });

  it('clears "customers are being refused" once the wallet is topped up, and lets an operator dismiss an alert (issue 14 #5)', async () => {
    await raiseAlert(database.db, { key: insufficientFundsAlertKey('USD'), kind: 'supplier_insufficient_funds', message: 'customers are being refused' });
    await harness.control.setWalletBalance('USD', '5000');
    await checkSupplierWallets(database.db, ctx.supplier, 'USD', '100');
    const [refused] = await database.db.select().from(operatorAlerts).where(eq(operatorAlerts.key, insufficientFundsAlertKey('USD')));
    expect(refused!.resolvedAt).not.toBeNull();

    await raiseAlert(database.db, { key: 'catalogue_changes', kind: 'catalogue', message: 'The supplier repriced 1 product.' });
    const [open] = await listOpenAlerts(database.db);
    const [operator] = await database.db.insert(users).values({ email: `alerts-${Date.now()}@example.com`, role: 'operator' }).returning();
    expect((await dismissAlert(database.db, operator!, open!.id))?.id).toBe(open!.id);
    expect(await listOpenAlerts(database.db)).toEqual([]);
  });

  it('pairs wallet debits with orders and flags both kinds of mismatch', async () => {
    const userId = await createFundedCustomer(database.db, '100.00');
    const matched = await submitOrder(ctx, (await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456789' } })).id);
    const forgotten = await submitOrder(ctx, (await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456788' } })).id);
    // The store lost track of one order (the supplier debited it), and believes in one it never paid for.
    await setOrder(forgotten.id, { upstreamId: null });
    const phantom = await recordTestOrder(ctx, { ...pubg, userId, inputData: { player_id: '5123456787' } });
    await setOrder(phantom.id, { status: 'DELIVERED', upstreamId: 99_999_999 });

    const page = await loadTransactionsPage(database.db, ctx.supplier, 1, 1);
    const byOrder = (upstreamId: number) => page.matches.find((match) => match.ref?.upstreamId === upstreamId);
    expect(byOrder(matched.upstreamId!)).toMatchObject({ problem: null, order: { id: matched.id } });
    expect(byOrder(forgotten.upstreamId!)).toMatchObject({ problem: 'no_local_order', order: null });

    const missing = await findOrdersWithoutDebit(database.db, ctx.supplier, 1);
    expect(missing.complete).toBe(true);
    expect(missing.orders.map((order) => order.id)).toEqual([phantom.id]);
  });
});
