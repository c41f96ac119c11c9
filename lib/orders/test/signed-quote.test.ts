import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { orders, products } from '@/db/schema';
import type { FieldDescriptor } from '@/lib/forms/types';
import { getCustomerBalance } from '@/lib/ledger';
import { placeCheckout, quoteCheckout, signCheckoutQuote, TAMPERED_QUOTE_MESSAGE, type CheckoutRequest } from '@/lib/orders/checkout';
import type { OrderContext } from '@/lib/orders/context';
import { QUOTE_TTL_MS } from '@/lib/orders/signed-quote';
import { updateStoreSettings } from '@/lib/store/settings';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { createFundedCustomer, insertProduct } from '@/test/helpers/orders';
import { setupSandbox, testClient } from '@/test/helpers/sandbox';

const harness = setupSandbox();
let database: TestDatabase;
let ctx: OrderContext;

const pubgFields: FieldDescriptor[] = [
  { name: 'player_id', label: 'Player ID', type: 'text', required: true, pattern: '^[0-9]{6,12}$', minLength: 6, maxLength: 12, min: null, max: null, placeholder: '5123456789', helpText: null, options: [] },
];

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, supplier: testClient(harness.sandbox.url, { logger: false }).client };
  await updateStoreSettings(database.db, { defaultMarkupPercent: '10' });
});
afterAll(async () => {
  await database?.destroy();
});
/** The sandbox prices top-ups at face value less this discount (5 % unless a test changes it). */
const supplierDiscount = (percent: number) => harness.control.setConfig({ clientDiscountPercent: percent });
beforeEach(async () => {
  await supplierDiscount(5);
});

async function pubgCheckout(playerId = '5123456789'): Promise<CheckoutRequest> {
  const { product, variant } = await insertProduct(database.db, {
    vertical: 'topup',
    upstreamId: 4218,
    name: 'PUBG Mobile UC',
    inputFields: pubgFields,
    variant: { key: 'v:88413:4.99', name: '325 UC', kind: 'fixed', amount: '4.99' },
  });
  return { productId: product.id, variantId: variant.id, inputData: { player_id: playerId } };
}

/** The review step: a supplier quote, signed for this checkout (optionally as if signed `ageMs` ago). */
async function review(request: CheckoutRequest, ageMs = 0) {
  const quoted = await quoteCheckout(ctx, 'USD', request);
  if (!quoted.ok) throw new Error(quoted.message);
  const checkoutToken = randomUUID();
  return { checkoutToken, expectedRetail: quoted.quote.retail.toFixed(), quote: signCheckoutQuote(quoted.quote, checkoutToken, Date.now() - ageMs) };
}

/** Supplier calls made since the last clear, by route, without token traffic. */
async function supplierCalls() {
  const counts = await harness.control.requestCounts();
  return Object.fromEntries(Object.entries(counts).filter(([route]) => !route.startsWith('POST /auth')));
}

const chargesCalls = (calls: Record<string, number>) => Object.entries(calls).filter(([route]) => route.includes('charges')).reduce((sum, [, n]) => sum + n, 0);

describe('signed checkout quotes', () => {
  it('pays the confirmed price from a fresh quote without asking the supplier for a price again', async () => {
    const request = await pubgCheckout();
    const userId = await createFundedCustomer(database.db, '20.00');
    const confirmed = await review(request);
    expect(confirmed.expectedRetail).toBe('5.22');
    // The supplier's price rises after the review: the customer still pays what they confirmed.
    await supplierDiscount(0);
    await harness.control.clearRequests();
    const result = await placeCheckout(ctx, userId, 'USD', { ...request, ...confirmed });
    expect(result.kind).toBe('placed');
    if (result.kind !== 'placed') return;
    const calls = await supplierCalls();
    expect(chargesCalls(calls)).toBe(0);
    expect(calls['POST /api/v1/topups/orders']).toBe(1);
    const [order] = await database.db.select().from(orders).where(eq(orders.id, result.orderId));
    expect(Number(order!.retailAmount)).toBe(5.22);
    expect(Number(order!.wholesaleAmount)).toBe(4.7405);
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('14.78');
  });

  it('refuses a quote whose price was edited, with a clear message, and charges nothing', async () => {
    const request = await pubgCheckout();
    const userId = await createFundedCustomer(database.db, '20.00');
    const confirmed = await review(request);
    const [version, body, signature] = confirmed.quote.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const cheaper = Buffer.from(JSON.stringify({ ...payload, retail: '0.01' })).toString('base64url');
    const result = await placeCheckout(ctx, userId, 'USD', { ...request, ...confirmed, expectedRetail: '0.01', quote: `${version}.${cheaper}.${signature}` });
    expect(result).toEqual({ kind: 'refused', message: TAMPERED_QUOTE_MESSAGE, fieldErrors: undefined });
    expect(await database.db.select().from(orders).where(eq(orders.userId, userId))).toHaveLength(0);
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('20.00');
  });

  it('refuses a genuine quote sent with another recipient or another checkout', async () => {
    const request = await pubgCheckout();
    const userId = await createFundedCustomer(database.db, '20.00');
    const confirmed = await review(request);
    const otherPlayer = await placeCheckout(ctx, userId, 'USD', { ...request, ...confirmed, inputData: { player_id: '5999999999' } });
    expect(otherPlayer).toMatchObject({ kind: 'refused', message: TAMPERED_QUOTE_MESSAGE });
    const otherCheckout = await placeCheckout(ctx, userId, 'USD', { ...request, ...confirmed, checkoutToken: randomUUID() });
    expect(otherCheckout).toMatchObject({ kind: 'refused', message: TAMPERED_QUOTE_MESSAGE });
    expect(await database.db.select().from(orders).where(eq(orders.userId, userId))).toHaveLength(0);
  });

  it('asks the supplier again once the quote expired, and shows a moved price for confirmation', async () => {
    const request = await pubgCheckout();
    const userId = await createFundedCustomer(database.db, '20.00');
    const stale = await review(request, QUOTE_TTL_MS + 1_000);
    await supplierDiscount(0);
    await harness.control.clearRequests();
    const result = await placeCheckout(ctx, userId, 'USD', { ...request, ...stale });
    expect(chargesCalls(await supplierCalls())).toBe(1);
    expect(result.kind).toBe('price_changed');
    expect(await database.db.select().from(orders).where(eq(orders.userId, userId))).toHaveLength(0);

    // Same price after expiry: re-quoted, then placed at that price.
    await supplierDiscount(5);
    const again = await placeCheckout(ctx, userId, 'USD', { ...request, ...(await review(request, QUOTE_TTL_MS + 1_000)) });
    expect(again.kind).toBe('placed');
  });

  it('refuses a fresh quote for a product taken off sale since the review', async () => {
    const request = await pubgCheckout();
    const userId = await createFundedCustomer(database.db, '20.00');
    const confirmed = await review(request);
    await database.db.update(products).set({ enabled: false }).where(eq(products.id, request.productId));
    const result = await placeCheckout(ctx, userId, 'USD', { ...request, ...confirmed });
    expect(result).toMatchObject({ kind: 'refused', message: 'This product is not on sale right now.' });
  });
});
