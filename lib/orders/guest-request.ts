import 'server-only';
import { getDb } from '@/db';
import { clientAddress } from '@/lib/auth/client-address';
import { env } from '@/lib/env';
import { checkGuestCheckoutLimits } from './guest';

/** Counts a guest checkout from this request; a message when the client or the email is over its limit. */
export async function guestCheckoutAllowed(headers: Headers, email: string): Promise<string | null> {
  return checkGuestCheckoutLimits(await getDb(), clientAddress(headers, env().TRUST_PROXY), email);
}

/**
 * The store's public origin for Stripe's return URLs: PUBLIC_URL, never the request's Host
 * header (which a client controls).
 */
export function requestOrigin(): string {
  return env().PUBLIC_URL;
}
