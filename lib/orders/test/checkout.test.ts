import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, productVariants } from '@/db/schema';
import type { FieldDescriptor } from '@/lib/forms/types';
import { getCustomerBalance } from '@/lib/ledger';
import { placeCheckout, quoteCheckout } from '@/lib/orders/checkout';
import type { OrderContext } from '@/lib/orders/context';
import { updateStoreSettings } from '@/lib/store/settings';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { createFundedCustomer, insertProduct } from '@/test/helpers/orders';
import { setupSandbox, testClient } from '@/test/helpers/sandbox';

const harness = setupSandbox();
let database: TestDatabase;
let ctx: OrderContext;

const pubgFields: FieldDescriptor[] = [
  { name: 'player_id', label: 'Player ID', type: 'text', required: true, pattern: '^[0-9]{6,12}$', minLength: 6, maxLength: 12, min: null, max: null, placeholder: '5123456789', helpText: null, options: [] },
  { name: 'server', label: 'Server', type: 'select', required: false, pattern: null, minLength: null, maxLength: null, min: null, max: null, placeholder: null, helpText: null, options: [{ value: 'asia', label: 'Asia' }] },
];

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, supplier: testClient(harness.sandbox.url, { logger: false }).client };
  await updateStoreSettings(database.db, { defaultMarkupPercent: '10' });
});
afterAll(async () => {
  await database?.destroy();
});

async function pubg() {
  return insertProduct(database.db, {
    vertical: 'topup',
    upstreamId: 4218,
    name: 'PUBG Mobile UC',
    inputFields: pubgFields,
    variant: { key: 'v:88413:4.99', name: '325 UC', kind: 'fixed', amount: '4.99' },
  });
}

async function supplierOrderCount() {
  return (await harness.control.listOrders({ vertical: 'topup' })).length;
}

describe('checkout', () => {
  it('prices exactly from the supplier quote plus markup, rounded up to the cent', async () => {
    const { product, variant } = await pubg();
    const result = await quoteCheckout(ctx, 'USD', { productId: product.id, variantId: variant.id, inputData: { player_id: '5123456789', server: 'asia' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.quote.wholesale.toFixed(4)).toBe('4.7405');
    expect(result.quote.retail.toFixed(2)).toBe('5.22'); // 4.7405 x 1.10 = 5.21455, rounded up
    expect(result.quote.recipient).toBe('5123456789 · asia');
  });

  it('refuses malformed input with every field message and no supplier call', async () => {
    const { product, variant } = await pubg();
    await harness.control.clearRequests();
    const result = await quoteCheckout(ctx, 'USD', {
      productId: product.id,
      variantId: variant.id,
      inputData: { player_id: '12ab', server: 'mars', extra: 'x' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('This product does not take: extra.');
    expect(result.fieldErrors).toEqual({
      'input.player_id': ['Player ID must be at least 6 characters.', 'Player ID is not in the expected format. For example 5123456789.'],
      'input.server': ['Pick a Server from the list.'],
    });
    const counts = await harness.control.requestCounts();
    expect(Object.keys(counts).filter((route) => !route.startsWith('POST /auth'))).toEqual([]);
  });

  it('places one order per checkout however many times Pay is pressed', async () => {
    const { product, variant } = await pubg();
    const userId = await createFundedCustomer(database.db, '20.00');
    const before = await supplierOrderCount();
    const request = { productId: product.id, variantId: variant.id, inputData: { player_id: '5123456789' }, checkoutToken: randomUUID(), expectedRetail: '5.22' };
    const results = await Promise.all([1, 2, 3].map(() => placeCheckout(ctx, userId, 'USD', request)));
    const ids = new Set(results.map((result) => (result.kind === 'placed' ? result.orderId : result.kind)));
    expect(ids.size).toBe(1);
    expect(await supplierOrderCount()).toBe(before + 1);
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('14.78');
  });

  it('asks again when the price moved since the review, and charges nothing', async () => {
    const { product, variant } = await pubg();
    const userId = await createFundedCustomer(database.db, '20.00');
    const result = await placeCheckout(ctx, userId, 'USD', {
      productId: product.id,
      variantId: variant.id,
      inputData: { player_id: '5123456789' },
      checkoutToken: randomUUID(),
      expectedRetail: '4.00',
    });
    expect(result.kind).toBe('price_changed');
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('20.00');
    expect(await database.db.select().from(orders).where(eq(orders.userId, userId))).toHaveLength(0);
  });

  it('refuses an order the balance cannot pay, without contacting the supplier', async () => {
    const { product, variant } = await pubg();
    const userId = await createFundedCustomer(database.db, '1.00');
    const before = await supplierOrderCount();
    const result = await placeCheckout(ctx, userId, 'USD', {
      productId: product.id,
      variantId: variant.id,
      inputData: { player_id: '5123456789' },
      checkoutToken: randomUUID(),
      expectedRetail: '5.22',
    });
    expect(result).toMatchObject({ kind: 'refused', message: expect.stringContaining('balance is too low') });
    expect(await supplierOrderCount()).toBe(before);
  });

  it('checks range amounts against the variant', async () => {
    const { product, variant } = await insertProduct(database.db, {
      vertical: 'topup',
      upstreamId: 4219,
      name: 'Airtel India',
      currency: 'INR',
      inputFields: [{ ...pubgFields[0]!, name: 'phone_number', label: 'Mobile number', type: 'phone', pattern: null, minLength: null, maxLength: null }],
      variant: { key: 'airtime', name: 'Airtime', kind: 'range', minAmount: '10', maxAmount: '5000', category: 'Airtime' },
    });
    const tooLow = await quoteCheckout(ctx, 'USD', { productId: product.id, variantId: variant.id, amount: '5', inputData: { phone_number: '+918879685100' } });
    expect(tooLow).toMatchObject({ ok: false, fieldErrors: { amount: ['Enter an amount from 10.00 to 5000.00 INR.'] } });
    const ok = await quoteCheckout(ctx, 'USD', { productId: product.id, variantId: variant.id, amount: '200', inputData: { phone_number: '+91 88796 85100' } });
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.quote.inputData).toEqual({ phone_number: '+918879685100' });
      expect(ok.quote.retail.gt(ok.quote.wholesale)).toBe(true);
    }
  });

  it('stores the supplier charge at its own precision (issue 14 #2: 8.76525, not 8.7653)', async () => {
    const { product, variant } = await insertProduct(database.db, {
      vertical: 'voucher',
      upstreamId: 113,
      name: 'Fortnite V-Bucks Gift Card',
      variant: { key: 'd:8.99', name: '$8.99', kind: 'fixed', amount: '8.99' },
    });
    const quoted = await quoteCheckout(ctx, 'USD', { productId: product.id, variantId: variant.id, inputData: {} });
    expect(quoted.ok).toBe(true);
    if (!quoted.ok) return;
    expect(quoted.quote.wholesale.toFixed()).toBe('8.76525');
    const userId = await createFundedCustomer(database.db, '20.00');
    const placed = await placeCheckout(ctx, userId, 'USD', {
      productId: product.id,
      variantId: variant.id,
      inputData: {},
      checkoutToken: randomUUID(),
      expectedRetail: quoted.quote.retail.toFixed(),
    });
    expect(placed.kind).toBe('placed');
    if (placed.kind !== 'placed') return;
    const [row] = await database.db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(row!.wholesaleAmount).toBe('8.76525');
  });

  it('never charges more than the listed price, and says when it charges less (issue 14 #3)', async () => {
    const { product, variant } = await pubg();
    // Listed with a 10% discount: 4.99 x 0.90 x 1.10 = 4.9401 -> $4.95; the supplier quotes 4.7405 -> $5.22.
    await database.db.update(productVariants).set({ discountPercent: '10' }).where(eq(productVariants.id, variant.id));
    const held = await quoteCheckout(ctx, 'USD', { productId: product.id, variantId: variant.id, inputData: { player_id: '5123456789' } });
    expect(held.ok && held.quote.retail.toFixed(2)).toBe('4.95');
    // Listed with none: $5.49; the charge is the lower $5.22 and the listed price is known.
    await database.db.update(productVariants).set({ discountPercent: null }).where(eq(productVariants.id, variant.id));
    const lower = await quoteCheckout(ctx, 'USD', { productId: product.id, variantId: variant.id, inputData: { player_id: '5123456789' } });
    expect(lower.ok && [lower.quote.retail.toFixed(2), lower.quote.listed?.toFixed(2)]).toEqual(['5.22', '5.49']);
  });
});
