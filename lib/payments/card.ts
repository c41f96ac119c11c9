import 'server-only';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { cardPayments, cardRefunds, type CardPayment, type CardRefund } from '@/db/schema';
import { raiseAlert } from '@/lib/alerts';
import { logger } from '@/lib/logger';
import { isStripeError, stripe, type Stripe } from './stripe';

/** The name of the refund job (lib/jobs/index.ts), to wake it when a refund is written. */
export const CARD_REFUND_JOB = 'card-refunds';
/** A refund call without an answer is tried again after this, then longer (same idempotency key). */
const REFUND_RETRY_SECONDS = [5, 30, 120, 600, 1800];

export class CheckoutUnavailableError extends Error {
  constructor(cause: unknown) {
    super('Card payments are not reachable right now. Please try again in a moment.', { cause });
    this.name = 'CheckoutUnavailableError';
  }
}

/** What the line on Stripe's page says. */
export type CheckoutLine = { name: string; description?: string };

/**
 * Creates (or, with the same idempotency key, finds again) the Checkout Session of a payment
 * and stores its id and URL. The body is built only from the stored row, so a retry after a
 * lost answer sends the same request and Stripe answers with the same session.
 */
export async function ensureCheckoutSession(db: Database, payment: CardPayment, line: CheckoutLine): Promise<CardPayment> {
  if (payment.checkoutSessionId && payment.checkoutUrl) return payment;
  const metadata: Record<string, string> = { payment_id: payment.id, purpose: payment.purpose };
  if (payment.orderId) metadata.order_id = payment.orderId;
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe().checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: payment.currency.toLowerCase(),
              unit_amount: payment.amountMinor,
              product_data: { name: line.name, ...(line.description ? { description: line.description } : {}) },
            },
          },
        ],
        client_reference_id: payment.orderId ?? payment.id,
        metadata,
        payment_intent_data: { metadata },
        ...(payment.email ? { customer_email: payment.email } : {}),
        expires_at: Math.floor(payment.expiresAt.getTime() / 1000),
        success_url: payment.successUrl,
        cancel_url: payment.cancelUrl,
      },
      { idempotencyKey: `checkout:${payment.id}` },
    );
  } catch (error) {
    logger.warn({ payment: payment.id, err: error }, 'checkout session create failed');
    throw new CheckoutUnavailableError(error);
  }
  const [updated] = await db
    .update(cardPayments)
    .set({
      checkoutSessionId: session.id,
      checkoutUrl: session.url,
      status: sql`case when ${cardPayments.status} = 'created' then 'open' else ${cardPayments.status} end`,
      updatedAt: new Date(),
    })
    .where(eq(cardPayments.id, payment.id))
    .returning();
  return updated!;
}

export const retrieveCheckoutSession = (sessionId: string) => stripe().checkout.sessions.retrieve(sessionId);

/**
 * Ends an open session (the customer cancelled). A session that completed meanwhile cannot be
 * expired: then its current state is returned, so a payment made in another tab still counts.
 */
export async function expireCheckoutSession(sessionId: string): Promise<Stripe.Checkout.Session> {
  try {
    return await stripe().checkout.sessions.expire(sessionId);
  } catch (error) {
    if (isStripeError(error) && error.type === 'StripeInvalidRequestError') return retrieveCheckoutSession(sessionId);
    throw error;
  }
}

/** The captured payment of a completed session: its PaymentIntent id. */
export const paymentIntentOf = (session: Stripe.Checkout.Session): string | null =>
  typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);

/** Paid for our purposes: complete, and the money captured (cards are never "unpaid" at completion). */
export const isSessionPaid = (session: Stripe.Checkout.Session) =>
  session.status === 'complete' && (session.payment_status === 'paid' || session.payment_status === 'no_payment_required');

/** Stripe's refund object, recorded: its id and status; a failed or canceled refund alerts operators. */
export async function recordRefundAnswer(db: Database, refund: Stripe.Refund, row?: CardRefund): Promise<void> {
  const status = (['pending', 'requires_action', 'succeeded', 'failed', 'canceled'] as const).find((known) => known === refund.status) ?? 'pending';
  const [updated] = await db
    .update(cardRefunds)
    .set({ stripeRefundId: refund.id, status, lastError: refund.failure_reason ?? null, updatedAt: new Date() })
    .where(row ? eq(cardRefunds.id, row.id) : eq(cardRefunds.stripeRefundId, refund.id))
    .returning();
  if (updated && (status === 'failed' || status === 'canceled')) await alertRefundRefused(db, updated, refund.failure_reason ?? status);
}

async function alertRefundRefused(db: Database, refund: CardRefund, reason: string) {
  await raiseAlert(db, {
    key: `refund_refused:${refund.id}`,
    kind: 'refund_refused',
    message: `A card refund of ${refund.amount} ${refund.currency} was not accepted by Stripe (${reason}). Refund the customer another way.`,
    details: { orderId: refund.orderId, refundId: refund.id, stripeRefundId: refund.stripeRefundId, reason },
  });
}

/**
 * Sends refunds that Stripe has not answered yet, each with its own idempotency key, so a call
 * whose answer was lost is repeated safely. Rows are claimed with SKIP LOCKED and pushed into the
 * future first, so two processes never send the same refund at the same moment.
 */
export async function sendDueRefunds(db: Database, limit = 10): Promise<number> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: cardRefunds.id })
      .from(cardRefunds)
      .where(and(eq(cardRefunds.status, 'to_send'), lte(cardRefunds.nextAttemptAt, sql`now()`)))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(cardRefunds)
      .set({ attempts: sql`${cardRefunds.attempts} + 1`, nextAttemptAt: sql`now() + interval '60 seconds'` })
      .where(inArray(cardRefunds.id, due.map((row) => row.id)))
      .returning();
  });
  for (const refund of claimed) await sendRefund(db, refund);
  return claimed.length;
}

async function sendRefund(db: Database, refund: CardRefund) {
  const [payment] = await db.select().from(cardPayments).where(eq(cardPayments.id, refund.paymentId));
  if (!payment?.paymentIntentId) throw new Error(`Refund ${refund.id} has no captured payment`);
  try {
    const answer = await stripe().refunds.create(
      {
        payment_intent: payment.paymentIntentId,
        amount: refund.amountMinor,
        metadata: { refund_id: refund.id, ...(refund.orderId ? { order_id: refund.orderId } : {}) },
      },
      { idempotencyKey: refund.idempotencyKey },
    );
    await recordRefundAnswer(db, answer, refund);
    logger.info({ refund: refund.id, stripeRefund: answer.id, status: answer.status }, 'card refund sent');
  } catch (error) {
    // Stripe answered and said no (already refunded, amount too large...): retrying cannot help.
    const refused = isStripeError(error) && (error.type === 'StripeInvalidRequestError' || error.type === 'StripeCardError');
    const message = error instanceof Error ? error.message : String(error);
    if (refused) {
      const [updated] = await db
        .update(cardRefunds)
        .set({ status: 'refused', lastError: message, updatedAt: new Date() })
        .where(eq(cardRefunds.id, refund.id))
        .returning();
      await alertRefundRefused(db, updated!, message);
      return;
    }
    const wait = REFUND_RETRY_SECONDS[Math.min(refund.attempts - 1, REFUND_RETRY_SECONDS.length - 1)]!;
    logger.warn({ refund: refund.id, attempt: refund.attempts, err: error }, 'card refund call failed; will retry with the same key');
    await db
      .update(cardRefunds)
      .set({ lastError: message, nextAttemptAt: new Date(Date.now() + wait * 1000), updatedAt: new Date() })
      .where(eq(cardRefunds.id, refund.id));
  }
}
