import 'server-only';
import { errorFromResponse, exchange, decode, type FetchLike } from './http';
import { authTokensSchema } from './schemas';

export type ConnectionCheck =
  | { ok: true; host: string; clientId: number | null; latencyMs: number }
  | { ok: false; host: string; message: string; latencyMs: number };

/**
 * Logs in with the configured credentials, apart from the shared client's tokens, and reports
 * where we are connected and as which client. Never returns the key, the secret or a token.
 */
export async function checkConnection(config: { baseUrl: string; apiKey: string; apiSecret: string; timeoutMs: number; fetch?: FetchLike }): Promise<ConnectionCheck> {
  const host = new URL(config.baseUrl).host;
  const http = { baseUrl: config.baseUrl, fetch: config.fetch ?? ((input: string, init: RequestInit) => fetch(input, init)), logger: null };
  const request = { method: 'POST' as const, path: '/auth/login' };
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const response = await exchange(http, {
      ...request,
      body: { username: config.apiKey, password: config.apiSecret },
      timeoutMs: config.timeoutMs,
      attempt: 1,
    });
    if (response.status < 200 || response.status >= 300) {
      return { ok: false, host, message: errorFromResponse(request, response).message, latencyMs: latency() };
    }
    const tokens = decode(authTokensSchema, response, request);
    return { ok: true, host, clientId: tokens.client_id ?? null, latencyMs: latency() };
  } catch (error) {
    return { ok: false, host, message: error instanceof Error ? error.message : String(error), latencyMs: latency() };
  }
}
