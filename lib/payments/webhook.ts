import 'server-only';
import { logger } from '@/lib/logger';
import { getOrderContext, type OrderContext } from '@/lib/orders/context';
import { handleStripeEvent } from '@/lib/orders/card-payment';
import { verifyStripeEvent } from './stripe';

/**
 * POST /api/webhooks/stripe. The signature is checked over the raw body, exactly as received;
 * a forged or stale one (older than the SDK's 300-second tolerance) gets 400 and changes
 * nothing. A verified event is acted on before answering: every handler is idempotent, so
 * Stripe's retries and duplicates are harmless, and a failure answers 500 so Stripe retries.
 */
export async function receiveStripeWebhook(request: Request, context?: OrderContext): Promise<Response> {
  const rawBody = await request.text();
  let event;
  try {
    event = verifyStripeEvent(rawBody, request.headers.get('stripe-signature'));
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'stripe webhook refused');
    return Response.json({ error: 'Invalid signature' }, { status: 400 });
  }
  try {
    await handleStripeEvent(context ?? (await getOrderContext()), event);
  } catch (error) {
    logger.error({ event: event.id, type: event.type, err: error }, 'stripe webhook handling failed');
    return Response.json({ error: 'Could not process the event now' }, { status: 500 });
  }
  return Response.json({ received: true });
}
