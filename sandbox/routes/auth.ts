/** /auth/login, /auth/refresh, /auth/logout: `{success, data}` envelopes, rotating refresh tokens. */
import { rfc3339 } from '../lib/clock';
import { ok, unauthorized, validationError } from '../lib/http';
import type { SandboxCore } from '../engine/core';
import type { Route } from '../engine/router';
import type { TokenPair } from '../engine/tokens';

function pairJson(pair: TokenPair, clientId: number) {
  return {
    success: true,
    data: {
      access_token: pair.access_token,
      refresh_token: pair.refresh_token,
      access_expires_at: rfc3339(pair.access_expires_at),
      refresh_expires_at: rfc3339(pair.refresh_expires_at),
      client_id: clientId,
    },
  };
}

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw validationError('Invalid request body');
  return body as Record<string, unknown>;
}

export function authRoutes(core: SandboxCore): Route[] {
  const issue = (clientId: number) =>
    core.tokens.issue(
      clientId,
      core.now(),
      core.config.accessTokenTtlSeconds * 1000,
      core.config.refreshTokenTtlSeconds * 1000,
    );

  return [
    {
      method: 'POST',
      pattern: '/auth/login',
      rate: 'login',
      auth: false,
      handle: ({ body }) => {
        const { username, password } = objectBody(body);
        if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) {
          throw validationError('Username and password are required');
        }
        if (username !== core.config.apiKey || password !== core.config.apiSecret) {
          throw unauthorized('Invalid credentials');
        }
        return ok(pairJson(issue(core.config.clientId), core.config.clientId));
      },
    },
    {
      method: 'POST',
      pattern: '/auth/refresh',
      rate: 'refresh',
      auth: false,
      handle: ({ body }) => {
        const { refresh_token: token } = objectBody(body);
        if (typeof token !== 'string' || !token) throw validationError('Refresh token is required');
        const clientId = core.tokens.consumeRefresh(token, core.now());
        if (clientId === undefined) throw unauthorized('Invalid refresh token');
        return ok(pairJson(issue(clientId), clientId));
      },
    },
    {
      method: 'POST',
      pattern: '/auth/logout',
      rate: 'other',
      auth: true,
      handle: ({ clientId }) => {
        core.tokens.revokeAll(clientId);
        return ok({ success: true, data: { message: 'Successfully logged out' } });
      },
    },
  ];
}
