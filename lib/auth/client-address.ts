/**
 * The bucket that per-client rate limits count a request in.
 *
 * Next 16 exposes no socket address to app code: it only fills `X-Forwarded-For` with the socket
 * address when the request arrives without one, so the header a client sends itself reaches us
 * unchanged. Without trusted proxies every request therefore shares this one bucket.
 */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The client's address as the outermost of `trustedProxies` proxies saw it: each appends the
 * address it received the request from to X-Forwarded-For, so the entry that many places from
 * the right is the first one no client could write. X-Real-IP counts when no proxy forwarded.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  if (trustedProxies < 1) return UNKNOWN_CLIENT;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length > 0) return forwarded[Math.max(0, forwarded.length - trustedProxies)]!;
  return headers.get('x-real-ip')?.trim() || UNKNOWN_CLIENT;
}
