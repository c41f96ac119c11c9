import { receiveStripeWebhook } from '@/lib/payments/webhook';

export const dynamic = 'force-dynamic';

/** Stripe's signed events (checkout sessions, refunds). See lib/payments/webhook.ts. */
export async function POST(request: Request) {
  return receiveStripeWebhook(request);
}
