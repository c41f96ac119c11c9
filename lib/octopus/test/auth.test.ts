import { describe, expect, it } from 'vitest';
import { OctopusApiError } from '../errors';
import { eventually, testClient, setupSandbox } from '@/test/helpers/sandbox';

/** The token lifecycle, judged by what the sandbox itself saw. */
const env = setupSandbox();

async function authCalls() {
  const requests = await env.control.requests();
  const on = (path: string) => requests.filter((r) => r.path === path);
  return {
    logins: on('/auth/login'),
    refreshes: on('/auth/refresh'),
    rejectedApiCalls: requests.filter((r) => r.path.startsWith('/api/') && r.status === 401),
  };
}

describe('token lifecycle', () => {
  it('logs in on first use and reuses the token', async () => {
    const { client } = testClient(env.sandbox.url);
    await client.listCurrencies();
    await client.listCountries();
    await client.listWallets();
    const { logins, refreshes } = await authCalls();
    expect(logins.map((r) => r.status)).toEqual([200]);
    expect(refreshes).toHaveLength(0);
  });

  it('makes fifty concurrent first calls share one login', async () => {
    const { client } = testClient(env.sandbox.url);
    const results = await Promise.all(Array.from({ length: 50 }, () => client.listCurrencies()));
    expect(results).toHaveLength(50);
    const { logins } = await authCalls();
    expect(logins).toHaveLength(1);
    expect((await env.control.requests({ path: '/api/v1/currencies' })).every((r) => r.status === 200)).toBe(true);
  });

  it('refreshes before expiry, using each rotated refresh token once, without a 401', async () => {
    await env.control.setConfig({ accessTokenTtlSeconds: 3 });
    const { client } = testClient(env.sandbox.url);
    // Traffic until two refreshes went through: the second proves the rotated token was kept.
    await eventually(
      async () => {
        await client.listCurrencies();
        const { refreshes } = await authCalls();
        return refreshes.length >= 2 ? true : undefined;
      },
      12_000,
      50,
    );
    const { logins, refreshes, rejectedApiCalls } = await authCalls();
    expect(logins).toHaveLength(1);
    expect(refreshes.every((r) => r.status === 200)).toBe(true);
    expect(rejectedApiCalls).toHaveLength(0);
  });

  it('recovers when every token expires mid-traffic, with one login for all callers', async () => {
    const { client } = testClient(env.sandbox.url);
    await client.listCurrencies();
    await env.control.expireTokens();
    await env.control.clearRequests();

    const results = await Promise.all(Array.from({ length: 20 }, () => client.listCountries()));
    expect(results.every((countries) => countries.length > 0)).toBe(true);
    const { logins, refreshes, rejectedApiCalls } = await authCalls();
    // The refresh token died too: one refused refresh, then one login, shared by all twenty calls.
    expect(refreshes.map((r) => r.status)).toEqual([401]);
    expect(logins.map((r) => r.status)).toEqual([200]);
    expect(rejectedApiCalls.length).toBeGreaterThan(0);
  });

  it('renews with the refresh token when only access tokens expire', async () => {
    const { client } = testClient(env.sandbox.url);
    await client.listCurrencies();
    await env.control.expireTokens(['access']);
    await env.control.clearRequests();

    await Promise.all(Array.from({ length: 10 }, () => client.listCurrencies()));
    const { logins, refreshes } = await authCalls();
    expect(refreshes.map((r) => r.status)).toEqual([200]);
    expect(logins).toHaveLength(0);
  });

  it('reports refused credentials as unauthorized without retrying them', async () => {
    const { client } = testClient(env.sandbox.url, { apiSecret: 'wrong-secret' });
    const error = await client.listCurrencies().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OctopusApiError);
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, code: 'UNAUTHORIZED', retryable: false });
    expect((error as Error).message).not.toContain('wrong-secret');
    const { logins } = await authCalls();
    expect(logins).toHaveLength(1);
  });

  it('keeps separate clients (as separate processes would) working side by side', async () => {
    const a = testClient(env.sandbox.url);
    const b = testClient(env.sandbox.url);
    await a.client.listCurrencies();
    await b.client.listCurrencies();
    await a.client.listCountries();
    const { logins, rejectedApiCalls } = await authCalls();
    expect(logins).toHaveLength(2);
    expect(rejectedApiCalls).toHaveLength(0);
  });
});
