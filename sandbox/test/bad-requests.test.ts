/** Bad input gets the documented 400s (never a 500) and creates nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './helpers';
import { boot, expectError } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await boot();
});
afterAll(() => h.sandbox.close());

const V = ['ValidationException', 'VALIDATION_FAILURE'] as const;
const B = ['BadRequestError', 'BAD_REQUEST'] as const;
const PUBG = { product_id: 4218, amount: 4.99, input_data: { player_id: '5123456789' } };

type Case = [label: string, path: string, body: unknown, kind: readonly [string, string], message: string | RegExp];

const CASES: Case[] = [
  ['product_id missing', '/api/v1/topups/orders', { amount: 4.99 }, V, 'Product ID is required'],
  ['product_id as string', '/api/v1/topups/orders', { ...PUBG, product_id: '4218' }, V, 'Product ID must be a positive integer'],
  ['product_id 0', '/api/v1/topups/orders', { ...PUBG, product_id: 0 }, V, 'Product ID must be a positive integer'],
  ['product_id negative', '/api/v1/topups/orders', { ...PUBG, product_id: -4 }, V, 'Product ID must be a positive integer'],
  ['product_id fractional', '/api/v1/topups/orders', { ...PUBG, product_id: 4218.5 }, V, 'Product ID must be a positive integer'],
  ['amount missing', '/api/v1/topups/orders', { product_id: 4218 }, V, 'Amount is required'],
  ['amount as string', '/api/v1/topups/orders', { ...PUBG, amount: '4.99' }, V, 'Amount must be a number'],
  ['amount 0', '/api/v1/topups/orders', { ...PUBG, amount: 0 }, V, 'Amount must be greater than 0'],
  ['amount negative', '/api/v1/topups/orders', { ...PUBG, amount: -1 }, V, 'Amount must be greater than 0'],
  ['amount huge', '/api/v1/topups/orders', { ...PUBG, amount: 1e12 }, V, /must not exceed/],
  ['amount not a denomination', '/api/v1/topups/orders', { ...PUBG, amount: 5.5 }, B, /Amount does not match/],
  ['airtime over its range', '/api/v1/topups/orders', { product_id: 4219, amount: 5001, category: 'Airtime', input_data: { phone_number: '+918879685100' } }, B, /Amount does not match/],
  ['unknown category', '/api/v1/topups/orders', { ...PUBG, category: 'Bundle' }, B, /No Bundle variants/],
  ['unknown top-level key', '/api/v1/topups/orders', { ...PUBG, quantity: 1 }, V, 'Unknown field: quantity'],
  ['unknown input_data key', '/api/v1/topups/orders', { ...PUBG, input_data: { player_id: '5123456789', zone: 'x' } }, V, 'Unknown input field: zone'],
  ['input_data missing', '/api/v1/topups/orders', { product_id: 4218, amount: 4.99 }, V, 'player_id is required'],
  ['input_data not an object', '/api/v1/topups/orders', { ...PUBG, input_data: ['5123456789'] }, V, 'input_data must be an object'],
  ['player_id pattern', '/api/v1/topups/orders', { ...PUBG, input_data: { player_id: '12ab' } }, V, /player_id must be at least 6|player_id has an invalid format/],
  ['player_id letters', '/api/v1/topups/orders', { ...PUBG, input_data: { player_id: 'abcdefgh' } }, V, 'player_id has an invalid format'],
  ['select outside options', '/api/v1/topups/orders', { ...PUBG, input_data: { player_id: '5123456789', server: 'mars' } }, V, /server must be one of: asia/],
  ['required select missing', '/api/v1/topups/orders', { product_id: 4228, amount: 0.99, input_data: { uid: '800123456' } }, V, 'server is required'],
  ['zone_id not a number', '/api/v1/topups/orders', { product_id: 4226, amount: 1.49, input_data: { user_id: '123456789', zone_id: 'abcd' } }, V, 'zone_id must be a number'],
  ['email invalid', '/api/v1/topups/orders', { product_id: 4238, amount: 5, input_data: { email: 'not-an-email' } }, V, 'email must be a valid email address'],
  ['phone invalid', '/api/v1/topups/orders', { product_id: 4219, amount: 100, category: 'Airtime', input_data: { phone_number: '12' } }, V, /phone_number must be a valid mobile number/],
  ['phone of another country', '/api/v1/topups/orders', { product_id: 4219, amount: 100, category: 'Airtime', input_data: { phone_number: '+2348031234567' } }, V, /phone_number must be a IND number/],
  ['client_reference too long', '/api/v1/topups/orders', { ...PUBG, client_reference: 'x'.repeat(256) }, V, /client_reference must be 1 to 255 printable ASCII/],
  ['client_reference control char', '/api/v1/topups/orders', { ...PUBG, client_reference: 'abc\n' }, V, /printable ASCII/],
  ['client_reference non-ASCII', '/api/v1/topups/orders', { ...PUBG, client_reference: 'café' }, V, /printable ASCII/],
  ['client_reference empty', '/api/v1/topups/orders', { ...PUBG, client_reference: '' }, V, /printable ASCII/],
  ['client_reference number', '/api/v1/topups/orders', { ...PUBG, client_reference: 42 }, V, 'client_reference must be a string'],
  ['wallet_id 0', '/api/v1/topups/orders', { ...PUBG, wallet_id: 0 }, V, 'Wallet ID must be a positive integer'],
  ['wallet and voucher together', '/api/v1/topups/orders', { ...PUBG, wallet_id: 1, redeem_voucher_code: 'X' }, V, /cannot be used together/],
  ['body is an array', '/api/v1/topups/orders', [PUBG], V, 'Invalid request body'],
  ['body is a string', '/api/v1/topups/orders', 'hello', V, 'Invalid request body'],
  ['body is null', '/api/v1/topups/orders', null, V, 'Invalid request body'],
  ['voucher quantity 0', '/api/v1/orders', { product_id: 123, denomination: 10, quantity: 0 }, V, 'Quantity must be a positive integer'],
  ['voucher quantity missing', '/api/v1/orders', { product_id: 123, denomination: 10 }, V, 'Quantity is required'],
  ['voucher quantity over 5000', '/api/v1/orders', { product_id: 123, denomination: 10, quantity: 5001 }, B, /must not exceed 5000/],
  ['voucher quantity over max', '/api/v1/orders', { product_id: 123, denomination: 10, quantity: 101 }, B, /Quantity exceeds the maximum of 100/],
  ['voucher denomination missing', '/api/v1/orders', { product_id: 123, quantity: 1 }, V, 'Denomination is required'],
  ['voucher denomination off-list', '/api/v1/orders', { product_id: 123, denomination: 11, quantity: 1 }, B, 'Denomination is not available for this product'],
  ['voucher range below min', '/api/v1/orders', { product_id: 101, denomination: 0.5, quantity: 1 }, B, 'Denomination is not available for this product'],
  ['voucher email invalid', '/api/v1/orders', { product_id: 123, denomination: 10, quantity: 1, email: 'x@' }, V, 'email must be a valid email address'],
  ['voucher charges bad quantity', '/api/v1/products/123/charges', { denomination: 10, quantity: 1.5 }, V, 'Quantity must be a positive integer'],
  ['eSIM amount not a plan', '/api/v1/esim/orders', { product_id: 712, amount: 4.49 }, B, 'Amount does not match any plan of this product'],
  ['eSIM quantity not an integer', '/api/v1/esim/orders', { product_id: 712, amount: 4.5, quantity: 'one' }, V, 'Quantity must be an integer'],
  ['eSIM unknown key', '/api/v1/esim/orders', { product_id: 712, amount: 4.5, input_data: {} }, V, 'Unknown field: input_data'],
  ['lookup number not a string', '/api/v1/topups/lookup', { mobile_number: 918879685100 }, V, 'mobile_number must be a string'],
  ['lookup without plus', '/api/v1/topups/lookup', { mobile_number: '918879685100' }, V, /E\.164/],
];

describe('POST bodies', () => {
  it.each(CASES)('%s', async (_label, path, body, [name, code], message) => {
    const res = await h.api.post(path, undefined, { rawBody: JSON.stringify(body) });
    expectError(res, 400, name, code, message);
  });

  it('nothing was created or debited by any of them', async () => {
    expect(await h.control.listOrders()).toHaveLength(0);
    expect((await h.control.ledger()).transactions).toHaveLength(0);
  });

  it('malformed JSON, wrong content type, empty body', async () => {
    for (const raw of ['{', '{"product_id": }', 'nul', '{"a":1}}']) {
      expectError(await h.api.post('/api/v1/esim/orders', undefined, { rawBody: raw }), 400, ...V, 'Invalid request body');
    }
    expectError(await h.api.post('/api/v1/esim/orders', undefined, { rawBody: JSON.stringify({ product_id: 712, amount: 4.5 }), headers: { 'Content-Type': 'text/plain' } }), 400, ...V, 'Content-Type must be application/json');
    expectError(await h.api.post('/api/v1/esim/orders'), 400, ...V, 'Product ID is required');
    expectError(await h.api.post('/auth/login', undefined, { rawBody: '{', token: null }), 400, ...V, 'Invalid request body');
  });
});

describe('paths and queries', () => {
  it.each([
    ['/api/v1/products/0', 'Invalid product ID'],
    ['/api/v1/products/-1', 'Invalid product ID'],
    ['/api/v1/products/1.5', 'Invalid product ID'],
    ['/api/v1/products/abc', 'Invalid product ID'],
    ['/api/v1/orders/0', 'Invalid order ID'],
    ['/api/v1/topups/products/99999999999', 'Invalid product ID'],
    ['/api/v1/topups/orders/x', 'Invalid order ID'],
    ['/api/v1/topups/variants/0', 'Invalid variant ID'],
    ['/api/v1/esim/orders/%E0%A4%A', 'Invalid order ID'],
    ['/api/v1/transactions/0', 'Invalid transaction ID'],
    ['/api/v1/wallets/0', 'Invalid wallet ID'],
  ])('GET %s', async (path, message) => {
    expectError(await h.api.get(path), 400, ...B, message);
  });

  it.each([
    ['/api/v1/products/98765', 'Product not found'],
    ['/api/v1/orders/98765', 'Order not found'],
    ['/api/v1/topups/products/98765', 'Product not found'],
    ['/api/v1/topups/orders/98765', 'Order not found'],
    ['/api/v1/esim/products/98765/variants', 'Product not found'],
    ['/api/v1/esim/variants/98765', 'Variant not found'],
    ['/api/v1/transactions/98765', 'Transaction not found'],
  ])('GET %s is 404', async (path, message) => {
    expectError(await h.api.get(path), 404, 'NotFoundError', 'NOT_FOUND', message);
  });

  it.each([
    '/api/v1/products?page=0',
    '/api/v1/products?limit=0',
    '/api/v1/products?limit=10001',
    '/api/v1/products?country_id=-1',
    '/api/v1/products?sort=%7Bbad',
    '/api/v1/products?sort_by=price',
    '/api/v1/topups/products?type=GAMES',
    '/api/v1/topups/products?per_page=501',
    '/api/v1/topups/orders?status=DONE',
    '/api/v1/topups/orders?country=ind',
    '/api/v1/topups/orders?product_id=0',
    '/api/v1/esim/products?country_code=JP',
    '/api/v1/esim/orders?status=NOPE',
    '/api/v1/transactions?wallet_id=0',
    '/api/v1/transactions?wallet_id=abc',
  ])('GET %s is 400 Invalid query parameters', async (path) => {
    expectError(await h.api.get(path), 400, ...B, /^Invalid query parameters/);
  });

  it('unknown routes and methods', async () => {
    expectError(await h.api.get('/api/v1/nothing'), 404, 'NotFoundError', 'NOT_FOUND', 'Resource not found');
    expectError(await h.api.request('DELETE', '/api/v1/orders'), 405, 'MethodNotAllowedError', 'METHOD_NOT_ALLOWED');
  });
});

describe('never a 500', () => {
  const endpoints = [
    '/auth/login',
    '/auth/refresh',
    '/api/v1/orders',
    '/api/v1/products/123/charges',
    '/api/v1/products/123/availability',
    '/api/v1/topups/lookup',
    '/api/v1/topups/charges',
    '/api/v1/topups/orders',
    '/api/v1/esim/charges',
    '/api/v1/esim/orders',
  ];
  const garbage: unknown[] = [
    {},
    { product_id: null, amount: null },
    { product_id: {}, amount: [] },
    { product_id: 4218, amount: Number.MAX_VALUE },
    { product_id: 2147483648, amount: 1 },
    { product_id: 712, amount: 4.5, wallet_id: 'x' },
    { denomination: true, quantity: false },
    { input_data: { __proto__: 1 } },
    { product_id: 4218, amount: 0.99, input_data: { player_id: 5123456789 } },
    { product_id: 4219, amount: 100, input_data: { phone_number: { x: 1 } } },
    { mobile_number: '+'.padEnd(500, '9') },
    { username: 1, password: 2, refresh_token: 3 },
    { product_id: 4218, amount: 4.99, category: 7 },
  ];

  it('answers below 500 for every garbage body on every POST endpoint', async () => {
    for (const path of endpoints) {
      for (const body of garbage) {
        const res = await h.api.post(path, body);
        expect(res.status, `${path} ${JSON.stringify(body)} -> ${res.text}`).toBeLessThan(500);
        expect(res.body.error ?? res.body, path).toBeDefined();
      }
    }
  });
});
