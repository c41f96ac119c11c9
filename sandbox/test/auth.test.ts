/** Token lifecycle: rotation, reuse, logout, expiry on the sandbox clock, forced expiry. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './helpers';
import { startSandbox } from '../server';
import { Api, boot, expectError, FAST } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await boot();
});
afterAll(() => h.sandbox.close());
beforeEach(async () => {
  await h.control.reset();
  await h.api.login();
});

const login = async () => (await h.api.post('/auth/login', { username: 'sandbox_demo_key', password: 'sandbox_demo_secret' }, { token: null })).body.data;
const refresh = (token: string) => h.api.post('/auth/refresh', { refresh_token: token }, { token: null });
const read = (token: string) => h.api.get('/api/v1/wallets', { token });

describe('refresh tokens', () => {
  it('are one-time: the new pair works, the old refresh token is 401', async () => {
    const first = await login();
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect((await read(second.body.data.access_token)).status).toBe(200);
    expectError(await refresh(first.refresh_token), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Invalid refresh token');
    const third = await refresh(second.body.data.refresh_token);
    expect(third.status).toBe(200);
    expect((await read(first.access_token)).status).toBe(200);
  });

  it('cannot be used as a Bearer token, and an access token cannot refresh', async () => {
    const pair = await login();
    expectError(await read(pair.refresh_token), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Invalid token');
    expectError(await refresh(pair.access_token), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Invalid refresh token');
    expectError(await refresh('garbage'), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Invalid refresh token');
  });

  it('a tampered token is rejected', async () => {
    const pair = await login();
    const [header, payload, signature] = pair.access_token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 9999 })).toString('base64url')}.${signature}`;
    expectError(await read(forged), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Invalid token');
  });
});

describe('logout', () => {
  it('revokes every access and refresh token of the client', async () => {
    const a = await login();
    const b = await login();
    const out = await h.api.post('/auth/logout', undefined, { token: a.access_token });
    expect(out.status).toBe(200);
    for (const token of [a.access_token, b.access_token]) expectError(await read(token), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Invalid token');
    for (const token of [a.refresh_token, b.refresh_token]) expect((await refresh(token)).status).toBe(401);
    expectError(await h.api.post('/auth/logout', undefined, { token: null }), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Authorization header required');
    const fresh = await login();
    expect((await read(fresh.access_token)).status).toBe(200);
  });
});

describe('expiry', () => {
  it('access tokens expire after their lifetime on the sandbox clock; refresh still works', async () => {
    const pair = await login();
    await h.control.advanceClock(3599_000);
    expect((await read(pair.access_token)).status).toBe(200);
    await h.control.advanceClock(2000);
    expectError(await read(pair.access_token), 401, 'UnauthorizedError', 'UNAUTHORIZED', 'Invalid token');
    const next = await refresh(pair.refresh_token);
    expect(next.status).toBe(200);
    expect(Date.parse(next.body.data.access_expires_at)).toBeGreaterThan(Date.parse(pair.access_expires_at));
  });

  it('refresh tokens expire after seven days', async () => {
    const pair = await login();
    await h.control.advanceClock(7 * 24 * 3600 * 1000 + 1000);
    expect((await refresh(pair.refresh_token)).status).toBe(401);
  });

  it('the control API can expire every token at once, or only access tokens', async () => {
    const pair = await login();
    const { expired } = await h.control.expireTokens(['access']);
    expect(expired).toBeGreaterThan(0);
    expect((await read(pair.access_token)).status).toBe(401);
    const next = await refresh(pair.refresh_token);
    expect(next.status).toBe(200);
    await h.control.expireTokens();
    expect((await read(next.body.data.access_token)).status).toBe(401);
    expect((await refresh(next.body.data.refresh_token)).status).toBe(401);
  });

  it('lifetimes are configurable', async () => {
    const short = await boot({ accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 120 });
    try {
      const pair = (await short.api.post('/auth/login', { username: 'sandbox_demo_key', password: 'sandbox_demo_secret' }, { token: null })).body.data;
      expect(Date.parse(pair.access_expires_at) - Date.now()).toBeLessThanOrEqual(61_000);
      await short.control.advanceClock(61_000);
      expect((await short.api.get('/api/v1/wallets', { token: pair.access_token })).status).toBe(401);
    } finally {
      await short.sandbox.close();
    }
  });
});

describe('credentials and allowlist', () => {
  it('custom credentials are honoured', async () => {
    const sandbox = await startSandbox({ ...FAST, apiKey: 'my_key', apiSecret: 'my_secret' });
    try {
      const api = new Api(sandbox.url);
      expect((await api.post('/auth/login', { username: 'sandbox_demo_key', password: 'sandbox_demo_secret' }, { token: null })).status).toBe(401);
      expect((await api.post('/auth/login', { username: 'my_key', password: 'my_secret' }, { token: null })).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('an IP allowlist that excludes the caller answers 403 everywhere, login included', async () => {
    await h.control.setConfig({ ipAllowlist: ['10.0.0.0/8'] });
    expectError(await read(h.api.token ?? ''), 403, 'ForbiddenError', 'FORBIDDEN', 'IP address not authorized');
    expectError(await h.api.post('/auth/login', { username: 'sandbox_demo_key', password: 'sandbox_demo_secret' }, { token: null }), 403, 'ForbiddenError', 'FORBIDDEN', 'IP address not authorized');
    await h.control.setConfig({ ipAllowlist: ['127.0.0.0/8', '::1'] });
    expect((await read(h.api.token ?? '')).status).toBe(200);
  });

  it('login is rate limited per the sandbox default (30 per minute)', async () => {
    const limited = await boot({ rateLimits: {} });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        statuses.push((await limited.api.post('/auth/login', { username: 'sandbox_demo_key', password: 'sandbox_demo_secret' }, { token: null })).status);
      }
      // boot() already logged in once.
      expect(statuses.filter((s) => s === 200)).toHaveLength(29);
      expect(statuses.slice(29)).toEqual([429, 429]);
    } finally {
      await limited.sandbox.close();
    }
  });
});
