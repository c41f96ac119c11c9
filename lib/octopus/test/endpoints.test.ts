import { Decimal } from '@/lib/money';
import { describe, expect, it } from 'vitest';
import { eventually, reference, testClient, setupSandbox } from '@/test/helpers/sandbox';

/** Every endpoint's happy path against the real sandbox, through the domain types. */
const env = setupSandbox();

describe('vouchers', () => {
  it('follows the product list to its last page', async () => {
    const { client } = testClient(env.sandbox.url, { pageSize: 7 });
    const all = await client.listVoucherProducts();
    const pages = (await env.control.requests({ path: '/api/v1/products' })).length;
    const { client: bigPages } = testClient(env.sandbox.url, { pageSize: 500 });
    expect(all.map((p) => p.id)).toEqual((await bigPages.listVoucherProducts()).map((p) => p.id));
    expect(all.length).toBeGreaterThan(30);
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
  });

  it('filters the catalogue and reads one product', async () => {
    const { client } = testClient(env.sandbox.url);
    const us = await client.listVoucherProducts({ countryId: 1, category: 'Gaming' });
    expect(us.length).toBeGreaterThan(0);
    expect(us.every((p) => p.countryCode === 'US' && p.category === 'Gaming')).toBe(true);

    const steam = await client.getVoucherProductById(123);
    expect(steam).toMatchObject({ id: 123, name: 'Steam Wallet Card', currencyCode: 'USD' });
    const fifty = steam.denominations.find((d) => d.minValue?.eq(50));
    expect(fifty?.maxValue?.toString()).toBe('50');
    expect(fifty?.discountPercent?.toString()).toBe('3.5');
  });

  it('quotes charges and availability', async () => {
    const { client } = testClient(env.sandbox.url);
    const charges = await client.getVoucherCharges(123, { denomination: '50', quantity: 2 });
    expect(charges.nonDiscountedTotal.toString()).toBe('100');
    expect(charges.discountAmount?.toString()).toBe('3.5');
    expect(charges.totalPayable.toString()).toBe('96.5');
    expect(charges.maxQuantity).toBe(100);
    expect(charges.forexRate).toBeNull();
    await expect(client.checkVoucherAvailability(123, { denomination: new Decimal(50), quantity: 1 })).resolves.toBe(true);
  });

  it('creates an order with codes inline, then reads it by id, in the list and by reference', async () => {
    const { client } = testClient(env.sandbox.url);
    const clientReference = reference('voucher');
    const result = await client.createVoucherOrder({ productId: 123, denomination: '50', quantity: 2, clientReference });
    if (result.outcome !== 'accepted') throw result.error;
    const order = result.order;
    expect(order).toMatchObject({ status: 'DELIVERED', clientReference, quantity: 2 });
    expect(order.amount?.toString()).toBe('100');
    expect(order.vouchers).toHaveLength(2);
    expect(order.vouchers[0]?.cardNumber).toEqual(expect.any(String));

    const byId = await client.getVoucherOrderById(order.id);
    expect(byId.vouchers.map((v) => v.cardNumber)).toEqual(order.vouchers.map((v) => v.cardNumber));

    const page = await client.listVoucherOrders();
    expect(page).toMatchObject({ page: 1, totalCount: 1, hasMore: false });
    expect(page.items[0]?.id).toBe(order.id);

    expect((await client.getVoucherOrderByClientReference(clientReference))?.id).toBe(order.id);
    await expect(client.getVoucherOrderByClientReference('no-such-reference')).resolves.toBeNull();
  });
});

describe('top-ups', () => {
  it('lists products across pages, by type and by search', async () => {
    const { client } = testClient(env.sandbox.url, { pageSize: 5 });
    const all = await client.listTopupProducts();
    expect((await env.control.requests({ path: '/api/v1/topups/products' })).length).toBe(Math.ceil(all.length / 5));
    const gaming = await client.listTopupProducts({ type: 'GAMING' });
    expect(gaming.length).toBeGreaterThan(0);
    expect(gaming.every((p) => p.type === 'GAMING')).toBe(true);
    expect(gaming.length).toBeLessThan(all.length);
    const pubg = await client.listTopupProducts({ search: 'pubg' });
    expect(pubg.map((p) => p.id)).toContain(4218);
  });

  it('reads a product with its input fields normalised, its variants and one variant', async () => {
    const { client } = testClient(env.sandbox.url);
    const product = await client.getTopupProductById(4218);
    expect(product).toMatchObject({ id: 4218, name: 'PUBG Mobile UC', type: 'GAMING', countryCode: 'GLO' });
    const playerId = product.inputFields.find((field) => field.name === 'player_id');
    expect(playerId).toMatchObject({ type: 'text', required: true, label: expect.any(String) });
    expect(playerId?.pattern).toEqual(expect.any(String));

    const variants = await client.listTopupVariantsByProduct(4218);
    const uc325 = variants.find((variant) => variant.name === '325 UC');
    expect(uc325?.fixedAmounts.map(String)).toEqual(['4.99']);
    const same = await client.getTopupVariantById(uc325?.id ?? 0);
    expect(same).toMatchObject({ id: uc325?.id, name: '325 UC', currencyCode: 'USD' });
  });

  it('looks up the operator of a mobile number', async () => {
    const { client } = testClient(env.sandbox.url);
    const matches = await client.lookupMobileNumber('+918879685100');
    expect(matches[0]).toMatchObject({ productId: 4219, name: 'Airtel India', identified: true });
  });

  it('quotes charges with the variant it would pick', async () => {
    const { client } = testClient(env.sandbox.url);
    const charges = await client.getTopupCharges({ productId: 4218, amount: '4.99' });
    expect(charges.totalPayable.toString()).toBe('4.7405');
    expect(charges.variantName).toBe('325 UC');
  });

  it('creates an order, follows it to delivery, lists it, finds it by reference, sets the email', async () => {
    const { client } = testClient(env.sandbox.url);
    const clientReference = reference('topup');
    const result = await client.createTopupOrder({
      productId: 4218,
      amount: '4.99',
      inputData: { player_id: '5123456789', server: 'asia' },
      clientReference,
    });
    if (result.outcome !== 'accepted') throw result.error;
    expect(result.order).toMatchObject({ status: 'PENDING', clientReference, variantName: '325 UC' });
    expect(result.order.amount.toString()).toBe('4.7405');

    const delivered = await eventually(async () => {
      const order = await client.getTopupOrderById(result.order.id);
      return order.status === 'PENDING' ? undefined : order;
    });
    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.completedAt).toBeInstanceOf(Date);

    const page = await client.listTopupOrders({ status: 'DELIVERED' });
    expect(page.items.map((order) => order.id)).toContain(result.order.id);
    expect((await client.getTopupOrderByClientReference(clientReference))?.id).toBe(result.order.id);

    await client.setTopupNotificationEmail(result.order.id, 'buyer@example.com');
    expect((await client.getTopupOrderById(result.order.id)).notificationEmail).toBe('buyer@example.com');
  });

  it('accepts an order that failed inside the request, with the user-fixable reason', async () => {
    const { client } = testClient(env.sandbox.url);
    const result = await client.createTopupOrder({
      productId: 4218,
      amount: '4.99',
      inputData: { player_id: '5123000404' },
      clientReference: reference('topup-fail'),
    });
    if (result.outcome !== 'accepted') throw result.error;
    expect(result.order).toMatchObject({ status: 'FAILED', failureCode: 'INVALID_RECIPIENT', isUserFixable: true });
    expect(result.order.failureReason).toContain('player ID');
  });
});

describe('eSIM', () => {
  it('lists products by country, reads one with its plans, and its variants', async () => {
    const { client } = testClient(env.sandbox.url, { pageSize: 4 });
    const all = await client.listEsimProducts();
    expect(all.length).toBeGreaterThan(8);
    const japan = await client.listEsimProducts({ countryCode: 'JPN' });
    expect(japan.map((p) => p.id)).toContain(712);
    expect(japan.every((p) => p.countryCode === 'JPN')).toBe(true);

    const detail = await client.getEsimProductById(712);
    expect(detail.name).toBe('Japan eSIM');
    const plan = detail.variants.find((variant) => variant.amount.eq('4.5'));
    expect(plan).toMatchObject({ validityDays: 7 });
    expect(plan?.dataAmountGb?.toString()).toBe('1');
    const variants = await client.listEsimVariantsByProduct(712);
    expect(variants.map((variant) => variant.id)).toEqual(detail.variants.map((variant) => variant.id));
  });

  it('quotes charges', async () => {
    const { client } = testClient(env.sandbox.url);
    const charges = await client.getEsimCharges({ productId: 712, amount: '4.50' });
    expect(charges.totalPayable.toString()).toBe('4.275');
  });

  it('creates an order delivered inline with its activation code, and reads it back', async () => {
    const { client } = testClient(env.sandbox.url);
    const clientReference = reference('esim');
    const result = await client.createEsimOrder({ productId: 712, amount: '4.50', clientReference });
    if (result.outcome !== 'accepted') throw result.error;
    const order = result.order;
    expect(order).toMatchObject({ status: 'DELIVERED', clientReference, activationStatus: 'NOT_INSTALLED', isInstalled: false });
    expect(order.lpa?.activationCode).toMatch(/^LPA:1\$/);
    expect(order.lpa?.smdpAddress).toEqual(expect.any(String));
    expect(order.lpa?.matchingId).toEqual(expect.any(String));
    expect(order.iccid).toMatch(/^\d{18,22}$/);

    const byId = await client.getEsimOrderById(order.id);
    expect(byId.lpa?.activationCode).toBe(order.lpa?.activationCode);
    const page = await client.listEsimOrders();
    expect(page.items[0]).toMatchObject({ id: order.id, lpa: null });
    expect((await client.getEsimOrderByClientReference(clientReference))?.id).toBe(order.id);

    await client.setEsimNotificationEmail(order.id, 'traveller@example.com');
    expect((await client.getEsimOrderById(order.id)).notificationEmail).toBe('traveller@example.com');
  });
});

describe('wallets, transactions and reference data', () => {
  it('lists wallets and reads one', async () => {
    const { client } = testClient(env.sandbox.url);
    const wallets = await client.listWallets();
    expect(wallets.length).toBeGreaterThan(1);
    const first = wallets[0];
    if (!first) throw new Error('no wallet');
    const same = await client.getWalletById(first.id);
    expect(same.amount.eq(first.amount)).toBe(true);
    expect(['PREPAID', 'POSTPAID']).toContain(same.type);
  });

  it('shows an order debit in the transactions, newest first', async () => {
    const { client } = testClient(env.sandbox.url);
    const result = await client.createVoucherOrder({ productId: 123, denomination: '25', quantity: 1, clientReference: reference('txn') });
    if (result.outcome !== 'accepted') throw result.error;
    const page = await client.listTransactions({ walletId: result.order.walletId ?? undefined });
    const debit = page.items[0];
    expect(debit).toMatchObject({ type: 'DEBIT', status: 'COMPLETED', walletId: result.order.walletId });
    expect(debit?.amount.toString()).toBe('24.25');
    const same = await client.getTransactionById(debit?.id ?? 0);
    expect(same.remarks).toBe(debit?.remarks);
  });

  it('reads countries and currencies', async () => {
    const { client } = testClient(env.sandbox.url);
    const countries = await client.listCountries();
    expect(countries[0]).toMatchObject({ id: 1, alpha2: 'US', alpha3: 'USA', dialingPrefix: '+1' });
    expect(await client.getCountryById(1)).toEqual(countries[0]);
    const currencies = await client.listCurrencies();
    expect(currencies.find((currency) => currency.code === 'USD')).toMatchObject({ precision: 2 });
    expect(currencies.find((currency) => currency.code === 'JPY')).toMatchObject({ precision: 0 });
  });
});
