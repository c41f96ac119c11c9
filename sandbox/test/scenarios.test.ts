/** Each documented magic input (sandbox/README.md) reaches its outcome. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAGIC_SUFFIXES } from '../engine/scenarios';
import type { Harness } from './helpers';
import { boot, waitFor } from './helpers';

let h: Harness;
beforeAll(async () => {
  // The clock jumps days ahead here; keep the token alive through it.
  h = await boot({ accessTokenTtlSeconds: 10 * 365 * 24 * 3600 });
});
afterAll(() => h.sandbox.close());

const FAILURES: [string, string, boolean][] = [
  ['404', 'INVALID_RECIPIENT', true],
  ['403', 'RECIPIENT_BARRED', false],
  ['422', 'RECIPIENT_INELIGIBLE', true],
  ['429', 'RECIPIENT_LIMIT_EXCEEDED', false],
  ['503', 'OPERATOR_UNAVAILABLE', false],
  ['509', 'OPERATOR_LIMIT_EXCEEDED', false],
  ['402', 'CLIENT_LIMIT_EXCEEDED', false],
  ['410', 'PRODUCT_UNAVAILABLE', true],
  ['411', 'PRODUCT_OUT_OF_STOCK', true],
  ['416', 'AMOUNT_OUT_OF_RANGE', true],
  ['500', 'UNKNOWN', false],
];

const pubg = (playerId: string) => h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: playerId } });
const topup = (id: number) => h.api.get(`/api/v1/topups/orders/${id}`);

describe('top-up failure table', () => {
  it('covers every failure code of the docs', () => {
    const codes = Object.values(MAGIC_SUFFIXES);
    for (const [, code] of FAILURES) expect(codes).toContain(code);
  });

  it.each(FAILURES)('000%s fails inside the request with %s', async (suffix, code, fixable) => {
    const res = await pubg(`000000${suffix}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'FAILED', failure_code: code, is_user_fixable: fixable });
    expect(res.body.failure_reason).toMatch(/^[A-Z][^<>{}]*\.$/);
    expect(res.body.failure_reason).not.toMatch(/\{|sandbox|magic|_/i);
    expect(res.body.completed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  });

  it.each(FAILURES)('999%s is PENDING first, then fails with %s', async (suffix, code, fixable) => {
    const res = await pubg(`999999${suffix}`);
    expect(res.body.status).toBe('PENDING');
    expect(res.body.failure_code).toBeUndefined();
    const done = await waitFor(() => topup(res.body.id), (r) => r.body.status !== 'PENDING');
    expect(done.body).toMatchObject({ status: 'FAILED', failure_code: code, is_user_fixable: fixable });
  });

  it('000499 / 999499 cancel, with refunds', async () => {
    expect((await pubg('000000499')).body).toMatchObject({ status: 'CANCELLED', status_text: 'Order cancelled' });
    const later = await pubg('999999499');
    expect(later.body.status).toBe('PENDING');
    expect((await waitFor(() => topup(later.body.id), (r) => r.body.status !== 'PENDING')).body.status).toBe('CANCELLED');
  });

  it('000200 delivers inside the request; Free Fire always does', async () => {
    expect((await pubg('000000200')).body.status).toBe('DELIVERED');
    const ff = await h.api.post('/api/v1/topups/orders', { product_id: 4220, amount: 0.99, input_data: { player_id: '12345678' } });
    expect(ff.body.status).toBe('DELIVERED');
  });

  it('000408 stays PENDING a long time, then delivers', async () => {
    const res = await pubg('000000408');
    expect(res.body.status).toBe('PENDING');
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.topupDelayMs) * 10);
    expect((await topup(res.body.id)).body.status).toBe('PENDING');
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.longPendingMs));
    expect((await topup(res.body.id)).body.status).toBe('DELIVERED');
  });

  it('wording names the recipient of the product', async () => {
    const mobile = await h.api.post('/api/v1/topups/orders', { product_id: 4219, amount: 100, category: 'Airtime', input_data: { phone_number: '+919811000404' } });
    expect(mobile.body).toMatchObject({ status: 'FAILED', failure_code: 'INVALID_RECIPIENT', input_data: { phone_number: '+919811000404' } });
    expect(mobile.body.failure_reason).toContain('mobile number');
  });

  it('magic works on every input shape listed in the README', async () => {
    const cases: [number, number, Record<string, string>, string][] = [
      [4226, 1.49, { user_id: '100000422', zone_id: '2001' }, 'RECIPIENT_INELIGIBLE'],
      [4234, 4.99, { riot_id: 'p000503#EUW', region: 'eu' }, 'OPERATOR_UNAVAILABLE'],
      [4235, 0.99, { player_tag: '#000411' }, 'PRODUCT_OUT_OF_STOCK'],
      [4238, 5, { email: 'player000416@example.com' }, 'AMOUNT_OUT_OF_RANGE'],
      [4228, 0.99, { uid: '800000410', server: 'os_euro' }, 'PRODUCT_UNAVAILABLE'],
      [4239, 4.99, { username: 'sbx_000403' }, 'RECIPIENT_BARRED'],
    ];
    for (const [productId, amount, inputData, code] of cases) {
      const res = await h.api.post('/api/v1/topups/orders', { product_id: productId, amount, input_data: inputData });
      expect(res.body, `${productId}`).toMatchObject({ status: 'FAILED', failure_code: code });
    }
    const vi = await h.api.post('/api/v1/topups/orders', { product_id: 4231, amount: 100, category: 'Airtime', input_data: { phone_number: '+919711999509' } });
    expect(vi.body.status).toBe('PENDING');
    const done = await waitFor(() => topup(vi.body.id), (r) => r.body.status !== 'PENDING');
    expect(done.body.failure_code).toBe('OPERATOR_LIMIT_EXCEEDED');
  });
});

describe('eSIM scenarios (product 999)', () => {
  const order = (amount: number) => h.api.post('/api/v1/esim/orders', { product_id: 999, amount });
  const esim = (id: number) => h.api.get(`/api/v1/esim/orders/${id}`);

  it('1.00 delivers inline', async () => {
    expect((await order(1.0)).body.status).toBe('DELIVERED');
  });

  it('1.01 / 1.02 fail inline with a user-fixable code', async () => {
    expect((await order(1.01)).body).toMatchObject({ status: 'FAILED', failure_code: 'PRODUCT_UNAVAILABLE', is_user_fixable: true });
    expect((await order(1.02)).body).toMatchObject({ status: 'FAILED', failure_code: 'PRODUCT_OUT_OF_STOCK', is_user_fixable: true });
  });

  it('1.03 outlasts the deadline: HTTP 200 PENDING after the deadline, DELIVERED later', async () => {
    const started = Date.now();
    const res = await order(1.03);
    const waited = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('PENDING');
    expect(res.body.activation_code).toBeUndefined();
    expect(waited).toBeGreaterThanOrEqual(h.sandbox.core.delay(h.sandbox.core.config.esimDeadlineMs) - 5);
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.esimSlowFulfilMs));
    const done = await waitFor(() => esim(res.body.id), (r) => r.body.status !== 'PENDING');
    expect(done.body.status).toBe('DELIVERED');
    expect(done.body.activation_code).toMatch(/^LPA:1\$/);
  });

  it('1.04 and 1.05 end FAILED (UNKNOWN, not fixable) and CANCELLED in the background', async () => {
    await h.control.setConfig({ esimDeadlineMs: 0 });
    const failed = await order(1.04);
    const cancelled = await order(1.05);
    expect([failed.body.status, cancelled.body.status]).toEqual(['PENDING', 'PENDING']);
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.esimSlowFulfilMs));
    expect((await waitFor(() => esim(failed.body.id), (r) => r.body.status !== 'PENDING')).body).toMatchObject({ status: 'FAILED', failure_code: 'UNKNOWN', is_user_fixable: false });
    expect((await waitFor(() => esim(cancelled.body.id), (r) => r.body.status !== 'PENDING')).body.status).toBe('CANCELLED');
    await h.control.setConfig({ esimDeadlineMs: 60_000 });
  });

  it('1.06 stays PENDING until long after the deadline', async () => {
    await h.control.setConfig({ esimDeadlineMs: 0 });
    const res = await order(1.06);
    expect(res.body.status).toBe('PENDING');
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.esimSlowFulfilMs));
    expect((await esim(res.body.id)).body.status).toBe('PENDING');
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.longPendingMs));
    expect((await esim(res.body.id)).body.status).toBe('DELIVERED');
    await h.control.setConfig({ esimDeadlineMs: 60_000 });
  });

  it('install lifecycle: NOT_INSTALLED -> ACTIVE (code withheld) -> EXPIRED; 1.07 never installs', async () => {
    const res = await h.api.post('/api/v1/esim/orders', { product_id: 712, amount: 4.5 });
    const never = await order(1.07);
    expect((await esim(res.body.id)).body).toMatchObject({ activation_status: 'NOT_INSTALLED', is_installed: false });
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.installAfterMs));
    const listBefore = (await h.api.get(`/api/v1/esim/orders?client_reference=`)).body;
    expect(Array.isArray(listBefore)).toBe(true);
    const installed = await esim(res.body.id);
    expect(installed.body).toMatchObject({ activation_status: 'ACTIVE', is_installed: true });
    expect(installed.body.activation_code).toBeUndefined();
    expect(installed.body.iccid).toBe(res.body.iccid);
    expect(installed.body.installed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(installed.body.activated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect((await esim(never.body.id)).body).toMatchObject({ activation_status: 'NOT_INSTALLED', is_installed: false });
    await h.control.advanceClock(h.sandbox.core.delay(7 * h.sandbox.core.config.validityDayMs));
    expect((await esim(res.body.id)).body.activation_status).toBe('EXPIRED');
  });

  it('the list does not refresh install status; the detail does', async () => {
    const res = await h.api.post('/api/v1/esim/orders', { product_id: 701, amount: 5, client_reference: 'list-refresh' });
    expect(res.body.status).toBe('DELIVERED');
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.installAfterMs));
    const listed = (await h.api.get('/api/v1/esim/orders?client_reference=list-refresh')).body[0];
    expect(listed.is_installed).toBe(false);
    expect((await esim(res.body.id)).body.is_installed).toBe(true);
    expect((await h.api.get('/api/v1/esim/orders?client_reference=list-refresh')).body[0].is_installed).toBe(true);
  });
});

describe('voucher scenarios (product 999)', () => {
  const order = (denomination: number, quantity: number) => h.api.post('/api/v1/orders', { product_id: 999, denomination, quantity });
  const voucher = (id: number) => h.api.get(`/api/v1/orders/${id}`);

  it('2: PARTIALLY_DELIVERED, sync and async', async () => {
    const sync = await order(2, 3);
    expect(sync.body).toMatchObject({ status: 'PARTIALLY_DELIVERED' });
    expect(sync.body.vouchers).toHaveLength(2);
    const async = await order(2, 10);
    expect(async.body).toMatchObject({ status: 'PENDING', vouchers: [] });
    const done = await waitFor(() => voucher(async.body.id), (r) => r.body.status !== 'PENDING');
    expect(done.body.status).toBe('PARTIALLY_DELIVERED');
    expect(done.body.vouchers).toHaveLength(5);
    expect(done.body.delivered_quantity).toBe(5);
    // Not final: the rest arrive partialRestMs later.
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.partialRestMs));
    const complete = (await voucher(async.body.id)).body;
    expect(complete).toMatchObject({ status: 'DELIVERED', delivered_quantity: 10 });
    expect(complete.vouchers).toHaveLength(10);
    expect(complete.vouchers.slice(0, 5)).toEqual(done.body.vouchers);
  });

  it('7: PARTIALLY_DELIVERED, then the rest fail: FAILED with the delivered codes kept, their share refunded', async () => {
    const res = await order(7, 4);
    expect(res.body).toMatchObject({ status: 'PARTIALLY_DELIVERED', delivered_quantity: 2 });
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.partialRestMs));
    const end = (await voucher(res.body.id)).body;
    expect(end).toMatchObject({ status: 'FAILED', delivered_quantity: 2 });
    expect(end.vouchers).toEqual(res.body.vouchers);
    expect(end.message).toMatch(/2 of 4 vouchers delivered; 2 could not be delivered/);
  });

  it('7 with partialFailureStatus PARTIALLY_DELIVERED: the order stays PARTIALLY_DELIVERED once settled', async () => {
    await h.control.setConfig({ partialFailureStatus: 'PARTIALLY_DELIVERED' });
    const res = await order(7, 4);
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.partialRestMs));
    const end = (await voucher(res.body.id)).body;
    expect(end).toMatchObject({ status: 'PARTIALLY_DELIVERED', delivered_quantity: 2 });
    expect(end.message).toMatch(/could not be delivered and were refunded/);
  });

  it('3: FAILED, 5: CANCELLED, 6: out of stock', async () => {
    expect((await order(3, 1)).body.status).toBe('FAILED');
    expect((await order(5, 1)).body.status).toBe('CANCELLED');
    const late = await order(3, 6);
    expect(late.body.status).toBe('PENDING');
    expect((await waitFor(() => voucher(late.body.id), (r) => r.body.status !== 'PENDING')).body.status).toBe('FAILED');
    expect((await h.api.post('/api/v1/products/999/availability', { denomination: 6, quantity: 1 })).body).toEqual({ is_available: false });
    expect((await h.api.post('/api/v1/products/999/availability', { denomination: 1, quantity: 1 })).body).toEqual({ is_available: true });
    expect((await order(6, 1)).body.status).toBe('FAILED');
  });

  it('4: PENDING even for quantity 1, until long after', async () => {
    const res = await order(4, 1);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PENDING', vouchers: [] });
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.longPendingMs));
    expect((await voucher(res.body.id)).body.status).toBe('DELIVERED');
  });

  it('URL products deliver claim links', async () => {
    const res = await h.api.post('/api/v1/orders', { product_id: 110, denomination: 25, quantity: 1 });
    expect(res.body.vouchers[0]).toMatchObject({ card_number: null, pin_code: null });
    expect(res.body.vouchers[0].claim_url).toMatch(/^https:\/\//);
  });
});
