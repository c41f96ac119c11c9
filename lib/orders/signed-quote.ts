import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { keyFromAuthSecret } from '@/lib/crypto';

/**
 * The price a customer confirmed, signed by the server so Pay can trust it without asking the
 * supplier again: HMAC-SHA256 (key derived from AUTH_SECRET) over what was priced (product,
 * option, amount, quantity, input, store currency) and the price itself (retail, listed,
 * wholesale, markup, wallet), with an expiry. Within QUOTE_TTL_MS Pay charges exactly these
 * figures; after it, Pay quotes the supplier again. A quote that does not verify is refused.
 */
export const QUOTE_TTL_MS = 2 * 60_000;
const VERSION = 'q1';

export type QuotePayload = {
  productId: string;
  variantId: string;
  /** What was priced, from the validated form: face amount, quantity, input (keys sorted). */
  face: string;
  quantity: number;
  input: Record<string, string>;
  storeCurrency: string;
  retail: string;
  listed: string | null;
  wholesale: string;
  markupPercent: string;
  walletId: number;
  /** The checkout it was shown in: one quote per review. */
  checkoutToken: string;
  /** Epoch milliseconds after which the supplier is asked again. */
  expiresAt: number;
};

const key = () => keyFromAuthSecret('checkout-quotes');

const mac = (body: string) => createHmac('sha256', key()).update(`${VERSION}.${body}`).digest();

/** Input keys in one order, so the same input always signs to the same bytes. */
export const canonicalInput = (input: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(input).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function signQuote(
  payload: Omit<QuotePayload, 'expiresAt' | 'input'> & {
    input: Record<string, string>;
  },
  now = Date.now(),
): string {
  const full: QuotePayload = {
    ...payload,
    input: canonicalInput(payload.input),
    expiresAt: now + QUOTE_TTL_MS,
  };
  const body = Buffer.from(JSON.stringify(full)).toString('base64url');
  return `${VERSION}.${body}.${mac(body).toString('base64url')}`;
}

export type QuoteCheck = { kind: 'valid'; payload: QuotePayload } | { kind: 'expired'; payload: QuotePayload } | { kind: 'invalid' };

/** Verifies the signature (constant time) before reading anything in the payload. */
export function verifyQuote(token: string, now = Date.now()): QuoteCheck {
  const [version, body, signature, ...rest] = token.split('.');
  if (version !== VERSION || !body || !signature || rest.length > 0 || token.length > 8_000) return { kind: 'invalid' };
  const expected = mac(body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'invalid' };
  let payload: QuotePayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as QuotePayload;
  } catch {
    return { kind: 'invalid' };
  }
  return payload.expiresAt > now ? { kind: 'valid', payload } : { kind: 'expired', payload };
}
