/** The control API: faults, read-back, request counts, reset, time. */
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../server';
import type { Harness, Json } from './helpers';
import { boot, expectError, FAST, waitFor } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await boot();
});
afterAll(() => h.sandbox.close());
beforeEach(async () => {
  await h.control.reset();
});

const PUBG = (reference?: string) => ({ product_id: 4218, amount: 4.99, input_data: { player_id: '5123456789' }, ...(reference ? { client_reference: reference } : {}) });

async function rawFetch(path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response | Error> {
  try {
    return await fetch(`${h.sandbox.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${h.api.token}`, 'Content-Type': 'application/json', ...init.headers },
      signal: init.timeoutMs ? AbortSignal.timeout(init.timeoutMs) : undefined,
    });
  } catch (error) {
    return error as Error;
  }
}

describe('faults', () => {
  it('error: a 500 envelope for the next matching request only, with X-Request-Id', async () => {
    const fault = await h.control.injectFault({ method: 'POST', path: '/api/v1/topups/orders', kind: 'error', count: 1 });
    expect(fault.id).toBeGreaterThan(0);
    const failed = await h.api.post('/api/v1/topups/orders', PUBG('e-1'));
    expectError(failed, 500, 'InternalServerError', 'INTERNAL_SERVER_ERROR');
    expect(failed.headers.get('x-request-id')).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(await h.control.listOrders({ clientReference: 'e-1' })).toHaveLength(0);
    expect((await h.api.post('/api/v1/topups/orders', PUBG('e-1'))).status).toBe(200);
    expect((await h.control.listFaults())[0]).toMatchObject({ applied: 1, count: 1 });
  });

  it('error 503: a plain-text gateway page', async () => {
    await h.control.injectFault({ path: '/api/v1/esim/**', kind: 'error', status: 503 });
    const res = await h.api.get('/api/v1/esim/products');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    expect(res.text).toBe('Service Unavailable');
    expect((await h.api.get('/api/v1/topups/products')).status).toBe(200);
    await h.control.clearFaults();
    expect((await h.api.get('/api/v1/esim/products')).status).toBe(200);
  });

  it('rate_limit: 429 with the requested Retry-After', async () => {
    await h.control.injectFault({ path: '/api/v1/*/orders', method: 'POST', kind: 'rate_limit', retryAfter: 7, count: 2 });
    const topup = await h.api.post('/api/v1/topups/orders', PUBG());
    const esim = await h.api.post('/api/v1/esim/orders', { product_id: 712, amount: 4.5 });
    for (const res of [topup, esim]) {
      expectError(res, 429, 'TooManyRequestsError', 'TOO_MANY_REQUESTS', 'Rate limit exceeded. Retry after 7 seconds.');
      expect(res.headers.get('retry-after')).toBe('7');
    }
    expect((await h.api.post('/api/v1/orders', { product_id: 123, denomination: 10, quantity: 1 })).status).toBe(201);
    expect((await h.api.post('/api/v1/topups/orders', PUBG())).status).toBe(200);
  });

  it('latency: the answer is late by the given time', async () => {
    await h.control.injectFault({ path: '/api/v1/currencies', kind: 'latency', ms: 150, count: 1 });
    const started = Date.now();
    expect((await h.api.get('/api/v1/currencies')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('latency after commit: the client times out but the order exists, once', async () => {
    await h.control.injectFault({ method: 'POST', path: '/api/v1/topups/orders', kind: 'latency', ms: 2000, phase: 'after', count: 1 });
    const res = await rawFetch('/api/v1/topups/orders', { method: 'POST', body: JSON.stringify(PUBG('slow-1')), timeoutMs: 150 });
    expect(res).toBeInstanceOf(Error);
    const orders = await h.control.listOrders({ clientReference: 'slow-1' });
    expect(orders).toHaveLength(1);
    expect((await h.api.get('/api/v1/topups/orders?client_reference=slow-1')).body).toHaveLength(1);
    expectError(await h.api.post('/api/v1/topups/orders', PUBG('slow-1')), 400, 'BadRequestError', 'BAD_REQUEST', 'Duplicate client_reference');
  });

  it('drop before: connection reset and nothing created', async () => {
    await h.control.injectFault({ method: 'POST', path: '/api/v1/esim/orders', kind: 'drop', count: 1 });
    const res = await rawFetch('/api/v1/esim/orders', { method: 'POST', body: JSON.stringify({ product_id: 712, amount: 4.5, client_reference: 'drop-1' }) });
    expect(res).toBeInstanceOf(Error);
    expect(await h.control.listOrders({ clientReference: 'drop-1' })).toHaveLength(0);
    const [logged] = await h.control.requests({ path: '/api/v1/esim/orders' });
    expect(logged?.outcome).toBe('dropped');
  });

  it('drop after commit: connection reset, the order exists and was debited once', async () => {
    await h.control.injectFault({ method: 'POST', path: '/api/v1/orders', kind: 'drop', phase: 'after', count: 1 });
    const res = await rawFetch('/api/v1/orders', { method: 'POST', body: JSON.stringify({ product_id: 123, denomination: 25, quantity: 1, client_reference: 'drop-2' }) });
    expect(res).toBeInstanceOf(Error);
    const [order] = await h.control.listOrders({ clientReference: 'drop-2' });
    expect(order).toMatchObject({ vertical: 'voucher', status: 'DELIVERED', total_payable: 24.25 });
    const { transactions } = await h.control.ledger();
    expect(transactions.filter((t) => t.order?.id === order?.id && t.transaction_type === 'DEBIT')).toHaveLength(1);
    const listed = await h.api.get('/api/v1/orders?client_reference=drop-2');
    expect(listed.body[0].id).toBe(order?.id);
  });

  it('hang: never answers, other requests still do', async () => {
    await h.control.injectFault({ path: '/api/v1/wallets', kind: 'hang', count: 1 });
    const hung = rawFetch('/api/v1/wallets', { timeoutMs: 200 });
    expect((await h.api.get('/api/v1/currencies')).status).toBe(200);
    expect(await hung).toBeInstanceOf(Error);
    const [logged] = await h.control.requests({ path: '/api/v1/wallets' });
    expect(logged?.outcome).toBe('hung');
    expect((await h.api.get('/api/v1/wallets')).status).toBe(200);
  });

  it('skip lets the first requests through; faults can be removed by id', async () => {
    const fault = await h.control.injectFault({ path: '/api/v1/topups/products/:id', kind: 'error', skip: 1 });
    expect((await h.api.get('/api/v1/topups/products/4218')).status).toBe(200);
    expect((await h.api.get('/api/v1/topups/products/4219')).status).toBe(500);
    expect((await h.api.get('/api/v1/topups/products/4219')).status).toBe(500);
    await h.control.removeFault(fault.id);
    expect((await h.api.get('/api/v1/topups/products/4219')).status).toBe(200);
  });

  it('rejects malformed fault specs', async () => {
    await expect(h.control.injectFault({ path: '/x', kind: 'explode' } as never)).rejects.toThrow(/400/);
  });
});

describe('read-back', () => {
  it('orders of every vertical with their ledger links; request counts per endpoint', async () => {
    await h.api.post('/api/v1/orders', { product_id: 123, denomination: 10, quantity: 1, client_reference: 'rb-v' });
    const topup = await h.api.post('/api/v1/topups/orders', PUBG('rb-t'));
    await h.api.post('/api/v1/esim/orders', { product_id: 712, amount: 4.5, client_reference: 'rb-e' });
    for (let i = 0; i < 3; i++) await h.api.get(`/api/v1/topups/orders/${topup.body.id}`);
    const orders = await h.control.listOrders();
    expect(orders.map((o) => [o.vertical, o.client_reference])).toEqual([
      ['voucher', 'rb-v'],
      ['topup', 'rb-t'],
      ['esim', 'rb-e'],
    ]);
    for (const order of orders) expect(order.debit_transaction_id).toEqual(expect.any(Number));
    expect(await h.control.listOrders({ vertical: 'esim' })).toHaveLength(1);
    const counts = await h.control.requestCounts();
    expect(counts['POST /api/v1/topups/orders']).toBe(1);
    expect(counts['GET /api/v1/topups/orders/:id']).toBe(3);
    const logged = await h.control.requests({ route: '/api/v1/topups/orders', method: 'POST' });
    expect(logged[0]).toMatchObject({ clientReference: 'rb-t', status: 200, outcome: 'answered' });
  });

  it('resolve forces a PENDING order terminal with a refund', async () => {
    // 000000408 stays PENDING for longPendingMs: an ordinary input may deliver before the resolve on a busy machine.
    const res = await h.api.post('/api/v1/topups/orders', { ...PUBG(), input_data: { player_id: '000000408' } });
    const resolved = await h.control.resolveOrder('topup', res.body.id, 'FAILED', 'RECIPIENT_BARRED');
    expect(resolved.api).toMatchObject({ status: 'FAILED', failure_code: 'RECIPIENT_BARRED', is_user_fixable: false });
    expect(resolved.refund_transaction_ids).toHaveLength(1);
    await expect(h.control.resolveOrder('topup', res.body.id, 'DELIVERED')).rejects.toThrow(/already FAILED/);
  });

  it('reset restores the seeded world and keeps tokens valid', async () => {
    await h.control.setWalletBalance('USD', 5);
    await h.api.post('/api/v1/esim/orders', { product_id: 712, amount: 4.5, client_reference: 'before-reset' });
    await h.control.reset();
    expect(await h.control.listOrders()).toHaveLength(0);
    expect((await h.control.ledger()).wallets[0]?.balance).toBe('10000');
    expect((await h.api.post('/api/v1/esim/orders', { product_id: 712, amount: 4.5, client_reference: 'before-reset' })).status).toBe(200);
  });
});

describe('time', () => {
  it('changing the time scale rescales pending delays', async () => {
    await h.control.setTimeScale(100);
    const res = await h.api.post('/api/v1/topups/orders', PUBG());
    expect(res.body.status).toBe('PENDING');
    await h.control.setTimeScale(0.0001);
    const done = await waitFor(() => h.api.get(`/api/v1/topups/orders/${res.body.id}`), (r) => r.body.status !== 'PENDING', 2000);
    expect(done.body.status).toBe('DELIVERED');
    expect((await h.control.config()).timeScale).toBe(0.0001);
  });
});

describe('loopback only', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  it.skipIf(!external)('answers 403 to a non-loopback caller', async () => {
    const sandbox = await startSandbox({ ...FAST, host: '0.0.0.0' });
    try {
      const res = await fetch(`http://${external}:${sandbox.port}/__sandbox/health`);
      expect(res.status).toBe(403);
      const local = await fetch(`http://127.0.0.1:${sandbox.port}/__sandbox/health`);
      expect(local.status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});

describe('fault envelopes', () => {
  it('an injected 401 looks like an expired token; a 502 with a message is JSON', async () => {
    await h.control.injectFault({ path: '/api/v1/wallets', kind: 'error', status: 401, count: 1 });
    expectError(await h.api.get('/api/v1/wallets'), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Invalid token');
    await h.control.injectFault({ path: '/api/v1/wallets', kind: 'error', status: 502, message: 'Upstream timeout', count: 1 });
    expectError(await h.api.get('/api/v1/wallets'), 502, 'ServiceUnavailableError', 'SERVICE_UNAVAILABLE', 'Upstream timeout');
    const plain = await h.control.injectFault({ path: '/api/v1/wallets', kind: 'error', status: 504, count: 1 });
    expect(plain.id).toBeGreaterThan(0);
    expect((await h.api.get('/api/v1/wallets')).text).toBe('Gateway Timeout');
  });
});

describe('catalogue changes', () => {
  it('removes, restores and reprices products; reset brings the seeded catalogue back', async () => {
    await h.control.removeProduct('esim', 712);
    expect((await h.api.get('/api/v1/esim/products/712')).status).toBe(404);
    const listed = await h.api.get('/api/v1/esim/products?per_page=500');
    expect(listed.body.map((p: Json) => p.id)).not.toContain(712);

    await h.control.restoreProduct('esim', 712);
    expect((await h.api.get('/api/v1/esim/products/712')).status).toBe(200);

    await h.control.repriceProduct('voucher', 123, { discount: 1 });
    const steam = await h.api.get('/api/v1/products/123');
    expect(steam.body.available_denominations.map((d: Json) => d.discount)).toEqual([1, 1, 1, 1]);
    await h.control.repriceProduct('topup', 4218, { factor: 2 });
    const variants = await h.api.get('/api/v1/topups/products/4218/variants');
    expect(variants.body.find((v: Json) => v.id === 88412).fixed_amounts).toEqual(['1.98']);

    await h.control.reset();
    expect((await h.api.get('/api/v1/products/123')).body.available_denominations[0].discount).toBe(3);
  });

  it('refuses unknown products and verticals', async () => {
    await expect(h.control.removeProduct('voucher', 5)).rejects.toThrow(/404/);
    await expect(h.control.restoreProduct('voucher', 123)).rejects.toThrow(/404/);
  });
});
