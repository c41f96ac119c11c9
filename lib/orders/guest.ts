import 'server-only';
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { describeWait, hitRateLimit } from '@/lib/auth/rate-limit';
import { cardPayments, orders, type Order, type User } from '@/db/schema';
import { env } from '@/lib/env';

function key(): Buffer {
  const secret = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is required for guest order links');
  return Buffer.from(hkdfSync('sha256', secret, 'octopus-storefront', 'guest-order-links', 32));
}

/**
 * The secret in a guest's order link: a keyed hash of the order id, so the same link can be
 * rebuilt for Stripe's return URL and the receipt mail, while the database keeps only its
 * SHA-256 (a dump of the table opens no order).
 */
export const guestTokenFor = (orderId: string): string => createHmac('sha256', key()).update(`guest-order:${orderId}`).digest('base64url');

export const hashGuestToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Whether a link's token opens this guest order (constant-time comparison of the hashes). */
export function guestTokenOpens(order: Pick<Order, 'guestTokenHash'>, token: string | undefined | null): boolean {
  if (!order.guestTokenHash || !token || token.length > 100) return false;
  const given = Buffer.from(hashGuestToken(token), 'hex');
  const stored = Buffer.from(order.guestTokenHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The path of a guest's order page, with its access token. */
export const guestOrderPath = (orderId: string) => `/orders/${orderId}?access=${guestTokenFor(orderId)}`;

/**
 * Gives a customer the guest orders placed with their email, once that email is verified (call
 * it in the transaction that marks it verified). Returns how many orders joined the account.
 */
export async function attachGuestOrders(tx: Transaction, user: Pick<User, 'id' | 'email' | 'emailVerified'>): Promise<number> {
  if (!user.emailVerified) return 0;
  const joined = await tx
    .update(orders)
    .set({ userId: user.id, updatedAt: new Date() })
    .where(and(isNull(orders.userId), sql`lower(${orders.guestEmail}) = lower(${user.email})`))
    .returning({ id: orders.id });
  for (const order of joined) {
    await tx.update(cardPayments).set({ userId: user.id }).where(and(eq(cardPayments.orderId, order.id), isNull(cardPayments.userId)));
  }
  return joined.length;
}

/** Guest checkouts allowed per client address and per email address, each per hour. */
export const GUEST_CHECKOUTS_PER_CLIENT = 10;
export const GUEST_CHECKOUTS_PER_EMAIL = 5;

/**
 * Counts one guest checkout against the caller's address and the email given. Returns a
 * message for the customer when either limit is reached, else null.
 */
export async function checkGuestCheckoutLimits(db: Database, client: string, email: string): Promise<string | null> {
  const perClient = await hitRateLimit(db, `guest-checkout:client:${client}`, GUEST_CHECKOUTS_PER_CLIENT, 3600);
  const perEmail = await hitRateLimit(db, `guest-checkout:email:${email.toLowerCase()}`, GUEST_CHECKOUTS_PER_EMAIL, 3600);
  const blocked = [perClient, perEmail].filter((result) => !result.allowed);
  if (blocked.length === 0) return null;
  const wait = Math.max(...blocked.map((result) => result.retryAfterSeconds));
  return `Too many guest orders from here. Try again in ${describeWait(wait)}, or sign in to buy.`;
}
