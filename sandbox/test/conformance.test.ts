/**
 * Every request/response example of ../shared/octopus-api run against the sandbox: status codes,
 * field names and types, headers and error strings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLuhnValid } from '../lib/ids';
import type { Harness } from './helpers';
import { boot, expectError, sorted, waitFor } from './helpers';

let h: Harness;
/** Every item passes, and there is at least one: `[].every(...)` is true and would prove nothing. */
function expectEvery<T>(items: T[], check: (item: T) => boolean, what: string) {
  expect(items.length, `${what}: the list is empty`).toBeGreaterThan(0);
  expect(items.filter((item) => !check(item)), what).toEqual([]);
}

beforeAll(async () => {
  h = await boot();
});
afterAll(() => h.sandbox.close());

const PAGINATION_HEADERS = ['x-page', 'x-per-page', 'x-total-count', 'x-total-pages', 'x-page-size', 'x-has-more'];
const expectPaginated = (headers: Headers) => {
  for (const name of PAGINATION_HEADERS) expect(headers.get(name), name).not.toBeNull();
};
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('authentication (general.md §4)', () => {
  it('login answers the documented envelope', async () => {
    const res = await h.api.post('/auth/login', { username: 'sandbox_demo_key', password: 'sandbox_demo_secret' }, { token: null });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(sorted(res.body.data)).toEqual(['access_expires_at', 'access_token', 'client_id', 'refresh_expires_at', 'refresh_token']);
    expect(res.body.data.client_id).toBe(42);
    expect(res.body.data.access_token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    const access = Date.parse(res.body.data.access_expires_at);
    const refresh = Date.parse(res.body.data.refresh_expires_at);
    expect(res.body.data.access_expires_at).toMatch(RFC3339);
    expect(refresh - access).toBe(7 * 24 * 3600 * 1000 - 3600 * 1000);
  });

  it('login errors', async () => {
    expectError(await h.api.post('/auth/login', { username: 'sandbox_demo_key' }, { token: null }), 400, 'ValidationException', 'VALIDATION_FAILURE', 'Username and password are required');
    expectError(await h.api.post('/auth/login', { username: 'x', password: 'y' }, { token: null }), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Invalid credentials');
  });

  it('refresh rotates and logout revokes everything', async () => {
    const login = await h.api.post('/auth/login', { username: 'sandbox_demo_key', password: 'sandbox_demo_secret' }, { token: null });
    const refreshed = await h.api.post('/auth/refresh', { refresh_token: login.body.data.refresh_token }, { token: null });
    expect(refreshed.status).toBe(200);
    expect(sorted(refreshed.body.data)).toEqual(sorted(login.body.data));
    expect(refreshed.body.data.refresh_token).not.toBe(login.body.data.refresh_token);
    expectError(await h.api.post('/auth/refresh', {}, { token: null }), 400, 'ValidationException', 'VALIDATION_FAILURE', 'Refresh token is required');
    const out = await h.api.post('/auth/logout', undefined, { token: refreshed.body.data.access_token });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ success: true, data: { message: 'Successfully logged out' } });
    await h.api.login();
  });

  it('401 without an Authorization header', async () => {
    expectError(await h.api.get('/api/v1/countries', { token: null }), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Authorization header required');
    expectError(await h.api.get('/api/v1/topups/products', { token: null }), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Authorization header required');
    expectError(await h.api.get('/api/v1/esim/orders', { token: null }), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Authentication required');
    expectError(await h.api.get('/api/v1/countries', { token: 'not-a-jwt' }), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Invalid token');
  });
});

describe('conventions (general.md §5)', () => {
  it('X-Request-Id is echoed, or generated as a 27-character KSUID, on every response', async () => {
    const echoed = await h.api.request('GET', '/api/v1/currencies', undefined, { headers: { 'X-Request-Id': '2F7vTVG3Y8aZrqP1wJhdEkM9oYB' } });
    expect(echoed.headers.get('x-request-id')).toBe('2F7vTVG3Y8aZrqP1wJhdEkM9oYB');
    for (const res of [await h.api.get('/api/v1/currencies'), await h.api.get('/api/v1/countries', { token: null }), await h.api.get('/nope')]) {
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9A-Za-z]{27}$/);
    }
    const a = await h.api.get('/api/v1/currencies');
    const b = await h.api.get('/api/v1/currencies');
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });
});

describe('vouchers (first-order/voucher, charges, create-order, sync-vs-async)', () => {
  it('GET /products?country_id=1&category=Gaming&limit=5', async () => {
    const res = await h.api.get('/api/v1/products?country_id=1&category=Gaming&limit=5');
    expect(res.status).toBe(200);
    expectPaginated(res.headers);
    expect(res.headers.get('x-per-page')).toBe('5');
    expect(res.body).toHaveLength(5);
    for (const p of res.body) {
      expect(p.category).toBe('Gaming');
      expect(p.country_code).toBe('US');
      expect(sorted(p)).toEqual(['available_denominations', 'category', 'country_code', 'currency_code', 'delivery_mode', 'delivery_time', 'id', 'image_url', 'name', 'sub_category', 'validity']);
    }
    const steam = await h.api.get('/api/v1/products/123');
    expect(steam.body).toMatchObject({ id: 123, name: 'Steam Wallet Card', category: 'Gaming', country_code: 'US', currency_code: 'USD', delivery_mode: 'Code with PIN', delivery_time: 'Instant' });
    expect(steam.body.available_denominations).toEqual([
      { min_value: 10, max_value: 10, discount: 3 },
      { min_value: 25, max_value: 25, discount: 3 },
      { min_value: 50, max_value: 50, discount: 3.5 },
      { min_value: 100, max_value: 100, discount: 3.5 },
    ]);
  });

  it('POST /products/123/charges {50, 2} and {50, 5}', async () => {
    const two = await h.api.post('/api/v1/products/123/charges', { denomination: 50.0, quantity: 2 });
    expect(two.status).toBe(200);
    expect(two.body).toMatchObject({ non_discounted_total: 100, discount_amount: 3.5, total_payable: 96.5, max_quantity: 100 });
    expect(two.body.charges_details).toEqual({ source_currency: 'USD', destination_currency: 'USD', forex_rate: null, conversion_fee: null });
    const five = await h.api.post('/api/v1/products/123/charges', { denomination: 50, quantity: 5 });
    expect(five.body).toEqual({
      non_discounted_total: 250,
      discount_amount: 8.75,
      total_amount: 241.25,
      discount: 3.5,
      gst_amount: 0,
      total_payable: 241.25,
      max_quantity: 100,
      net_amount: 241.25,
      handling_fee_amount: 0,
      charges_details: { source_currency: 'USD', destination_currency: 'USD', forex_rate: null, conversion_fee: null },
    });
  });

  it('cross-currency charges: USD product from the EUR wallet, GBP product from the EUR wallet', async () => {
    const usd = await h.api.post('/api/v1/products/123/charges', { denomination: 50, quantity: 5, wallet_id: 2 });
    expect(usd.body).toMatchObject({ total_payable: 222.81, net_amount: 222.81, max_quantity: 100 });
    const gbp = await h.api.post('/api/v1/products/120/charges', { denomination: 50, quantity: 5, wallet_id: 2 });
    expect(gbp.body).toMatchObject({ non_discounted_total: 250, discount_amount: 8.75, total_amount: 241.25, net_amount: 282.26, handling_fee_amount: 0, total_payable: 282.26 });
    expect(gbp.body.charges_details).toEqual({ source_currency: 'GBP', destination_currency: 'EUR', forex_rate: 1.17, conversion_fee: 0 });
  });

  it('POST /products/:id/availability', async () => {
    const res = await h.api.post('/api/v1/products/123/availability', { denomination: 50, quantity: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ is_available: true });
    expectError(await h.api.post('/api/v1/products/abc/availability', { denomination: 50, quantity: 2 }), 400, 'BadRequestError', 'BAD_REQUEST', 'Invalid product ID');
  });

  it('POST /orders, quantity 2: 201 DELIVERED with codes inline', async () => {
    const res = await h.api.post('/api/v1/orders', { product_id: 123, denomination: 50.0, quantity: 2, client_reference: 'FIRST_VOUCHER_001' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ client_reference: 'FIRST_VOUCHER_001', status: 'DELIVERED', amount: 100, discount: 3.5, product_id: 123, product_name: 'Steam Wallet Card', denomination: 50, quantity: 2, wallet_id: 1, base_currency: 'USD', deduction_currency: 'USD' });
    expect(typeof res.body.id).toBe('number');
    expect(res.body.vouchers).toHaveLength(2);
    for (const v of res.body.vouchers) {
      expect(v.card_number).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
      expect(v.pin_code).toMatch(/^\d{4}$/);
      expect(sorted(v)).toEqual(['card_number', 'claim_url', 'expires_at', 'pin_code', 'voucher_reference_number']);
    }
  });

  it('POST /orders, quantity 5 (sync example) and over 5 (async: PENDING, vouchers [])', async () => {
    const five = await h.api.post('/api/v1/orders', { product_id: 123, denomination: 50, quantity: 5, client_reference: 'MY_ORDER_001' });
    expect(five.status).toBe(201);
    expect(five.body).toMatchObject({ status: 'DELIVERED', amount: 250, discount: 8.75, wallet_id: 1, base_currency: 'USD' });
    expect(five.body.vouchers).toHaveLength(5);
    const bulk = await h.api.post('/api/v1/orders', { product_id: 123, denomination: 100, quantity: 50, client_reference: 'campaign-q1-0001' });
    expect(bulk.status).toBe(201);
    expect(bulk.body).toMatchObject({ status: 'PENDING', amount: 5000, discount: 175, client_reference: 'campaign-q1-0001', vouchers: [] });
    const done = await waitFor(() => h.api.get(`/api/v1/orders/${bulk.body.id}`), (r) => r.body.status !== 'PENDING');
    expect(done.body.status).toBe('DELIVERED');
    expect(done.body.vouchers).toHaveLength(50);
  });

  it('GET /orders lists newest first, filters by client_reference', async () => {
    const res = await h.api.get('/api/v1/orders?client_reference=FIRST_VOUCHER_001');
    expect(res.status).toBe(200);
    expectPaginated(res.headers);
    expect(res.body).toHaveLength(1);
    expect(res.body[0].client_reference).toBe('FIRST_VOUCHER_001');
    const all = await h.api.get('/api/v1/orders');
    const ids = all.body.map((o: { id: number }) => o.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});

describe('top-ups (seed-topups-create-order.txt, verticals.md §3)', () => {
  it('GET /topups/products lists the documented examples', async () => {
    const res = await h.api.get('/api/v1/topups/products?per_page=500');
    expect(res.status).toBe(200);
    expectPaginated(res.headers);
    const pubg = res.body.find((p: { id: number }) => p.id === 4218);
    const airtel = res.body.find((p: { id: number }) => p.id === 4219);
    expect(sorted(pubg)).toEqual(['country_code', 'currency_code', 'id', 'image_url', 'name', 'topup_type']);
    expect(pubg).toMatchObject({ name: 'PUBG Mobile UC', topup_type: 'GAMING', country_code: 'GLO', currency_code: 'USD' });
    expect(airtel).toMatchObject({ name: 'Airtel India', topup_type: 'MOBILE', country_code: 'IND', currency_code: 'INR' });
    const mobile = await h.api.get('/api/v1/topups/products?type=MOBILE&per_page=500');
    expectEvery(mobile.body as { topup_type: string }[], (p) => p.topup_type === 'MOBILE', 'type=MOBILE');
    const search = await h.api.get('/api/v1/topups/products?search=pubg');
    expect(search.body.map((p: { id: number }) => p.id)).toEqual([4218]);
  });

  it('GET /topups/products/4218 has input_fields in the DESIGN.md shape', async () => {
    const res = await h.api.get('/api/v1/topups/products/4218');
    expect(res.status).toBe(200);
    expect(res.body.input_fields[0]).toMatchObject({ name: 'player_id', label: 'Player ID', type: 'text', required: true, pattern: '^[0-9]{6,12}$', min_length: 6, max_length: 12, placeholder: '5123456789' });
    expect(res.body.input_fields[1]).toMatchObject({ name: 'server', type: 'select', required: false });
    expect(res.body.input_fields[1].options).toContainEqual({ value: 'asia', label: 'Asia' });
  });

  it('GET /topups/products/4218/variants matches the example', async () => {
    const res = await h.api.get('/api/v1/topups/products/4218/variants');
    expect(res.status).toBe(200);
    expect(res.body[0]).toEqual({ id: 88412, name: '60 UC', category: 'In-Game Currency', currency_code: 'USD', fixed_amounts: ['0.99'], available_in: [{ code: 'GLO', name: 'Global' }], fields: { par_value: '60 UC', delivery_time: 'Instant', validity_days: '365' } });
    expect(res.body[1]).toEqual({ id: 88413, name: '325 UC', category: 'In-Game Currency', currency_code: 'USD', fixed_amounts: ['4.99'], available_in: [{ code: 'GLO', name: 'Global' }], fields: { par_value: '325 UC', delivery_time: 'Instant' } });
    const one = await h.api.get('/api/v1/topups/variants/88413');
    expect(one.body).toMatchObject({ id: 88413, product_id: 4218, name: '325 UC' });
    const airtel = await h.api.get('/api/v1/topups/products/4219/variants');
    const airtime = airtel.body.find((v: { category: string }) => v.category === 'Airtime');
    expect(airtime).toMatchObject({ min_amount: 10, max_amount: 5000 });
    expect(airtime.fixed_amounts).toBeUndefined();
    expect(airtel.body.some((v: { category: string }) => v.category === 'Data')).toBe(true);
  });

  it('POST /topups/lookup +918879685100 answers the documented bare array', async () => {
    const res = await h.api.post('/api/v1/topups/lookup', { mobile_number: '+918879685100' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { product_id: 4219, name: 'Airtel India', country_code: 'IND', identified: true },
      { product_id: 4231, name: 'Vi (Vodafone Idea) India', country_code: 'IND', identified: false },
    ]);
    expectError(await h.api.post('/api/v1/topups/lookup', {}), 400, 'ValidationException', 'VALIDATION_FAILURE', 'mobile_number is required');
    expectError(await h.api.post('/api/v1/topups/lookup', { mobile_number: '+91 88796 85100' }), 400, 'ValidationException', 'VALIDATION_FAILURE');
    expect((await h.api.post('/api/v1/topups/lookup', { mobile_number: '+4930123456' })).body).toEqual([]);
  });

  it('POST /topups/charges: 4.99 at the 5 % client discount, with the chosen variant', async () => {
    const res = await h.api.post('/api/v1/topups/charges', { product_id: 4218, amount: 4.99 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ non_discounted_total: 4.99, discount_amount: 0.2495, total_amount: 4.7405, discount: 5, total_payable: 4.7405 });
    expect(res.body.max_quantity).toBeUndefined();
    expect(res.body.charges_details).toMatchObject({ source_currency: 'USD', destination_currency: 'USD', forex_rate: null, conversion_fee: null, variant_id: 88413, variant_name: '325 UC' });
  });

  it('POST /topups/orders: the typical PENDING response, exactly as documented', async () => {
    const res = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '5123456789', server: 'asia' }, client_reference: 'CAMPAIGN_DEC_24' });
    expect(res.status).toBe(200);
    expect(sorted(res.body)).toEqual(sorted({ id: 0, client_reference: '', product_id: 0, product_name: '', variant_name: '', country_code: '', amount: 0, currency: '', status: '', status_text: '', input_data: {}, created_at: '' }));
    expect(res.body).toMatchObject({ client_reference: 'CAMPAIGN_DEC_24', product_id: 4218, product_name: 'PUBG Mobile UC', variant_name: '325 UC', country_code: 'GLO', amount: 4.7405, currency: 'USD', status: 'PENDING', status_text: 'Order submitted for fulfilment', input_data: { player_id: '5123456789', server: 'asia' } });
    expect(res.body.created_at).toMatch(RFC3339);
    const done = await waitFor(() => h.api.get(`/api/v1/topups/orders/${res.body.id}`), (r) => r.body.status !== 'PENDING');
    expect(done.body).toMatchObject({ status: 'DELIVERED', status_text: 'Top-up delivered' });
    expect(typeof done.body.transaction_id).toBe('number');
    expect(done.body.completed_at).toMatch(RFC3339);
  });

  it('POST /topups/orders: synchronous fulfilment has the documented fields', async () => {
    const res = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '5123000200', server: 'asia' } });
    expect(res.status).toBe(200);
    expect(sorted(res.body)).toEqual(['amount', 'completed_at', 'country_code', 'created_at', 'currency', 'id', 'input_data', 'product_id', 'product_name', 'status', 'status_text', 'transaction_id', 'variant_name']);
    expect(res.body).toMatchObject({ status: 'DELIVERED', status_text: 'Top-up delivered', amount: 4.7405 });
  });

  it('POST /topups/orders: the user-fixable FAILED example', async () => {
    const res = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '000000404', server: 'asia' } });
    expect(res.status).toBe(200);
    expect(sorted(res.body)).toEqual(['amount', 'completed_at', 'country_code', 'created_at', 'currency', 'failure_code', 'failure_reason', 'id', 'input_data', 'is_user_fixable', 'product_id', 'product_name', 'status', 'status_text', 'variant_name']);
    expect(res.body).toMatchObject({
      status: 'FAILED',
      status_text: 'Invalid recipient',
      failure_code: 'INVALID_RECIPIENT',
      failure_reason: 'The player ID you entered could not be found. Please double-check and try again.',
      is_user_fixable: true,
    });
  });

  it('POST /topups/orders: the documented 400 messages', async () => {
    expectError(await h.api.post('/api/v1/topups/orders', { amount: 4.99, input_data: { player_id: '5123456789' } }), 400, 'ValidationException', 'VALIDATION_FAILURE', 'Product ID is required');
    expectError(await h.api.post('/api/v1/topups/orders', { product_id: 4218, input_data: { player_id: '5123456789' } }), 400, 'ValidationException', 'VALIDATION_FAILURE', 'Amount is required');
    expectError(await h.api.post('/api/v1/topups/orders', undefined, { rawBody: '{"product_id": 4218,' }), 400, 'ValidationException', 'VALIDATION_FAILURE', 'Invalid request body');
  });

  it('mobile recharge example: Airtel India, 200 INR, category Airtime', async () => {
    const res = await h.api.post('/api/v1/topups/orders', { product_id: 4219, amount: 200, category: 'Airtime', input_data: { phone_number: '+918879685100' }, client_reference: 'FIRST_RECHARGE_001' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ product_name: 'Airtel India', variant_name: 'Airtel India Airtime', country_code: 'IND', currency: 'INR', amount: 190, status: 'PENDING', input_data: { phone_number: '+918879685100' } });
  });

  it('GET /topups/orders: list shape, newest first, client_reference filter', async () => {
    const res = await h.api.get('/api/v1/topups/orders');
    expect(res.status).toBe(200);
    expectPaginated(res.headers);
    expect(res.body[0].input_data).toBeUndefined();
    const ids = res.body.map((o: { id: number }) => o.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const one = await h.api.get('/api/v1/topups/orders?client_reference=CAMPAIGN_DEC_24');
    expect(one.body).toHaveLength(1);
    expect(one.body[0]).toMatchObject({ client_reference: 'CAMPAIGN_DEC_24', product_id: 4218, variant_name: '325 UC', amount: 4.7405, currency: 'USD' });
    const withoutReference = res.body.find((o: { client_reference?: string }) => o.client_reference === undefined);
    expect(withoutReference).toBeDefined();
    expectEvery((await h.api.get('/api/v1/topups/orders?country=IND')).body as { country_code: string }[], (o) => o.country_code === 'IND', 'country=IND');
    expectEvery((await h.api.get('/api/v1/topups/orders?status=FAILED')).body as { status: string }[], (o) => o.status === 'FAILED', 'status=FAILED');
  });

  it('PATCH notification-email', async () => {
    const created = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 0.99, input_data: { player_id: '5123456789' } });
    const res = await h.api.request('PATCH', `/api/v1/topups/orders/${created.body.id}/notification-email`, { email: 'buyer@example.com' });
    expect(res.status).toBe(200);
    expect(res.body.notification_email).toBe('buyer@example.com');
    await waitFor(() => h.control.emails(), (mails) => mails.some((m) => m.orderId === created.body.id));
    expectError(await h.api.request('PATCH', `/api/v1/topups/orders/${created.body.id}/notification-email`, { email: 'nope' }), 400, 'ValidationException', 'VALIDATION_FAILURE');
  });
});

describe('eSIM (first-order/esim, verticals.md §4)', () => {
  it('GET /esim/products?country_code=JPN and GLO', async () => {
    const res = await h.api.get('/api/v1/esim/products?country_code=JPN');
    expect(res.status).toBe(200);
    expectPaginated(res.headers);
    expect(res.body).toEqual([{ id: 712, name: 'Japan eSIM', country_code: 'JPN', currency_code: 'USD', image_url: '' }]);
    const global = await h.api.get('/api/v1/esim/products?country_code=GLO');
    expect(global.body.map((p: { name: string }) => p.name)).toContain('Global Roaming');
  });

  it('variants of 712 start with the documented 5511 plan; the detail inlines variants', async () => {
    const res = await h.api.get('/api/v1/esim/products/712/variants');
    expect(res.status).toBe(200);
    expect(res.body[0]).toEqual({ id: 5511, esim_product_id: 712, name: 'Japan 1 GB / 7 days', description: 'Data-only eSIM for short trips', currency_code: 'USD', amount: 4.5, data_amount_gb: 1.0, validity_days: 7, client_discount: 5.0 });
    const detail = await h.api.get('/api/v1/esim/products/712');
    expect(detail.body).toMatchObject({ id: 712, name: 'Japan eSIM', country_code: 'JPN' });
    expect(detail.body.variants).toEqual(res.body);
    expect((await h.api.get('/api/v1/esim/variants/5511')).body).toEqual(res.body[0]);
  });

  it('POST /esim/charges', async () => {
    const res = await h.api.post('/api/v1/esim/charges', { product_id: 712, amount: 4.5 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ non_discounted_total: 4.5, discount_amount: 0.225, total_amount: 4.275, discount: 5.0, total_payable: 4.275 });
    expect(res.body.charges_details).toMatchObject({ source_currency: 'USD', destination_currency: 'USD', forex_rate: null });
  });

  it('POST /esim/orders: 200 DELIVERED with LPA activation code and a Luhn-valid ICCID', async () => {
    const res = await h.api.post('/api/v1/esim/orders', { product_id: 712, amount: 4.5, quantity: 1, client_reference: 'FIRST_ESIM_001' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ client_reference: 'FIRST_ESIM_001', status: 'DELIVERED', product_name: 'Japan eSIM', country_code: 'JPN', data_amount_gb: 1, validity_days: 7, amount: 4.275, currency: 'USD', activation_status: 'NOT_INSTALLED', is_installed: false });
    expect(res.body.activation_code).toMatch(/^LPA:1\$[a-z0-9.-]+\$[A-Z0-9-]+$/);
    expect(res.body.iccid).toMatch(/^89\d{17,18}$/);
    expect(isLuhnValid(res.body.iccid)).toBe(true);
    expect(typeof res.body.transaction_id).toBe('number');
  });

  it('quantity is silently clamped to 1', async () => {
    const res = await h.api.post('/api/v1/esim/orders', { product_id: 712, amount: 4.5, quantity: 3 });
    expect(res.status).toBe(200);
    expect(res.body.amount).toBe(4.275);
  });

  it('GET /esim/orders: the list never carries activation_code', async () => {
    const res = await h.api.get('/api/v1/esim/orders?client_reference=TRIP_TOKYO_OCT');
    expect(res.body).toEqual([]);
    const list = await h.api.get('/api/v1/esim/orders?client_reference=FIRST_ESIM_001');
    expect(list.status).toBe(200);
    expectPaginated(list.headers);
    expect(list.body).toHaveLength(1);
    const order = list.body[0];
    for (const key of ['id', 'client_reference', 'status', 'product_name', 'country_code', 'data_amount_gb', 'validity_days', 'amount', 'currency', 'activation_status', 'is_installed', 'transaction_id', 'created_at']) {
      expect(order, key).toHaveProperty(key);
    }
    expect(order.activation_code).toBeUndefined();
  });
});

describe('wallets, transactions, reference data (general.md §17, §20)', () => {
  it('GET /wallets', async () => {
    const res = await h.api.get('/api/v1/wallets');
    expect(res.status).toBe(200);
    expectPaginated(res.headers);
    for (const w of res.body) expect(sorted(w)).toEqual(['amount', 'currency_id', 'id', 'type']);
    const usd = res.body.find((w: { id: number }) => w.id === 1);
    expect(usd).toMatchObject({ currency_id: 1, type: 'PREPAID' });
    expect(typeof usd.amount).toBe('number');
  });

  it('GET /transactions: newest first, documented fields and remarks', async () => {
    const res = await h.api.get('/api/v1/transactions?wallet_id=1');
    expect(res.status).toBe(200);
    expectPaginated(res.headers);
    const txn = res.body[0];
    expect(sorted(txn)).toEqual(['amount', 'conversion_charges', 'created_at', 'currency_id', 'destination_currency', 'forex_rate', 'id', 'remarks', 'source_currency', 'status', 'transaction_type', 'wallet_id']);
    expectEvery(res.body as { wallet_id: number }[], (t) => t.wallet_id === 1, 'wallet_id=1');
    const ids = res.body.map((t: { id: number }) => t.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const debit = res.body.find((t: { remarks: string }) => t.remarks.includes('Order #'));
    expect(debit.remarks).toMatch(/^USD Wallet debited by amount \d+\.\d{2,} - (Topup |eSIM )?Order #\d+$/);
    const single = await h.api.get(`/api/v1/transactions/${txn.id}`);
    expect(single.body).toEqual(txn);
    expectError(await h.api.get('/api/v1/transactions?wallet_id=0'), 400, 'BadRequestError', 'BAD_REQUEST');
  });

  it('countries, currencies, categories', async () => {
    const countries = await h.api.get('/api/v1/countries');
    expect(countries.body[0]).toEqual({ id: 1, name: 'United States', official_name: 'United States of America', alpha_2: 'US', alpha_3: 'USA', numeric_code: '840', dialing_prefix: '+1' });
    expect(countries.headers.get('x-total-count')).toBeNull();
    expect((await h.api.get('/api/v1/countries/1')).body.alpha_3).toBe('USA');
    expectError(await h.api.get('/api/v1/countries/abc'), 400, 'BadRequestError', 'BAD_REQUEST', 'Invalid country ID');
    expectError(await h.api.get('/api/v1/countries/0'), 400, 'BadRequestError', 'BAD_REQUEST', 'Invalid country ID');
    expectError(await h.api.get('/api/v1/countries/2147483648'), 400, 'BadRequestError', 'BAD_REQUEST', 'Invalid country ID');
    expectError(await h.api.get('/api/v1/countries/9999'), 404, 'NotFoundError', 'NOT_FOUND');
    const currencies = await h.api.get('/api/v1/currencies');
    expect(currencies.body.slice(0, 2)).toEqual([
      { id: 1, name: 'US Dollar', currency: 'USD', precision: 2 },
      { id: 2, name: 'Euro', currency: 'EUR', precision: 2 },
    ]);
    expect(currencies.body.find((c: { currency: string }) => c.currency === 'JPY').precision).toBe(0);
    const categories = await h.api.get('/api/v1/categories');
    expect(categories.body[0]).toEqual({ id: 1, name: 'Gaming' });
    expect((await h.api.get('/api/v1/subcategories')).body[0]).toEqual({ id: 1, name: 'Steam' });
  });
});

describe('idempotency and rate limits (general.md §8, §9)', () => {
  it('a duplicate client_reference answers the exact documented error', async () => {
    const res = await h.api.post('/api/v1/topups/orders', { product_id: 4218, amount: 4.99, input_data: { player_id: '5123456789', server: 'asia' }, client_reference: 'CAMPAIGN_DEC_24' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { name: 'BadRequestError', code: 'BAD_REQUEST', message: 'Duplicate client_reference' } });
  });

  it('429 with Retry-After and the exact body', async () => {
    await h.control.setRateLimits({ topup_charges: 2 });
    const body = { product_id: 4218, amount: 4.99 };
    expect((await h.api.post('/api/v1/topups/charges', body)).status).toBe(200);
    expect((await h.api.post('/api/v1/topups/charges', body)).status).toBe(200);
    const limited = await h.api.post('/api/v1/topups/charges', body);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({ error: { name: 'TooManyRequestsError', code: 'TOO_MANY_REQUESTS', message: `Rate limit exceeded. Retry after ${retryAfter} seconds.` } });
    expect((await h.api.post('/api/v1/esim/charges', { product_id: 712, amount: 4.5 })).status).toBe(200);
    await h.control.advanceClock(60_000);
    expect((await h.api.post('/api/v1/topups/charges', body)).status).toBe(200);
    await h.control.setRateLimits(false);
  });
});
