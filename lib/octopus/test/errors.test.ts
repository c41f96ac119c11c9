import { describe, expect, it } from 'vitest';
import { kindForResponse, OctopusApiError, parseRetryAfter } from '../errors';
import type { OctopusLogEntry } from '../http';
import { createOctopusClient, type OctopusConfig } from '../index';
import { redact } from '../redact';

describe('kindForResponse', () => {
  const cases: [number, { name?: string; code?: string; message?: string }, string][] = [
    [400, { name: 'ValidationException', code: 'VALIDATION_FAILURE', message: 'Product ID is required' }, 'validation'],
    [400, { name: 'SyntaxError', code: 'SYNTAX_ERROR', message: 'Invalid request body' }, 'validation'],
    [400, { name: 'BadRequestError', code: 'BAD_REQUEST', message: 'Duplicate client_reference' }, 'duplicate_reference'],
    [400, { name: 'BadRequestError', code: 'INSUFFICIENT_FUNDS', message: 'Insufficient wallet balance' }, 'insufficient_funds'],
    [400, { name: 'BadRequestError', code: 'BAD_REQUEST', message: 'Insufficient funds in wallet' }, 'insufficient_funds'],
    [400, { name: 'BadRequestError', code: 'BAD_REQUEST', message: 'Exchange rate not available for the wallet currency' }, 'rejected'],
    [401, { name: 'UnauthorizedError', code: 'UNAUTHORIZED', message: 'Invalid token' }, 'unauthorized'],
    [403, { name: 'ForbiddenError', code: 'FORBIDDEN', message: 'IP address not authorized' }, 'forbidden'],
    [404, { name: 'NotFoundError', code: 'NOT_FOUND', message: 'Order not found' }, 'not_found'],
    [429, { name: 'TooManyRequestsError', code: 'TOO_MANY_REQUESTS' }, 'rate_limited'],
    [500, { name: 'InternalServerError', code: 'INTERNAL_SERVER_ERROR' }, 'unavailable'],
    [503, {}, 'unavailable'],
  ];
  it.each(cases)('%i %o → %s', (status, body, kind) => {
    expect(kindForResponse(status, body)).toBe(kind);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores garbage', () => {
    expect(parseRetryAfter('12')).toBe(12_000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-05-19T14:30:00Z');
    expect(parseRetryAfter('Tue, 19 May 2026 14:30:07 GMT', now)).toBe(7_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('OctopusApiError', () => {
  it('is retryable only where trying again can help', () => {
    const make = (kind: OctopusApiError['kind']) =>
      new OctopusApiError({ kind, status: null, code: 'X', name: 'X', message: 'x', requestId: null, method: 'GET', path: '/' });
    expect(['rate_limited', 'unavailable', 'unknown'].map((kind) => make(kind as OctopusApiError['kind']).retryable)).toEqual([
      true,
      true,
      true,
    ]);
    expect(make('duplicate_reference').retryable).toBe(false);
    expect(make('validation').retryable).toBe(false);
  });
});

describe('redact', () => {
  it('masks secret keys anywhere and token-looking strings under any key', () => {
    const out = redact({
      path: '/x',
      nested: { password: 'hunter2', pin_code: '1234', list: [{ activation_code: 'LPA:1$a$b' }] },
      note: 'Bearer abc.def and eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.sig',
    });
    expect(JSON.stringify(out)).not.toMatch(/hunter2|1234|LPA:1|abc\.def|eyJhbGci/);
  });
});

/*
 * The transport's error mapping, against a scripted fetch (the sandbox integration tests cover
 * the same behaviour end to end; these pin down each branch precisely and fast).
 */
type Script = (url: URL, init: RequestInit) => Response | Promise<Response>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const LOGIN = {
  success: true,
  data: {
    access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.c2ln',
    refresh_token: 'eyJhbGciOiJIUzI1NiJ9.eyJyIjoxfQ.c2ln',
    access_expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    refresh_expires_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    client_id: 42,
  },
};

function scriptedClient(script: Script, overrides: Partial<OctopusConfig> = {}) {
  const calls: string[] = [];
  const logs: OctopusLogEntry[] = [];
  const client = createOctopusClient({
    baseUrl: 'http://octopus.invalid',
    apiKey: 'key',
    apiSecret: 'secret',
    timeoutMs: 1_000,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    logger: (entry) => logs.push(entry),
    fetch: async (input, init) => {
      const url = new URL(input);
      calls.push(`${init.method} ${url.pathname}${url.search}`);
      if (url.pathname === '/auth/login') return json(200, LOGIN);
      return script(url, init);
    },
    ...overrides,
  });
  return { client, calls, logs };
}

const TOPUP_ORDER = {
  id: 9123456,
  client_reference: 'REF-1',
  product_id: 4218,
  amount: 4.7405,
  currency: 'USD',
  status: 'PENDING',
  created_at: '2026-05-19T14:30:00Z',
};
const ORDER_INPUT = { productId: 4218, amount: '4.99', inputData: { player_id: '5123456789' }, clientReference: 'REF-1' };

describe('transport error mapping', () => {
  it('retries a read on 5xx and succeeds', async () => {
    let n = 0;
    const { client, calls, logs } = scriptedClient(() =>
      ++n < 3 ? json(503, { error: { name: 'InternalServerError', code: 'INTERNAL_SERVER_ERROR', message: 'x' } }) : json(200, []),
    );
    await expect(client.listCurrencies()).resolves.toEqual([]);
    expect(calls.filter((call) => call === 'GET /api/v1/currencies')).toHaveLength(3);
    expect(logs.filter((log) => log.path === '/api/v1/currencies').map((log) => [log.attempt, log.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
  });

  it('gives up on a read after the bounded attempts with kind unavailable', async () => {
    const { client, calls } = scriptedClient(() => json(500, { error: { name: 'InternalServerError', code: 'INTERNAL_SERVER_ERROR', message: 'boom' } }));
    const error = await client.listCurrencies().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OctopusApiError);
    expect(error).toMatchObject({ kind: 'unavailable', status: 500, retryable: true });
    expect(calls.filter((call) => call === 'GET /api/v1/currencies')).toHaveLength(4);
  });

  it('does not retry a 4xx and carries the envelope and the response request id', async () => {
    const { client, calls } = scriptedClient(() =>
      json(404, { error: { name: 'NotFoundError', code: 'NOT_FOUND', message: 'Order not found' } }, { 'X-Request-Id': 'REQ123' }),
    );
    const error = await client.getTopupOrderById(1).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'not_found',
      status: 404,
      name: 'NotFoundError',
      code: 'NOT_FOUND',
      message: 'Order not found',
      requestId: 'REQ123',
      retryable: false,
    });
    expect(calls.filter((call) => call.startsWith('GET /api/v1/topups'))).toHaveLength(1);
  });

  it('rejects a response missing a required field, naming its path', async () => {
    const { client } = scriptedClient(() =>
      json(200, [
        { id: 1, name: 'US Dollar', currency: 'USD', precision: 2 },
        { id: 2, name: 'Euro', precision: 2, extra: 'ignored' },
      ]),
    );
    const error = await client.listCurrencies().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
    expect((error as Error).message).toContain('[1].currency');
  });

  it('reports a 5xx on a create as unknown and does not resend it', async () => {
    const { client, calls } = scriptedClient(() => json(502, { error: { name: 'BadGateway', code: 'BAD_GATEWAY', message: 'x' } }));
    const result = await client.createTopupOrder(ORDER_INPUT);
    expect(result.outcome).toBe('unknown');
    if (result.outcome === 'unknown') expect(result.error).toMatchObject({ kind: 'unknown', status: 502, retryable: true });
    expect(calls.filter((call) => call === 'POST /api/v1/topups/orders')).toHaveLength(1);
  });

  it('reports a dropped connection on a create as unknown', async () => {
    const { client } = scriptedClient(() => {
      throw new TypeError('fetch failed', { cause: new Error('other side closed') });
    });
    const result = await client.createTopupOrder(ORDER_INPUT);
    expect(result).toMatchObject({ outcome: 'unknown', error: { kind: 'unknown', code: 'NETWORK_ERROR', status: null } });
  });

  it('reports an unreadable 2xx on a create as unknown: the order exists', async () => {
    const { client } = scriptedClient(() => json(200, { id: 'not-a-number' }));
    const result = await client.createTopupOrder(ORDER_INPUT);
    expect(result).toMatchObject({ outcome: 'unknown', error: { kind: 'unknown', code: 'INVALID_RESPONSE' } });
  });

  it('separates duplicate references, insufficient funds and validation rejections', async () => {
    const bodies = [
      { name: 'BadRequestError', code: 'BAD_REQUEST', message: 'Duplicate client_reference' },
      { name: 'BadRequestError', code: 'INSUFFICIENT_FUNDS', message: 'Insufficient balance' },
      { name: 'ValidationException', code: 'VALIDATION_FAILURE', message: 'Amount is required' },
    ];
    let n = 0;
    const { client } = scriptedClient(() => json(400, { error: bodies[n++] }));
    const results = [
      await client.createTopupOrder(ORDER_INPUT),
      await client.createTopupOrder(ORDER_INPUT),
      await client.createTopupOrder(ORDER_INPUT),
    ];
    expect(results.map((result) => [result.outcome, result.outcome === 'accepted' ? null : result.error.kind])).toEqual([
      ['duplicate_reference', 'duplicate_reference'],
      ['rejected', 'insufficient_funds'],
      ['rejected', 'validation'],
    ]);
  });

  it('maps an accepted create to the domain order', async () => {
    const { client } = scriptedClient(() => json(200, TOPUP_ORDER));
    const result = await client.createTopupOrder(ORDER_INPUT);
    expect(result.outcome).toBe('accepted');
    if (result.outcome !== 'accepted') return;
    expect(result.order.amount.toString()).toBe('4.7405');
    expect(result.order.createdAt).toEqual(new Date('2026-05-19T14:30:00Z'));
    expect(result.order.clientReference).toBe('REF-1');
  });

  it('refuses a client_reference the API would refuse, without calling it', async () => {
    const { client, calls } = scriptedClient(() => json(200, TOPUP_ORDER));
    const result = await client.createTopupOrder({ ...ORDER_INPUT, clientReference: 'naïve\n' });
    expect(result).toMatchObject({ outcome: 'rejected', error: { kind: 'validation' } });
    expect(calls).toEqual([]);
  });

  it('never logs the credentials or tokens it sends', async () => {
    const { client, logs } = scriptedClient(() => json(200, []));
    await client.listCurrencies();
    const text = JSON.stringify(logs);
    expect(logs.length).toBe(2);
    expect(text).not.toContain('secret');
    expect(text).not.toContain(LOGIN.data.access_token);
    expect(logs[0]).toMatchObject({ method: 'POST', path: '/auth/login', status: 200, attempt: 1 });
    expect(logs[0]?.requestId).toMatch(/^[0-9A-Za-z]{27}$/);
  });
});

describe('pagination without headers', () => {
  it('keeps asking while pages come back full', async () => {
    const product = (id: number) => ({ id, name: `eSIM ${id}`, country_code: 'JPN', currency_code: 'USD' });
    const pages: Record<string, unknown[]> = { '1': [product(1), product(2)], '2': [product(3), product(4)], '3': [product(5)] };
    const { client, calls } = scriptedClient((url) => json(200, pages[url.searchParams.get('page') ?? ''] ?? []), { pageSize: 2 });
    const products = await client.listEsimProducts({ countryCode: 'JPN' });
    expect(products.map((p) => p.id)).toEqual([1, 2, 3, 4, 5]);
    expect(calls.filter((call) => call.startsWith('GET'))).toEqual([
      'GET /api/v1/esim/products?country_code=JPN&page=1&per_page=2',
      'GET /api/v1/esim/products?country_code=JPN&page=2&per_page=2',
      'GET /api/v1/esim/products?country_code=JPN&page=3&per_page=2',
    ]);
  });
});
