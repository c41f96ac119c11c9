/** Wallet accounting: debit at creation, refunds exactly once, dedup, funds, forex, vouchers as funding. */
import { Decimal } from '../engine/money';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerTransaction } from '../control';
import type { Harness } from './helpers';
import { boot, expectError, waitFor } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await boot();
});
afterAll(() => h.sandbox.close());
beforeEach(async () => {
  await h.control.reset();
});

const OPENING: Record<string, string> = { USD: '10000', EUR: '5000', GBP: '5000', INR: '500000', AED: '10000' };

async function balance(currency: string): Promise<Decimal> {
  const { wallets } = await h.control.ledger();
  const wallet = wallets.find((w) => w.currency === currency);
  if (!wallet) throw new Error(`no ${currency} wallet`);
  return new Decimal(wallet.balance);
}

async function orderTransactions(vertical: string, id: number): Promise<LedgerTransaction[]> {
  const { transactions } = await h.control.ledger();
  return transactions.filter((t) => t.order?.vertical === vertical && t.order.id === id);
}

describe('ledger invariants', () => {
  it('every wallet balance equals its opening balance plus credits minus debits', async () => {
    await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '000000404' } });
    await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 9.99, input_data: { player_id: '5123456789' } });
    await h.api.post('/api/v1/orders', { product_id: 120, denomination: 50, quantity: 1, wallet_id: 2 });
    await h.api.post('/api/v1/esim/orders', { product_id: 712, amount: 4.5 });
    const { wallets, transactions } = await h.control.ledger();
    for (const wallet of wallets) {
      const net = transactions
        .filter((t) => t.wallet_id === wallet.id)
        .reduce((sum, t) => (t.transaction_type === 'CREDIT' ? sum.plus(t.amount) : sum.minus(t.amount)), new Decimal(OPENING[wallet.currency] ?? 0));
      expect(net.toString(), wallet.currency).toBe(new Decimal(wallet.balance).toString());
    }
    const apiWallets = (await h.api.get('/api/v1/wallets')).body as { id: number; amount: number }[];
    for (const w of wallets) expect(apiWallets.find((a) => a.id === w.id)?.amount).toBe(w.amount);
  });
});

describe('debit at creation and refunds', () => {
  it('a PENDING top-up is already paid; delivery moves no more money', async () => {
    const before = await balance('USD');
    const res = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '5123456789' } });
    expect(res.body.status).toBe('PENDING');
    expect(before.minus(await balance('USD')).toString()).toBe('4.7405');
    await waitFor(() => h.api.get(`/api/v1/topups/orders/${res.body.id}`), (r) => r.body.status === 'DELIVERED');
    expect(before.minus(await balance('USD')).toString()).toBe('4.7405');
    const txns = await orderTransactions('topup', res.body.id);
    expect(txns.map((t) => t.transaction_type)).toEqual(['DEBIT']);
    expect(txns[0]?.remarks).toBe(`USD Wallet debited by amount 4.7405 - Topup Order #${res.body.id}`);
  });

  it('a synchronous FAILED top-up is debited and refunded as two transactions', async () => {
    const before = await balance('USD');
    const res = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '000000404' } });
    expect(res.body.status).toBe('FAILED');
    expect((await balance('USD')).toString()).toBe(before.toString());
    const txns = await orderTransactions('topup', res.body.id);
    expect(txns.map((t) => [t.transaction_type, t.amount])).toEqual([
      ['DEBIT', 4.7405],
      ['CREDIT', 4.7405],
    ]);
    expect(txns[1]?.remarks).toBe(`USD Wallet credited by amount 4.7405 - Refund for Topup Order #${res.body.id}`);
  });

  it('an asynchronous FAILED and a CANCELLED top-up are refunded exactly once, however often they are read', async () => {
    const failed = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '999999404' } });
    const cancelled = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 9.99, input_data: { player_id: '000000499' } });
    expect(failed.body.status).toBe('PENDING');
    expect(cancelled.body.status).toBe('CANCELLED');
    await waitFor(() => h.api.get(`/api/v1/topups/orders/${failed.body.id}`), (r) => r.body.status === 'FAILED');
    for (let i = 0; i < 5; i++) await h.api.get(`/api/v1/topups/orders/${failed.body.id}`);
    await h.control.advanceClock(3_600_000);
    for (const id of [failed.body.id, cancelled.body.id]) {
      const txns = await orderTransactions('topup', id);
      expect(txns.filter((t) => t.transaction_type === 'CREDIT')).toHaveLength(1);
      expect(txns.filter((t) => t.transaction_type === 'DEBIT')).toHaveLength(1);
    }
    expect((await balance('USD')).toString()).toBe('10000');
  });

  it('failed eSIM and voucher orders are refunded; partial vouchers refund the undelivered share', async () => {
    const esim = await h.api.post('/api/v1/esim/orders', { product_id: 999, amount: 1.01 });
    expect(esim.body.status).toBe('FAILED');
    const voucher = await h.api.post('/api/v1/orders', { product_id: 999, denomination: 3, quantity: 2 });
    expect(voucher.body.status).toBe('FAILED');
    expect((await balance('USD')).toString()).toBe('10000');
    const partial = await h.api.post('/api/v1/orders', { product_id: 999, denomination: 2, quantity: 4 });
    expect(partial.body.status).toBe('PARTIALLY_DELIVERED');
    expect(partial.body.vouchers).toHaveLength(2);
    // Still pending codes are not refunded; a partial order that completes never is.
    expect((await orderTransactions('voucher', partial.body.id)).map((t) => t.transaction_type)).toEqual(['DEBIT']);
    const failing = await h.api.post('/api/v1/orders', { product_id: 999, denomination: 7, quantity: 4 });
    expect((await orderTransactions('voucher', failing.body.id)).map((t) => t.transaction_type)).toEqual(['DEBIT']);
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.partialRestMs));
    expect((await orderTransactions('voucher', partial.body.id)).map((t) => t.transaction_type)).toEqual(['DEBIT']);
    const txns = await orderTransactions('voucher', failing.body.id);
    expect(txns.map((t) => [t.transaction_type, t.amount])).toEqual([
      ['DEBIT', 26.6],
      ['CREDIT', 13.3],
    ]);
  });
});

describe('client_reference', () => {
  it('is unique across the three verticals; a duplicate creates and debits nothing', async () => {
    const first = await h.api.post('/api/v1/orders', { product_id: 123, denomination: 10, quantity: 1, client_reference: 'shared-ref-1' });
    expect(first.status).toBe(201);
    const ledgerBefore = await h.control.ledger();
    const attempts = [
      h.api.post('/api/v1/orders', { product_id: 123, denomination: 10, quantity: 1, client_reference: 'shared-ref-1' }),
      h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '5123456789' }, client_reference: 'shared-ref-1' }),
      h.api.post('/api/v1/esim/orders', { product_id: 712, amount: 4.5, client_reference: 'shared-ref-1' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expectError(res, 400, 'BadRequestError', 'BAD_REQUEST', 'Duplicate client_reference');
    }
    const ledgerAfter = await h.control.ledger();
    expect(ledgerAfter.transactions).toHaveLength(ledgerBefore.transactions.length);
    expect(await h.control.listOrders({ clientReference: 'shared-ref-1' })).toHaveLength(1);
  });

  it('concurrent creates with one reference produce exactly one order', async () => {
    const body = { product_id: 4218, amount: 4.99, input_data: { player_id: '5123456789' }, client_reference: 'race-1' };
    const results = await Promise.all(Array.from({ length: 10 }, () => h.api.post('/api/v1/topups/orders', body)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400)).toHaveLength(9);
    const orders = await h.control.listOrders({ clientReference: 'race-1' });
    expect(orders).toHaveLength(1);
    expect((await h.api.get('/api/v1/topups/orders?client_reference=race-1')).body).toHaveLength(1);
  });

  it('a rejected request does not burn its reference', async () => {
    await h.control.setWalletBalance('USD', 1);
    const short = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '5123456789' }, client_reference: 'retry-me' });
    expectError(short, 400, 'BadRequestError', 'INSUFFICIENT_FUNDS');
    await h.control.setWalletBalance('USD', 100);
    const retry = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '5123456789' }, client_reference: 'retry-me' });
    expect(retry.status).toBe(200);
  });
});

describe('INSUFFICIENT_FUNDS', () => {
  it('rejects every vertical when the wallet is short and moves no money', async () => {
    await h.control.setWalletBalance('USD', '3.00');
    const before = (await h.control.ledger()).transactions.length;
    const responses = [
      await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '5123456789' } }),
      await h.api.post('/api/v1/esim/orders', { product_id: 712, amount: 4.5 }),
      await h.api.post('/api/v1/orders', { product_id: 123, denomination: 10, quantity: 1 }),
    ];
    for (const res of responses) expectError(res, 400, 'BadRequestError', 'INSUFFICIENT_FUNDS', /Insufficient funds: USD wallet balance 3\.00 is below the payable amount/);
    expect((await h.control.ledger()).transactions).toHaveLength(before);
    expect(await h.control.listOrders()).toHaveLength(0);
    expect((await balance('USD')).toString()).toBe('3');
  });

  it('an order for exactly the balance goes through', async () => {
    await h.control.setWalletBalance('USD', '4.7405');
    const res = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '5123456789' } });
    expect(res.status).toBe(200);
    expect((await balance('USD')).toString()).toBe('0');
  });
});

describe('forex', () => {
  it('wallet_id in another currency bills that wallet at the forex rate', async () => {
    const charge = await h.api.post('/api/v1/topups/charges', { product_id: 4218, amount: 4.99, wallet_id: 2 });
    expect(charge.body.charges_details).toMatchObject({ source_currency: 'USD', destination_currency: 'EUR', conversion_fee: 0 });
    expect(charge.body.charges_details.forex_rate).toBe(0.92357);
    expect(charge.body.total_payable).toBe(4.38);
    const eurBefore = await balance('EUR');
    const order = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, wallet_id: 2, input_data: { player_id: '5123456789' } });
    expect(order.body).toMatchObject({ amount: 4.7405, currency: 'USD' });
    expect(eurBefore.minus(await balance('EUR')).toString()).toBe('4.38');
    const [debit] = await orderTransactions('topup', order.body.id);
    expect(debit).toMatchObject({ source_currency: 'USD', destination_currency: 'EUR', forex_rate: 0.92357, conversion_charges: 0 });
  });

  it('a pair without a rate is rejected with the documented message', async () => {
    const res = await h.api.post('/api/v1/topups/orders', { product_id: 4219, amount: 200, category: 'Airtime', wallet_id: 5, input_data: { phone_number: '+918879685100' } });
    expectError(res, 400, 'BadRequestError', 'BAD_REQUEST', 'Exchange rate not available for the wallet currency');
    expectError(await h.api.post('/api/v1/esim/charges', { product_id: 712, amount: 4.5, wallet_id: 99 }), 404, 'NotFoundError', 'NOT_FOUND', 'Wallet not found');
    const aedToUsd = await h.api.post('/api/v1/esim/charges', { product_id: 712, amount: 4.5, wallet_id: 5 });
    expect(aedToUsd.status).toBe(200);
  });

  it('without a wallet in the product currency the default (USD) wallet pays with forex', async () => {
    const res = await h.api.post('/api/v1/orders', { product_id: 134, denomination: 1000, quantity: 1 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ base_currency: 'JPY', deduction_currency: 'USD', wallet_id: 1, amount: 1000, discount: 30 });
  });
});

describe('redeem_voucher_code', () => {
  const PUBG = { product_id: 4218, amount: 4.99 };
  const buyVoucher = async (productId = 123, denomination = 10, quantity = 1) =>
    (await h.api.post('/api/v1/orders', { product_id: productId, denomination, quantity })).body;
  const redeem = (code: string, extra: Record<string, unknown> = {}) =>
    h.api.post('/api/v1/topups/orders', { ...PUBG, redeem_voucher_code: code, input_data: { player_id: '5123456789' }, ...extra });

  it('funds a top-up with a delivered voucher: no wallet moves, the whole voucher is used once', async () => {
    const voucher = await buyVoucher();
    const code: string = voucher.vouchers[0].card_number;
    const usdBefore = await balance('USD');
    const paid = await redeem(code);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'PENDING', amount: 4.7405, currency: 'USD' });
    expect(paid.body.transaction_id).toBeUndefined();
    expect(await orderTransactions('topup', paid.body.id)).toEqual([]);
    expect((await balance('USD')).toString()).toBe(usdBefore.toString());
    const delivered = await waitFor(() => h.api.get(`/api/v1/topups/orders/${paid.body.id}`), (r) => r.body.status === 'DELIVERED');
    expect(delivered.body.transaction_id).toBeUndefined();
    // The rest of the $10 is not kept: a second, smaller top-up with the same code is refused.
    expectError(await redeem(code, { amount: 0.99 }), 400, 'BadRequestError', 'BAD_REQUEST', 'Voucher code has already been redeemed');
    expect((await balance('USD')).toString()).toBe(usdBefore.toString());
  });

  it('accepts the voucher_reference_number as well as the card number', async () => {
    const voucher = await buyVoucher();
    const paid = await redeem(voucher.vouchers[0].voucher_reference_number);
    expect(paid.status).toBe(200);
    expectError(await redeem(voucher.vouchers[0].card_number), 400, 'BadRequestError', 'BAD_REQUEST', 'Voucher code has already been redeemed');
  });

  it('a top-up that fails releases the voucher for another try', async () => {
    const code: string = (await buyVoucher()).vouchers[0].card_number;
    const failed = await redeem(code, { input_data: { player_id: '000000404' } });
    expect(failed.body.status).toBe('FAILED');
    expect(await orderTransactions('topup', failed.body.id)).toEqual([]);
    expect((await redeem(code)).status).toBe(200);
  });

  it('unknown, undelivered, foreign-currency and too-small vouchers are refused with their own message', async () => {
    expectError(await redeem('NOT-A-CODE'), 400, 'BadRequestError', 'BAD_REQUEST', 'Voucher code not found');
    // Only the exact code is known: the supplier does not normalise case or dashes.
    const steam = (await buyVoucher()).vouchers[0].card_number as string;
    expectError(await redeem(steam.toLowerCase()), 400, 'BadRequestError', 'BAD_REQUEST', 'Voucher code not found');
    // PARTIALLY_DELIVERED is not in (DELIVERED, COMPLETED): its codes cannot fund a top-up.
    const partial = await buyVoucher(999, 2, 3);
    expect(partial.status).toBe('PARTIALLY_DELIVERED');
    expectError(await redeem(partial.vouchers[0].card_number ?? partial.vouchers[0].voucher_reference_number), 400, 'BadRequestError', 'BAD_REQUEST', 'Voucher is not delivered');
    const gbp = await buyVoucher(120, 10);
    expectError(await redeem(gbp.vouchers[0].card_number), 400, 'BadRequestError', 'BAD_REQUEST', 'Voucher currency does not match the product currency');
    const small = await buyVoucher(101, 4);
    expectError(await redeem(small.vouchers[0].card_number, { amount: 4.99 }), 400, 'BadRequestError', 'BAD_REQUEST', 'Voucher value does not cover the order amount');
    expectError(await redeem(steam, { wallet_id: 1 }), 400, 'ValidationException', 'VALIDATION_FAILURE', 'wallet_id and redeem_voucher_code cannot be used together');
    // None of these refusals used the voucher.
    expect((await redeem(steam)).status).toBe(200);
  });

  it('charges does not take redeem_voucher_code (it quotes the wallet charge only)', async () => {
    const code: string = (await buyVoucher()).vouchers[0].card_number;
    expectError(await h.api.post('/api/v1/topups/charges', { ...PUBG, redeem_voucher_code: code }), 400, 'ValidationException', 'VALIDATION_FAILURE', 'Unknown field: redeem_voucher_code');
  });

  it('concurrent redemptions of one code: exactly one wins', async () => {
    const code: string = (await buyVoucher()).vouchers[0].card_number;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => redeem(code, { client_reference: `race-${i}` })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    for (const loser of answers.filter((r) => r.status !== 200)) {
      expectError(loser, 400, 'BadRequestError', 'BAD_REQUEST', 'Voucher code has already been redeemed');
    }
    const { transactions } = await h.control.ledger();
    expect(transactions.filter((t) => t.order?.vertical === 'topup')).toEqual([]);
  });

  it('a retried create with the same client_reference is a duplicate, never a second redemption', async () => {
    const voucher = await buyVoucher(123, 25);
    const first = await redeem(voucher.vouchers[0].card_number, { client_reference: 'gift-retry' });
    expect(first.status).toBe(200);
    expectError(await redeem(voucher.vouchers[0].card_number, { client_reference: 'gift-retry' }), 400, 'BadRequestError', 'BAD_REQUEST', 'Duplicate client_reference');
    const listed = await h.api.get('/api/v1/topups/orders?client_reference=gift-retry');
    expect(listed.body).toHaveLength(1);
  });
});
