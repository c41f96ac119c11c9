import type { FieldDescriptor } from '@/lib/forms/types';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { giftCodes, orders, type Order } from '@/db/schema';
import { dailySales } from '@/lib/admin/dashboard';
import { decryptJson } from '@/lib/crypto';
import { getCustomerBalance } from '@/lib/ledger';
import { placeCheckout, quoteCheckout } from '@/lib/orders/checkout';
import type { OrderContext } from '@/lib/orders/context';
import { refreshOrder } from '@/lib/orders/fulfilment';
import { checkGiftCode, giftCodeFactsOf, GIFT_CODE_MESSAGES } from '@/lib/orders/gift-code';
import { placeGiftCodeOrder } from '@/lib/orders/gift-code-checkout';
import { normaliseGiftCode } from '@/lib/orders/gift-code-state';
import { getStoreSettings, updateStoreSettings } from '@/lib/store/settings';
import type { DeliverySecrets } from '@/lib/supplier/orders';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '@/test/helpers/database';
import { createFundedCustomer, insertProduct } from '@/test/helpers/orders';
import { eventually, setupSandbox, testClient } from '@/test/helpers/sandbox';

const harness = setupSandbox();
let database: TestDatabase;
let ctx: OrderContext;

const playerField: FieldDescriptor = { name: 'player_id', label: 'Player ID', type: 'text', required: true, pattern: '^[0-9]{6,12}$', minLength: 6, maxLength: 12, min: null, max: null, placeholder: null, helpText: null, options: [] };

const context = (timeoutMs = 5_000): OrderContext => ({ db: database.db, supplier: testClient(harness.sandbox.url, { timeoutMs, logger: false }).client });

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = context();
});
beforeEach(async () => {
  // The sandbox is reset to its seed before every test and hands out the same codes again.
  await database.db.delete(giftCodes);
  await updateStoreSettings(database.db, { defaultMarkupPercent: '10', giftCodesEnabled: true, giftCodeMarkupPercent: null });
});
afterAll(async () => {
  await database?.destroy();
});

const pubg = (amount = '4.99') =>
  insertProduct(database.db, {
    vertical: 'topup',
    upstreamId: 4218,
    name: 'PUBG Mobile UC',
    inputFields: [playerField],
    variant: { key: `v:${amount}`, name: `${amount} pack`, kind: 'fixed', amount },
  });

/** Customer A buys gift cards through the real checkout; returns the delivered order and its codes. */
async function buyGiftCard({ upstreamId = 123, name = 'Steam Wallet Card', amount = '10', quantity = '1' } = {}) {
  const { product, variant } = await insertProduct(database.db, { vertical: 'voucher', upstreamId, name, variant: { key: `d:${amount}`, name: `$${amount}`, kind: 'fixed', amount } });
  const buyer = await createFundedCustomer(database.db, '200.00');
  const request = { productId: product.id, variantId: variant.id, quantity, inputData: {} };
  const quoted = await quoteCheckout(ctx, 'USD', request);
  if (!quoted.ok) throw new Error(quoted.message);
  const placed = await placeCheckout(ctx, buyer, 'USD', { ...request, checkoutToken: randomUUID(), expectedRetail: quoted.quote.retail.toFixed() });
  if (placed.kind !== 'placed') throw new Error(`voucher not placed: ${placed.kind}`);
  const order = (await database.db.select().from(orders).where(eq(orders.id, placed.orderId)))[0]!;
  const secrets = decryptJson<DeliverySecrets>(order.deliverySecret!);
  return { order, codes: secrets.vouchers!.map((code) => code.cardNumber ?? code.referenceNumber!) };
}

/** Customer B pays for a PUBG top-up with a typed code at the price the confirm step showed. */
async function redeem(code: string, { amount = '4.99', playerId = '5123456789', userId, checkoutToken = randomUUID(), on = ctx }: { amount?: string; playerId?: string; userId?: string; checkoutToken?: string; on?: OrderContext } = {}) {
  const { product, variant } = await pubg(amount);
  const customer = userId ?? (await createFundedCustomer(database.db, '0.01'));
  const request = { productId: product.id, variantId: variant.id, inputData: { player_id: playerId } };
  const quoted = await quoteCheckout(on, 'USD', request);
  if (!quoted.ok) throw new Error(quoted.message);
  const checked = await checkGiftCode(database.db, code, quoted.quote, await getStoreSettings(database.db));
  const expectedRetail = checked.ok ? checked.offer.price.toFixed() : quoted.quote.retail.toFixed();
  const result = await placeGiftCodeOrder(on, customer, 'USD', { ...request, checkoutToken, expectedRetail, giftCode: code });
  return { result, checked, customer };
}

const reload = async (id: string): Promise<Order> => (await database.db.select().from(orders).where(eq(orders.id, id)))[0]!;

describe('normalising typed codes', () => {
  it('drops spaces, dashes of any kind and underscores, and upper-cases', () => {
    expect(normaliseGiftCode(' abcd-efgh ijkl ')).toBe('ABCDEFGHIJKL');
    expect(normaliseGiftCode('ab–cd—ef_gh')).toBe('ABCDEFGH');
  });
});

describe('paying for a top-up with a gift code', () => {
  it('a code sold by the store, typed loosely, pays for a top-up that is delivered, with no balance or wallet debit', async () => {
    const voucher = await buyGiftCard();
    const typed = voucher.codes[0]!.toLowerCase().replace(/-/g, ' ');
    const ledgerBefore = (await harness.control.ledger()).transactions.length;
    const [salesBefore] = await dailySales(database.db, 1, 'USD');

    const { result, checked, customer } = await redeem(typed);
    expect(checked).toMatchObject({ ok: true });
    if (!checked.ok) return;
    expect(checked.offer.price.toFixed(2)).toBe('5.22');
    expect(checked.offer.leftover.toFixed(2)).toBe('4.78');
    expect(result.kind).toBe('placed');
    if (result.kind !== 'placed') return;

    const delivered = await eventually(async () => {
      const current = await refreshOrder(ctx, result.orderId, 'poll');
      return current.status === 'DELIVERED' ? current : undefined;
    });
    expect(delivered).toMatchObject({ paymentProvider: 'gift_code', walletId: null, retailAmount: '5.2200' });
    // The customer's balance never moved (no ledger entry), nor did the supplier wallet.
    expect((await getCustomerBalance(database.db, customer, 'USD')).toFixed(2)).toBe('0.01');
    expect((await harness.control.ledger()).transactions.length).toBe(ledgerBefore);
    const [upstream] = await harness.control.listOrders({ clientReference: delivered.clientReference });
    expect(upstream).toMatchObject({ vertical: 'topup', status: 'DELIVERED', debit_transaction_id: null });
    // The dashboard counts the order but no money: that was counted when the gift card was sold.
    const [salesAfter] = await dailySales(database.db, 1, 'USD');
    expect(salesAfter!.orders).toBe(salesBefore!.orders + 1);
    expect(salesAfter!.revenue.toFixed(2)).toBe(salesBefore!.revenue.toFixed(2));

    // The voucher's buyer and operators see where the code went.
    expect((await giftCodeFactsOf(database.db, voucher.order)).redemptions).toEqual([expect.objectContaining({ position: 0, orderNumber: delivered.number })]);
    expect((await giftCodeFactsOf(database.db, delivered)).paidFromOrder).toBe(voucher.order.number);
  });

  it('a code used once is refused the second time with its message, and nothing reaches the supplier', async () => {
    const voucher = await buyGiftCard();
    expect((await redeem(voucher.codes[0]!)).result.kind).toBe('placed');
    const before = (await harness.control.listOrders({ vertical: 'topup' })).length;
    const again = await redeem(voucher.codes[0]!);
    expect(again.result).toMatchObject({ kind: 'refused', message: GIFT_CODE_MESSAGES.used });
    expect((await harness.control.listOrders({ vertical: 'topup' })).length).toBe(before);
  });

  it('refuses a code never sold here, one worth less than the price, a partly delivered one, and any when turned off', async () => {
    expect((await redeem('AAAA-BBBB-CCCC')).result).toMatchObject({ kind: 'refused', message: GIFT_CODE_MESSAGES.unknown });
    const voucher = await buyGiftCard();
    // 9.99 pack: 9.4905 wholesale + 10% = 10.44, more than the $10 code.
    expect((await redeem(voucher.codes[0]!, { amount: '9.99' })).result).toMatchObject({
      kind: 'refused',
      message: "This code is worth $10.00, which does not cover this top-up's price of $10.44.",
    });
    const partial = await buyGiftCard({ upstreamId: 999, name: 'Sandbox Test Gift Card', amount: '2', quantity: '3' });
    expect(partial.order.upstreamStatus).toBe('PARTIALLY_DELIVERED');
    expect((await redeem(partial.codes[0]!)).result).toMatchObject({ kind: 'refused', message: GIFT_CODE_MESSAGES.partial });

    await updateStoreSettings(database.db, { giftCodesEnabled: false });
    expect((await redeem(voucher.codes[0]!)).result).toMatchObject({ kind: 'refused', message: GIFT_CODE_MESSAGES.off });
    await updateStoreSettings(database.db, { giftCodesEnabled: true });
    // None of the refusals used the code up.
    expect((await redeem(voucher.codes[0]!)).result.kind).toBe('placed');
  });

  it('the gift-code markup setting decides the price the code must cover', async () => {
    const voucher = await buyGiftCard();
    await updateStoreSettings(database.db, { giftCodeMarkupPercent: '5' });
    const { result, checked } = await redeem(voucher.codes[0]!, { amount: '9.99' });
    expect(checked.ok && checked.offer.price.toFixed(2)).toBe('9.97'); // 9.4905 x 1.05 = 9.965, rounded up
    expect(result.kind).toBe('placed');
    if (result.kind === 'placed') expect((await reload(result.orderId)).markupPercent).toBe('5.000');
  });

  it('one code typed in two tabs pays for exactly one order', async () => {
    const voucher = await buyGiftCard();
    const customer = await createFundedCustomer(database.db, '0.01');
    const before = (await harness.control.listOrders({ vertical: 'topup' })).length;
    // Every tab has checked the code (unused) before any pays: hold the code's row while they
    // check, so all of them reach the paying update together (on PostgreSQL; PGlite has one connection).
    const pending: Promise<Awaited<ReturnType<typeof redeem>>>[] = [];
    await database.db.transaction(async (tx) => {
      await tx.select().from(giftCodes).where(eq(giftCodes.voucherOrderId, voucher.order.id)).for('update');
      for (let tab = 0; tab < 4; tab++) pending.push(redeem(voucher.codes[0]!, { userId: customer }));
      await new Promise((resolve) => setTimeout(resolve, postgresServerUrl() ? 1_500 : 0));
    });
    const attempts = await Promise.all(pending);
    const placed = attempts.filter((attempt) => attempt.result.kind === 'placed');
    expect(placed).toHaveLength(1);
    for (const attempt of attempts.filter((candidate) => candidate.result.kind !== 'placed')) {
      expect(attempt.result).toMatchObject({ kind: 'refused', message: GIFT_CODE_MESSAGES.used });
    }
    expect((await harness.control.listOrders({ vertical: 'topup' })).length).toBe(before + 1);
    const taken = await database.db.select().from(giftCodes).where(eq(giftCodes.voucherOrderId, voucher.order.id));
    expect(taken[0]!.redeemedOrderId).toBe(placed[0]!.result.kind === 'placed' ? placed[0]!.result.orderId : null);
  });

  it('a top-up that fails gives the code back for another try', async () => {
    const voucher = await buyGiftCard();
    const failed = await redeem(voucher.codes[0]!, { playerId: '000000404' });
    expect(failed.result.kind).toBe('placed');
    if (failed.result.kind !== 'placed') return;
    const order = await eventually(async () => {
      const current = await refreshOrder(ctx, failed.result.kind === 'placed' ? failed.result.orderId : '', 'poll');
      return current.status === 'FAILED' ? current : undefined;
    });
    expect(order.refundedAt).not.toBeNull();
    expect((await getCustomerBalance(database.db, failed.customer, 'USD')).toFixed(2)).toBe('0.01');
    expect((await giftCodeFactsOf(database.db, voucher.order)).redemptions).toEqual([]);
    expect((await redeem(voucher.codes[0]!)).result.kind).toBe('placed');
  });

  it('a timeout after the supplier redeemed leaves the order to the reconciler, which adopts it by reference without redeeming twice', async () => {
    const voucher = await buyGiftCard();
    await harness.control.injectFault({ method: 'POST', path: '/api/v1/topups/orders', kind: 'hang', phase: 'after', count: 1 });
    const { result } = await redeem(voucher.codes[0]!, { on: context(400) });
    expect(result.kind).toBe('placed');
    if (result.kind !== 'placed') return;
    const waiting = await reload(result.orderId);
    expect(waiting.status).toBe('SUBMITTING');
    expect(await harness.control.listOrders({ clientReference: waiting.clientReference })).toHaveLength(1);

    await database.db.update(orders).set({ lastSubmittedAt: new Date(Date.now() - 60_000), nextCheckAt: new Date(0) }).where(eq(orders.id, waiting.id));
    const adopted = await refreshOrder(ctx, waiting.id, 'reconciler');
    expect(['PENDING', 'DELIVERED']).toContain(adopted.status);
    const upstream = await harness.control.listOrders({ clientReference: waiting.clientReference });
    expect(upstream).toHaveLength(1);
    expect(adopted.upstreamId).toBe(upstream[0]!.id);
    expect((await harness.control.listOrders({ vertical: 'topup' })).length).toBe(1);
  });
});
