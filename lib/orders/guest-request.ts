import 'server-only';
import { getDb } from '@/db';
import { clientAddress } from '@/lib/auth/client-address';
import { env } from '@/lib/env';
import { checkGuestCheckoutLimits } from './guest';

/** Counts a guest checkout from this request; a message when the client or the email is over its limit. */
export async function guestCheckoutAllowed(headers: Headers, email: string): Promise<string | null> {
  return checkGuestCheckoutLimits(await getDb(), clientAddress(headers, env().TRUST_PROXY), email);
}

/** This request's own origin, for Stripe's return URLs (the Host the customer used). */
export function requestOrigin(headers: Headers): string {
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost';
  const proto = headers.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}
