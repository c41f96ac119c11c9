import 'server-only';
import Stripe from 'stripe';
import { env } from '@/lib/env';

let client: Stripe | undefined;

/**
 * The one Stripe client (official SDK, server only). With STRIPE_API_URL it talks to that base
 * URL (the bundled stand-in by default) through the SDK's host/port/protocol options.
 */
export function stripe(): Stripe {
  if (client) return client;
  const config = env();
  const base = config.STRIPE_API_URL ? new URL(config.STRIPE_API_URL) : undefined;
  client = new Stripe(config.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)),
          protocol: base.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
  return client;
}

/** Checks the Stripe-Signature header over the raw body; throws on a forged or stale one. */
export function verifyStripeEvent(rawBody: string, signature: string | null): Stripe.Event {
  if (!signature) throw new Error('Missing Stripe-Signature header');
  return stripe().webhooks.constructEvent(rawBody, signature, env().STRIPE_WEBHOOK_SECRET);
}

export const isStripeError = (error: unknown): error is Stripe.errors.StripeError => error instanceof Stripe.errors.StripeError;

export type { Stripe };
