import { describe, expect, it } from 'vitest';
import { OctopusApiError } from '../errors';
import { reference, testClient, setupSandbox } from '@/test/helpers/sandbox';

/** Retries, timeouts and order-create outcomes under the sandbox's injected faults. */
const env = setupSandbox();

const TOPUP_ORDERS = '/api/v1/topups/orders';
const topupInput = (clientReference: string) => ({
  productId: 4218,
  amount: '4.99',
  inputData: { player_id: '5123456789' },
  clientReference,
});

async function upstreamOrders(clientReference: string) {
  return env.control.listOrders({ clientReference });
}

describe('reads', () => {
  it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
    const { client, logs } = testClient(env.sandbox.url);
    await client.listCurrencies();
    await env.control.injectFault({ method: 'GET', path: '/api/v1/currencies', kind: 'rate_limit', retryAfter: 1, count: 1 });
    const started = Date.now();
    await expect(client.listCurrencies()).resolves.not.toHaveLength(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(logs.filter((log) => log.path === '/api/v1/currencies').map((log) => [log.status, log.attempt])).toEqual([
      [200, 1],
      [429, 1],
      [200, 2],
    ]);
  });

  it('hands a Retry-After longer than it may wait to the caller as rate_limited', async () => {
    const { client } = testClient(env.sandbox.url, { retry: { maxRetryAfterMs: 500 } });
    await env.control.injectFault({ method: 'GET', path: '/api/v1/currencies', kind: 'rate_limit', retryAfter: 30, count: 1 });
    const error = await client.listCurrencies().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 30_000, retryable: true });
  });

  it('retries 5xx with backoff and succeeds', async () => {
    const { client } = testClient(env.sandbox.url);
    await env.control.injectFault({ method: 'GET', path: '/api/v1/esim/products/:id', kind: 'error', status: 503, count: 2 });
    await expect(client.getEsimProductById(712)).resolves.toMatchObject({ id: 712 });
    const seen = await env.control.requests({ path: '/api/v1/esim/products/712' });
    expect(seen.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('stops after the bounded number of attempts', async () => {
    const { client } = testClient(env.sandbox.url, { retry: { maxAttempts: 3 } });
    await env.control.injectFault({ method: 'GET', path: '/api/v1/wallets', kind: 'error', status: 500 });
    const error = await client.listWallets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OctopusApiError);
    expect(error).toMatchObject({ kind: 'unavailable', status: 500, code: 'INTERNAL_SERVER_ERROR', retryable: true });
    expect((error as OctopusApiError).requestId).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(await env.control.requests({ path: '/api/v1/wallets' })).toHaveLength(3);
  });

  it('retries a read that timed out or lost its connection', async () => {
    const { client } = testClient(env.sandbox.url, { timeoutMs: 300 });
    await env.control.injectFault({ method: 'GET', path: '/api/v1/countries', kind: 'hang', count: 1 });
    await env.control.injectFault({ method: 'GET', path: '/api/v1/countries', kind: 'drop', count: 1, skip: 1 });
    await expect(client.listCountries()).resolves.not.toHaveLength(0);
    const seen = await env.control.requests({ path: '/api/v1/countries' });
    expect(seen.map((r) => r.outcome)).toEqual(['hung', 'dropped', 'answered']);
  });

  it('retries a quote (POST) like any other read', async () => {
    const { client } = testClient(env.sandbox.url);
    await env.control.injectFault({ method: 'POST', path: '/api/v1/topups/charges', kind: 'error', status: 502, count: 1 });
    const charges = await client.getTopupCharges({ productId: 4218, amount: '4.99' });
    // The second attempt's answer, mapped: PUBG UC 4.99 with the sandbox's 5 % client discount.
    expect(charges.nonDiscountedTotal.toFixed(2)).toBe('4.99');
    expect(charges.totalPayable.toFixed(4)).toBe('4.7405');
    expect(await env.control.requests({ path: '/api/v1/topups/charges' })).toHaveLength(2);
  });
});

describe('order creation', () => {
  it('reports a timeout as unknown, sends once, and the reference finds the committed order', async () => {
    const { client } = testClient(env.sandbox.url, { timeoutMs: 300 });
    const clientReference = reference('hang');
    await env.control.injectFault({ method: 'POST', path: TOPUP_ORDERS, kind: 'hang', phase: 'after', count: 1 });
    const result = await client.createTopupOrder(topupInput(clientReference));
    expect(result.outcome).toBe('unknown');
    if (result.outcome !== 'unknown') return;
    expect(result.error).toMatchObject({ kind: 'unknown', code: 'TIMEOUT', status: null, retryable: true });
    expect(await env.control.requests({ method: 'POST', path: TOPUP_ORDERS })).toHaveLength(1);

    const found = await client.getTopupOrderByClientReference(clientReference);
    expect(found?.clientReference).toBe(clientReference);
    expect(await upstreamOrders(clientReference)).toHaveLength(1);
  });

  it('reports a connection dropped after commit as unknown; resubmitting is a duplicate, not a second order', async () => {
    const { client } = testClient(env.sandbox.url);
    const clientReference = reference('drop');
    await env.control.injectFault({ method: 'POST', path: '/api/v1/esim/orders', kind: 'drop', phase: 'after', count: 1 });
    const first = await client.createEsimOrder({ productId: 712, amount: '4.50', clientReference });
    expect(first).toMatchObject({ outcome: 'unknown', error: { kind: 'unknown', code: 'NETWORK_ERROR' } });
    // Errors may be shown further up; the upstream address stays out of them.
    if (first.outcome === 'unknown') expect(JSON.stringify(first.error)).not.toContain(env.sandbox.url.replace('http://', ''));

    const again = await client.createEsimOrder({ productId: 712, amount: '4.50', clientReference });
    expect(again.outcome).toBe('duplicate_reference');
    if (again.outcome !== 'duplicate_reference') return;
    expect(again.error).toMatchObject({
      kind: 'duplicate_reference',
      status: 400,
      name: 'BadRequestError',
      code: 'BAD_REQUEST',
      message: 'Duplicate client_reference',
      retryable: false,
    });
    expect((await client.getEsimOrderByClientReference(clientReference))?.status).toBe('DELIVERED');
    const orders = await upstreamOrders(clientReference);
    expect(orders).toHaveLength(1);
    const debits = (await env.control.ledger()).transactions.filter(
      (t) => t.order?.id === orders[0]?.id && t.order?.vertical === 'esim' && t.order.reason === 'debit',
    );
    expect(debits).toHaveLength(1);
  });

  it('reports a 5xx as unknown without resending; when the supplier has none, the same reference goes through', async () => {
    const { client } = testClient(env.sandbox.url);
    const clientReference = reference('5xx');
    await env.control.injectFault({ method: 'POST', path: TOPUP_ORDERS, kind: 'error', status: 500, count: 1 });
    const first = await client.createTopupOrder(topupInput(clientReference));
    expect(first).toMatchObject({ outcome: 'unknown', error: { kind: 'unknown', status: 500 } });
    expect(await env.control.requests({ method: 'POST', path: TOPUP_ORDERS })).toHaveLength(1);

    await expect(client.getTopupOrderByClientReference(clientReference)).resolves.toBeNull();
    const second = await client.createTopupOrder(topupInput(clientReference));
    expect(second.outcome).toBe('accepted');
    expect(await upstreamOrders(clientReference)).toHaveLength(1);
  });

  it('resends after a 429, which proves the request was not processed', async () => {
    const { client } = testClient(env.sandbox.url);
    const clientReference = reference('429');
    await env.control.injectFault({ method: 'POST', path: TOPUP_ORDERS, kind: 'rate_limit', retryAfter: 1, count: 1 });
    const result = await client.createTopupOrder(topupInput(clientReference));
    expect(result.outcome).toBe('accepted');
    expect((await env.control.requests({ method: 'POST', path: TOPUP_ORDERS })).map((r) => r.status)).toEqual([429, 200]);
    expect(await upstreamOrders(clientReference)).toHaveLength(1);
  });

  it('re-authenticates and resends after a 401', async () => {
    const { client } = testClient(env.sandbox.url);
    await client.listCurrencies();
    await env.control.expireTokens(['access']);
    const clientReference = reference('401');
    const result = await client.createVoucherOrder({ productId: 123, denomination: '10', quantity: 1, clientReference });
    expect(result.outcome).toBe('accepted');
    expect((await env.control.requests({ method: 'POST', path: '/api/v1/orders' })).map((r) => r.status)).toEqual([401, 201]);
    expect(await upstreamOrders(clientReference)).toHaveLength(1);
  });

  it('rejects with a distinct kind for insufficient funds, validation and unknown products', async () => {
    const { client } = testClient(env.sandbox.url);
    await env.control.setWalletBalance('USD', 0);
    const poor = await client.createTopupOrder(topupInput(reference('poor')));
    expect(poor).toMatchObject({ outcome: 'rejected', error: { kind: 'insufficient_funds', code: 'INSUFFICIENT_FUNDS', status: 400 } });

    const invalid = await client.createTopupOrder({ ...topupInput(reference('bad')), inputData: { player_id: '5123456789', colour: 'red' } });
    expect(invalid).toMatchObject({ outcome: 'rejected', error: { kind: 'validation', code: 'VALIDATION_FAILURE', status: 400 } });

    const missing = await client.createVoucherOrder({ productId: 424242, denomination: '10', quantity: 1, clientReference: reference('nf') });
    expect(missing).toMatchObject({ outcome: 'rejected', error: { kind: 'not_found', status: 404 } });
    expect(await env.control.listOrders()).toHaveLength(0);
  });
});

describe('observability', () => {
  it('logs every call as one structured entry, with no credential, token or delivered secret in it', async () => {
    const { client, logs } = testClient(env.sandbox.url);
    const voucher = await client.createVoucherOrder({ productId: 123, denomination: '50', quantity: 1, clientReference: reference('log') });
    const esim = await client.createEsimOrder({ productId: 712, amount: '4.50', clientReference: reference('log') });
    if (voucher.outcome !== 'accepted' || esim.outcome !== 'accepted') throw new Error('orders not accepted');
    await client.getVoucherOrderById(voucher.order.id);
    await client.getEsimOrderById(esim.order.id);

    expect(logs.map((log) => `${log.method} ${log.path} ${log.status}`)).toEqual([
      'POST /auth/login 200',
      'POST /api/v1/orders 201',
      'POST /api/v1/esim/orders 200',
      `GET /api/v1/orders/${voucher.order.id} 200`,
      `GET /api/v1/esim/orders/${esim.order.id} 200`,
    ]);
    for (const log of logs) {
      expect(log).toMatchObject({ event: 'octopus.request', durationMs: expect.any(Number), attempt: 1 });
      expect(log.requestId).toMatch(/^[0-9A-Za-z]{27}$/);
    }
    const text = JSON.stringify(logs);
    const secrets = [
      'sandbox_demo_key',
      'sandbox_demo_secret',
      'eyJ',
      voucher.order.vouchers[0]?.cardNumber,
      voucher.order.vouchers[0]?.pinCode,
      esim.order.lpa?.activationCode,
      esim.order.lpa?.matchingId,
    ].filter((value): value is string => Boolean(value));
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('sends its own X-Request-Id and reports the one the response carries', async () => {
    const { client, logs } = testClient(env.sandbox.url);
    await client.listCurrencies();
    const sent = await env.control.requests({ path: '/api/v1/currencies' });
    expect(logs.at(-1)?.requestId).toBe(sent[0]?.requestId);
  });
});
