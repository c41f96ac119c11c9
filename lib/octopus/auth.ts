import 'server-only';
import { OctopusApiError } from './errors';
import { decode, errorFromResponse, exchange, type HttpOptions } from './http';
import { authTokensSchema } from './schemas';

/*
 * Token lifecycle for one process (several processes each hold their own tokens; the API allows
 * that). Log in on first use; refresh in the background shortly before the access token expires,
 * with the one-time refresh token; one login or refresh at a time however many callers wait;
 * when a refresh is refused, log in again.
 */

export interface TokenManagerOptions {
  http: HttpOptions;
  apiKey: string;
  apiSecret: string;
  timeoutMs: number;
  /** How long before expiry to refresh; capped at a quarter of the token's lifetime. */
  refreshMarginMs: number;
}

export interface TokenManager {
  /** A usable access token, logging in or refreshing first when needed. */
  getAccessToken(): Promise<string>;
  /** The API refused `token` (401): stop using it; the next getAccessToken renews. */
  invalidate(token: string): void;
}

interface TokenSet {
  accessToken: string;
  /** Local clock times, in ms. */
  obtainedAt: number;
  accessExpiresAt: number;
  refreshToken: string | null;
  refreshExpiresAt: number | null;
}

/** A token this close to expiry may lapse in transit; treat it as expired (less for short-lived tokens). */
const EXPIRY_SKEW_MS = 1_000;
/** After a failed background refresh, leave the still-valid token alone for a while. */
const BACKGROUND_RETRY_MS = 5_000;

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  let tokens: TokenSet | null = null;
  let renewal: Promise<TokenSet> | null = null;
  let backgroundBlockedUntil = 0;

  const renew = (): Promise<TokenSet> => {
    renewal ??= obtain().finally(() => {
      renewal = null;
    });
    return renewal;
  };

  async function obtain(): Promise<TokenSet> {
    const refreshToken = tokens?.refreshToken;
    const refreshUsable =
      refreshToken && (tokens?.refreshExpiresAt == null || Date.now() < tokens.refreshExpiresAt - EXPIRY_SKEW_MS);
    if (refreshToken && refreshUsable) {
      // One-time token: whatever happens next, it must not be sent twice.
      if (tokens) tokens = { ...tokens, refreshToken: null };
      try {
        return store(await call('/auth/refresh', { refresh_token: refreshToken }));
      } catch {
        // Refused, expired, revoked or lost in transit: a fresh login recovers from all of them.
      }
    }
    return store(await call('/auth/login', { username: options.apiKey, password: options.apiSecret }));
  }

  async function call(path: '/auth/login' | '/auth/refresh', body: Record<string, string>) {
    const request = { method: 'POST' as const, path };
    const response = await exchange(options.http, { ...request, body, timeoutMs: options.timeoutMs, attempt: 1 });
    if (response.status < 200 || response.status >= 300) {
      const error = errorFromResponse(request, response);
      // A 400 on login means the credentials are unusable, not that the request was malformed.
      if (path === '/auth/login' && error.status !== null && error.status < 500 && error.status !== 429) {
        throw new OctopusApiError({
          kind: 'unauthorized',
          status: error.status,
          code: error.code,
          name: error.name,
          message: `Octopus login failed: ${error.message}`,
          requestId: error.requestId,
          method: error.method,
          path: error.path,
        });
      }
      throw error;
    }
    return decode(authTokensSchema, response, request);
  }

  function store(wire: {
    access_token: string;
    refresh_token: string;
    access_expires_at: Date;
    refresh_expires_at?: Date | null;
  }): TokenSet {
    tokens = {
      accessToken: wire.access_token,
      obtainedAt: Date.now(),
      accessExpiresAt: wire.access_expires_at.getTime(),
      refreshToken: wire.refresh_token,
      refreshExpiresAt: wire.refresh_expires_at?.getTime() ?? null,
    };
    return tokens;
  }

  const lifetimeOf = (set: TokenSet) => Math.max(0, set.accessExpiresAt - set.obtainedAt);
  const expirySkew = (set: TokenSet) => Math.min(EXPIRY_SKEW_MS, lifetimeOf(set) / 10);
  const refreshDueAt = (set: TokenSet) => set.accessExpiresAt - Math.min(options.refreshMarginMs, lifetimeOf(set) / 4);

  return {
    async getAccessToken() {
      const current = tokens;
      const now = Date.now();
      if (current && current.accessToken && now < current.accessExpiresAt - expirySkew(current)) {
        if (now >= refreshDueAt(current) && !renewal && now >= backgroundBlockedUntil) {
          renew().catch(() => {
            backgroundBlockedUntil = Date.now() + BACKGROUND_RETRY_MS;
          });
        }
        return current.accessToken;
      }
      return (await renew()).accessToken;
    },

    invalidate(token) {
      // Only the first of many concurrent 401s for the same token triggers a renewal.
      if (tokens && tokens.accessToken === token) {
        tokens = { ...tokens, accessToken: '', accessExpiresAt: 0 };
      }
    },
  };
}
