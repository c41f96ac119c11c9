import 'server-only';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { cardPayments, cardRefunds, orderEvents, orders, type CardPayment, type Order } from '@/db/schema';
import { wakeJob } from '@/lib/jobs/runner';
import { creditCustomer } from '@/lib/ledger';
import { logger } from '@/lib/logger';
import { formatMoney } from '@/lib/money';
import {
  CARD_REFUND_JOB,
  ensureCheckoutSession,
  expireCheckoutSession,
  isSessionPaid,
  paymentIntentOf,
  recordRefundAnswer,
  retrieveCheckoutSession,
} from '@/lib/payments/card';
import type { Stripe } from '@/lib/payments/stripe';
import type { OrderContext } from './context';
import { submitOrder } from './fulfilment';

export type SettleSource = 'webhook' | 'return' | 'sweeper' | 'cancel';

export type SettleOutcome = {
  payment: CardPayment | undefined;
  /** This call confirmed the payment (false when someone had already, or it is not paid). */
  confirmed: boolean;
  /** The order this call moved to SUBMITTING: send it to the supplier now. */
  submit: string | null;
  refundWritten: boolean;
};

const eventSource = 'payment' as const;

async function findPaymentForSession(tx: Transaction, session: Stripe.Checkout.Session): Promise<CardPayment | undefined> {
  const byId = session.metadata?.payment_id;
  const [payment] = await tx
    .select()
    .from(cardPayments)
    .where(byId ? or(eq(cardPayments.checkoutSessionId, session.id), eq(cardPayments.id, byId)) : eq(cardPayments.checkoutSessionId, session.id))
    .for('update');
  return payment;
}

/**
 * Applies what Stripe says about a Checkout Session, whoever says it first (the signed webhook,
 * the customer's return, the sweeper). The payment row is locked, so the first to see it paid
 * moves the order to SUBMITTING (or credits the balance) and every later caller finds it done:
 * paid once, sent to the supplier once. A session that ended unpaid ends its order unsent.
 */
export async function settleCheckoutSession(ctx: OrderContext, session: Stripe.Checkout.Session, source: SettleSource): Promise<SettleOutcome> {
  const outcome = await ctx.db.transaction(async (tx): Promise<SettleOutcome> => {
    const payment = await findPaymentForSession(tx, session);
    const none: SettleOutcome = { payment, confirmed: false, submit: null, refundWritten: false };
    if (!payment) return none;
    if (isSessionPaid(session)) {
      if (payment.status === 'paid') return none;
      const [paid] = await tx
        .update(cardPayments)
        .set({ status: 'paid', checkoutSessionId: session.id, paymentIntentId: paymentIntentOf(session), paidAt: new Date(), updatedAt: new Date() })
        .where(eq(cardPayments.id, payment.id))
        .returning();
      if (paid!.purpose === 'add_funds') {
        await creditCustomer(tx, {
          userId: paid!.userId!,
          currency: paid!.currency,
          amount: paid!.amount,
          kind: 'card_top_up',
          memo: `Added by card (${formatMoney(paid!.amount, paid!.currency)})`,
          idempotencyKey: `card_top_up:${paid!.id}`,
        });
        return { payment: paid, confirmed: true, submit: null, refundWritten: false };
      }
      return { ...(await markOrderPaid(tx, paid!, source)), payment: paid, confirmed: true };
    }
    if (session.status === 'expired' && (payment.status === 'created' || payment.status === 'open')) {
      const [expired] = await tx
        .update(cardPayments)
        .set({ status: 'expired', checkoutSessionId: session.id, updatedAt: new Date() })
        .where(eq(cardPayments.id, payment.id))
        .returning();
      // We expire sessions only when the customer cancels: one that ended before its deadline was cancelled.
      const cancelled = source === 'cancel' || session.expires_at * 1000 > Date.now() + 5_000;
      if (expired!.orderId) await endUnpaidOrder(tx, expired!.orderId, cancelled ? 'cancel' : source);
      return { ...none, payment: expired };
    }
    return none;
  });
  if (outcome.refundWritten) wakeJob(CARD_REFUND_JOB);
  return outcome;
}

async function markOrderPaid(tx: Transaction, payment: CardPayment, source: SettleSource): Promise<Omit<SettleOutcome, 'payment' | 'confirmed'>> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, payment.orderId!)).for('update');
  if (!order) throw new Error(`Payment ${payment.id} names a missing order`);
  if (order.status === 'AWAITING_PAYMENT') {
    await tx
      .update(orders)
      .set({ status: 'SUBMITTING', paymentReference: payment.paymentIntentId, nextCheckAt: new Date(Date.now() + 20_000), updatedAt: new Date() })
      .where(eq(orders.id, order.id));
    await tx.insert(orderEvents).values({
      orderId: order.id,
      fromStatus: 'AWAITING_PAYMENT',
      toStatus: 'SUBMITTING',
      source: eventSource,
      message: `Card payment received (${source})`,
      payload: { checkoutSession: payment.checkoutSessionId, paymentIntent: payment.paymentIntentId },
    });
    return { submit: order.id, refundWritten: false };
  }
  // The order was closed unpaid before the money arrived (an expiry raced a payment): the
  // payment cannot buy anything any more, so it goes straight back to the card.
  const [refund] = await tx
    .insert(cardRefunds)
    .values({
      paymentId: payment.id,
      orderId: order.id,
      amount: payment.amount,
      currency: payment.currency,
      amountMinor: payment.amountMinor,
      reason: `Payment arrived after order #${order.number} was closed`,
      idempotencyKey: `refund:${order.id}:${payment.amountMinor}`,
    })
    .onConflictDoNothing()
    .returning();
  await tx.insert(orderEvents).values({
    orderId: order.id,
    fromStatus: order.status,
    toStatus: order.status,
    source: eventSource,
    message: 'Card payment arrived after the order was closed; refunding it to the card',
    payload: { paymentIntent: payment.paymentIntentId },
  });
  if (refund) await tx.update(orders).set({ refundedAt: new Date(), updatedAt: new Date() }).where(eq(orders.id, order.id));
  return { submit: null, refundWritten: refund !== undefined };
}

async function endUnpaidOrder(tx: Transaction, orderId: string, source: SettleSource) {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (order?.status !== 'AWAITING_PAYMENT') return;
  const cancelled = source === 'cancel';
  const statusText = cancelled ? 'You cancelled the payment. Nothing was charged.' : 'The payment was not completed in time. Nothing was charged.';
  await tx
    .update(orders)
    .set({ status: 'CANCELLED', statusText, completedAt: new Date(), nextCheckAt: null, updatedAt: new Date() })
    .where(eq(orders.id, orderId));
  await tx.insert(orderEvents).values({
    orderId,
    fromStatus: 'AWAITING_PAYMENT',
    toStatus: 'CANCELLED',
    source: eventSource,
    message: cancelled ? 'Payment cancelled on the checkout page' : 'Checkout session expired unpaid',
  });
}

/** How long the return page waits for the supplier before showing the order (which keeps watching). */
const SUBMIT_WAIT_MS = 8_000;

/**
 * Sends a just-paid order to the supplier, waiting at most `waitMs` (all the way when unset);
 * the reconciler retries if this attempt dies.
 */
export async function submitPaidOrder(ctx: OrderContext, orderId: string, waitMs?: number): Promise<void> {
  const submission = submitOrder(ctx, orderId, 'checkout').catch((error: unknown) => {
    logger.error({ order: orderId, err: error }, 'paid order submit failed');
  });
  if (waitMs === undefined) await submission;
  else await Promise.race([submission, new Promise((resolve) => setTimeout(resolve, waitMs))]);
}

/**
 * The customer came back from Stripe's page: ask Stripe about the session (never trust the URL)
 * and settle it. Works with no webhook at all; a webhook that already settled it changes nothing.
 */
export async function verifyOnReturn(ctx: OrderContext, payment: CardPayment): Promise<SettleOutcome | null> {
  if (!payment.checkoutSessionId || payment.status === 'paid' || payment.status === 'expired') return null;
  const session = await retrieveCheckoutSession(payment.checkoutSessionId);
  const outcome = await settleCheckoutSession(ctx, session, 'return');
  if (outcome.submit) await submitPaidOrder(ctx, outcome.submit, SUBMIT_WAIT_MS);
  return outcome;
}

/** The customer pressed "back" on Stripe's page: end the session so it cannot be paid later. */
export async function cancelOnReturn(ctx: OrderContext, payment: CardPayment): Promise<SettleOutcome | null> {
  if (payment.status === 'paid' || payment.status === 'expired') return null;
  if (!payment.checkoutSessionId) {
    await expireUnsentPayment(ctx, payment, 'cancel');
    return null;
  }
  const session = await expireCheckoutSession(payment.checkoutSessionId);
  const outcome = await settleCheckoutSession(ctx, session, 'cancel');
  if (outcome.submit) await submitPaidOrder(ctx, outcome.submit, SUBMIT_WAIT_MS);
  return outcome;
}

/** Where the customer goes to pay an order that waits for payment (creating the session if needed). */
export async function checkoutUrlForOrder(ctx: OrderContext, order: Order): Promise<string | null> {
  const [payment] = await ctx.db.select().from(cardPayments).where(eq(cardPayments.orderId, order.id));
  if (!payment || order.status !== 'AWAITING_PAYMENT' || payment.status === 'paid' || payment.status === 'expired') return null;
  const ready = await ensureCheckoutSession(ctx.db, payment, {
    name: `${order.productName}${order.variantName ? ` · ${order.variantName}` : ''}${order.quantity > 1 ? ` × ${order.quantity}` : ''}`,
    description: `Order #${order.number}`,
  });
  return ready.checkoutUrl;
}

export const getCardPaymentForOrder = async (ctx: OrderContext, orderId: string) =>
  (await ctx.db.select().from(cardPayments).where(eq(cardPayments.orderId, orderId)))[0];

/** The Stripe events we act on. Everything is idempotent, so duplicates and any order are harmless. */
export async function handleStripeEvent(ctx: OrderContext, event: Stripe.Event): Promise<void> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.expired': {
      // The event's copy may be older than the session (out-of-order delivery): ask for the current one.
      const session = await retrieveCheckoutSession(event.data.object.id);
      const outcome = await settleCheckoutSession(ctx, session, 'webhook');
      if (outcome.submit) void submitPaidOrder(ctx, outcome.submit);
      return;
    }
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed':
      await recordRefundAnswer(ctx.db, event.data.object);
      return;
    case 'charge.refund.updated':
      await recordRefundAnswer(ctx.db, event.data.object);
      return;
    default:
      return;
  }
}

/**
 * Safety net for webhooks that never come and customers who never return: open payments not
 * heard of for a minute are asked about (paid ones proceed, expired ones end their order), and
 * payments whose session could not be created end once they are past their deadline.
 */
export async function sweepOpenPayments(ctx: OrderContext, limit = 10): Promise<number> {
  const stale = await ctx.db
    .update(cardPayments)
    .set({ updatedAt: new Date() })
    .where(
      inArray(
        cardPayments.id,
        ctx.db
          .select({ id: cardPayments.id })
          .from(cardPayments)
          .where(and(inArray(cardPayments.status, ['created', 'open']), lt(cardPayments.updatedAt, sql`now() - interval '60 seconds'`)))
          .limit(limit),
      ),
    )
    .returning();
  for (const payment of stale) {
    try {
      if (payment.checkoutSessionId) {
        const outcome = await settleCheckoutSession(ctx, await retrieveCheckoutSession(payment.checkoutSessionId), 'sweeper');
        if (outcome.submit) await submitPaidOrder(ctx, outcome.submit);
      } else if (payment.expiresAt.getTime() < Date.now()) {
        await expireUnsentPayment(ctx, payment, 'sweeper');
      }
    } catch (error) {
      logger.warn({ payment: payment.id, err: error }, 'card payment sweep failed');
    }
  }
  return stale.length;
}

/** A payment whose session was never created cannot have been paid: end it and its order. */
async function expireUnsentPayment(ctx: OrderContext, payment: CardPayment, source: SettleSource) {
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(cardPayments).where(eq(cardPayments.id, payment.id)).for('update');
    if (locked?.status !== 'created') return;
    await tx.update(cardPayments).set({ status: 'expired', updatedAt: new Date() }).where(eq(cardPayments.id, payment.id));
    if (payment.orderId) await endUnpaidOrder(tx, payment.orderId, source);
  });
}
