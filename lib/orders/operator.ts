import 'server-only';
import { eq } from 'drizzle-orm';
import { cardPayments, orderEvents, orders, users, type Order, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { Decimal } from '@/lib/money';
import { isOctopusApiError } from '@/lib/octopus';
import { getPaymentProvider } from '@/lib/payments';
import type { OrderContext } from './context';
import { applyUpstream, refreshOrder } from './fulfilment';
import { checkRefundedOrder, supplierWatchOf, watchAfterRefund } from './late-delivery';
import { ACTIVE_STATUSES, isTerminal, localStatusOf, REFUNDED_STATUSES, statusLabels } from './status';
import { findSupplierOrder, getSupplierOrder, type UpstreamOrder } from '@/lib/supplier/orders';
import { isUuid } from '@/lib/ids';
import { logger } from '@/lib/logger';
import { expireCheckoutSession } from '@/lib/payments/card';
import { settleCheckoutSession } from './card-payment';

/*
 * What an operator may do to one order from the console. Every change is recorded in the
 * audit log in the same transaction, and goes through the same refund path as the order
 * service, so the ledger's `refund:<orderId>` key still allows one refund per order.
 */

type Operator = Pick<User, 'id' | 'email'>;

export type OperatorRefundResult =
  | { kind: 'refunded'; order: Order; cancelled: boolean }
  | { kind: 'already_refunded'; order: Order }
  | { kind: 'delivered'; order: Order }
  /** Asking the supplier first settled the order (it failed and was refunded, or it was delivered). */
  | { kind: 'settled_by_supplier'; order: Order }
  | { kind: 'supplier_unreachable'; message: string }
  | { kind: 'not_found' };

async function loadOrder(ctx: OrderContext, orderId: string): Promise<Order | undefined> {
  if (!isUuid(orderId)) return undefined;
  const [order] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
  return order;
}

/**
 * The supplier's current answer for an order that is not final yet: by its id when the supplier
 * gave one, else by our client_reference (null: the supplier never received it).
 */
async function askSupplier(ctx: OrderContext, order: Order): Promise<UpstreamOrder | null> {
  if (order.upstreamId !== null) return getSupplierOrder(ctx.supplier, order.vertical, order.upstreamId);
  return findSupplierOrder(ctx.supplier, order.vertical, order.clientReference);
}

/**
 * Refunds an order to the customer's balance, never twice. Delivered orders are refused. A
 * failed, cancelled or refused order was refunded when it ended; this only repairs a missing
 * refund. A stuck order (SUBMITTING or PENDING) is first checked with the supplier: if the
 * supplier settled it, that answer wins; if it is still open there (or the supplier never got
 * it), the order is cancelled here by the operator and refunded, in one transaction.
 */
export async function refundOrderAsOperator(ctx: OrderContext, orderId: string, operator: Operator, reason: string): Promise<OperatorRefundResult> {
  const order = await loadOrder(ctx, orderId);
  if (!order) return { kind: 'not_found' };
  if (order.status === 'DELIVERED') return { kind: 'delivered', order };

  let supplierView: UpstreamOrder | null = null;
  if (ACTIVE_STATUSES.includes(order.status)) {
    try {
      supplierView = await askSupplier(ctx, order);
    } catch (error) {
      if (!isOctopusApiError(error)) throw error;
      return { kind: 'supplier_unreachable', message: error.message };
    }
    if (supplierView) {
      const updated = await applyUpstream(ctx, order.id, supplierView, 'operator');
      // Terminal because of this answer (not because another operator got there first).
      if (isTerminal(updated.status) && updated.status === localStatusOf(supplierView.status)) {
        await recordAudit(ctx.db, operator, {
          action: 'order.refund',
          targetType: 'order',
          targetId: order.id,
          reason,
          details: { number: order.number, outcome: `settled by supplier: ${updated.status}` },
        });
        return { kind: 'settled_by_supplier', order: updated };
      }
    }
  }

  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(orders).where(eq(orders.id, order.id)).for('update');
    if (!current) return { kind: 'not_found' } as const;
    if (current.status === 'DELIVERED') return { kind: 'delivered', order: current } as const;
    const stuck = ACTIVE_STATUSES.includes(current.status);
    if (!stuck && !REFUNDED_STATUSES.includes(current.status)) return { kind: 'already_refunded', order: current } as const;

    const refunded = await getPaymentProvider(current.paymentProvider).refund(tx, {
      userId: current.userId,
      orderId: current.id,
      amount: new Decimal(current.retailAmount),
      currency: current.retailCurrency,
      description: `Refund for order #${current.number}`,
    });
    if (!refunded && !stuck) return { kind: 'already_refunded', order: current } as const;

    const now = new Date();
    const changes: Partial<Order> = { refundedAt: refunded ? now : current.refundedAt, updatedAt: now };
    if (stuck) {
      Object.assign(changes, {
        status: 'CANCELLED',
        statusText:
          current.paymentProvider === 'card'
            ? 'Cancelled by the store. The amount paid is being refunded to your card.'
            : 'Cancelled by the store. The amount paid is back in your store balance.',
        completedAt: now,
        nextCheckAt: null,
      } satisfies Partial<Order>);
      // Still open at the supplier (or a submit never answered): it may yet deliver and charge
      // the wallet, so it stays watched after the refund (issue 14 #1).
      const openAtSupplier = supplierView ? !isTerminal(localStatusOf(supplierView.status)) : current.status === 'SUBMITTING';
      if (openAtSupplier) Object.assign(changes, watchAfterRefund(current));
    }
    const [updated] = await tx.update(orders).set(changes).where(eq(orders.id, current.id)).returning();
    await tx.insert(orderEvents).values({
      orderId: current.id,
      fromStatus: current.status,
      toStatus: updated!.status,
      source: 'operator',
      message: stuck ? `Cancelled and refunded by ${operator.email}: ${reason}` : `Missing refund issued by ${operator.email}: ${reason}`,
      payload: { operator: operator.email, reason, supplierStatus: supplierView?.status ?? null, refunded },
    });
    await recordAudit(tx, operator, {
      action: 'order.refund',
      targetType: 'order',
      targetId: current.id,
      reason,
      details: {
        number: current.number,
        amount: current.retailAmount,
        currency: current.retailCurrency,
        from: current.status,
        to: updated!.status,
        supplierStatus: supplierView?.status ?? 'none',
      },
    });
    return { kind: 'refunded', order: updated!, cancelled: stuck } as const;
  });
}

export type CancelUnpaidResult =
  | { kind: 'cancelled'; order: Order; stripe: 'expired' | 'paid_late' | 'unreachable' | 'no_session' }
  | { kind: 'not_awaiting'; order: Order }
  | { kind: 'not_found' };

/**
 * Cancels a card order still waiting for payment. The order ends here first (in one transaction
 * with its event and the audit entry), so it can never reach the supplier; then its Checkout
 * Session is expired at Stripe so it cannot be paid any more. A payment that got through before
 * the expiry (or while Stripe could not be reached) finds the order closed and goes straight back
 * to the card (settleCheckoutSession), never to the supplier.
 */
export async function cancelUnpaidOrderAsOperator(ctx: OrderContext, orderId: string, operator: Operator, reason: string): Promise<CancelUnpaidResult> {
  if (!isUuid(orderId)) return { kind: 'not_found' };
  const closed = await ctx.db.transaction(async (tx) => {
    // Payment row before order row, as settleCheckoutSession locks them: no deadlock with a webhook.
    const [payment] = await tx.select().from(cardPayments).where(eq(cardPayments.orderId, orderId)).for('update');
    const [current] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!current) return { kind: 'not_found' } as const;
    if (current.status !== 'AWAITING_PAYMENT') return { kind: 'not_awaiting', order: current } as const;
    const [updated] = await tx
      .update(orders)
      .set({ status: 'CANCELLED', statusText: 'Cancelled by the store before payment. Nothing was charged.', completedAt: new Date(), nextCheckAt: null, updatedAt: new Date() })
      .where(eq(orders.id, current.id))
      .returning();
    // A payment whose session was never created cannot be paid: it ends with the order.
    if (payment?.status === 'created' && !payment.checkoutSessionId) {
      await tx.update(cardPayments).set({ status: 'expired', updatedAt: new Date() }).where(eq(cardPayments.id, payment.id));
    }
    await tx.insert(orderEvents).values({
      orderId: current.id,
      fromStatus: 'AWAITING_PAYMENT',
      toStatus: 'CANCELLED',
      source: 'operator',
      message: `Cancelled before payment by ${operator.email}: ${reason}`,
      payload: { operator: operator.email, reason, checkoutSession: payment?.checkoutSessionId ?? null },
    });
    await recordAudit(tx, operator, {
      action: 'order.cancel_unpaid',
      targetType: 'order',
      targetId: current.id,
      reason,
      details: { number: current.number, amount: current.retailAmount, currency: current.retailCurrency, checkoutSession: payment?.checkoutSessionId ?? null },
    });
    return { kind: 'closed', order: updated!, sessionId: payment?.checkoutSessionId ?? null } as const;
  });
  if (closed.kind !== 'closed') return closed;
  if (!closed.sessionId) return { kind: 'cancelled', order: closed.order, stripe: 'no_session' };
  try {
    const session = await expireCheckoutSession(closed.sessionId);
    const outcome = await settleCheckoutSession(ctx, session, 'cancel');
    const [order] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
    return { kind: 'cancelled', order: order!, stripe: outcome.confirmed ? 'paid_late' : 'expired' };
  } catch (error) {
    // The order stays cancelled; the sweeper settles the session later (refunding a late payment).
    logger.warn({ order: closed.order.number, err: error }, 'expiring the checkout session of a cancelled order failed');
    return { kind: 'cancelled', order: closed.order, stripe: 'unreachable' };
  }
}

/** Asks the supplier about the order now (no throttle) and records who asked. */
export async function refreshOrderAsOperator(ctx: OrderContext, orderId: string, operator: Operator): Promise<Order | undefined> {
  const order = await loadOrder(ctx, orderId);
  if (!order) return undefined;
  const updated = supplierWatchOf(order) === 'open' ? await checkRefundedOrder(ctx, order, 'operator') : await refreshOrder(ctx, order.id, 'operator');
  await recordAudit(ctx.db, operator, {
    action: 'order.refresh',
    targetType: 'order',
    targetId: order.id,
    details: { number: order.number, from: order.status, to: updated.status },
  });
  return updated;
}

export type NotificationResult =
  | { kind: 'sent'; email: string; order: Order }
  | { kind: 'unsupported' }
  | { kind: 'not_at_supplier' }
  | { kind: 'failed'; message: string }
  | { kind: 'not_found' };

/**
 * Points the supplier's receipt email for a top-up or eSIM order at the customer's address (the
 * API's notification-email PATCH). Voucher orders have no such endpoint.
 */
export async function resendNotificationEmail(ctx: OrderContext, orderId: string, operator: Operator): Promise<NotificationResult> {
  const order = await loadOrder(ctx, orderId);
  if (!order) return { kind: 'not_found' };
  if (order.vertical === 'voucher') return { kind: 'unsupported' };
  if (order.upstreamId === null) return { kind: 'not_at_supplier' };
  const [customer] = order.userId
    ? await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, order.userId))
    : order.guestEmail
      ? [{ email: order.guestEmail }]
      : [];
  if (!customer) return { kind: 'not_found' };
  try {
    if (order.vertical === 'topup') await ctx.supplier.setTopupNotificationEmail(order.upstreamId, customer.email);
    else await ctx.supplier.setEsimNotificationEmail(order.upstreamId, customer.email);
  } catch (error) {
    if (!isOctopusApiError(error)) throw error;
    return { kind: 'failed', message: error.message };
  }
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(orders).set({ notificationEmail: customer.email, updatedAt: new Date() }).where(eq(orders.id, order.id)).returning();
    await recordAudit(tx, operator, {
      action: 'order.notification_email',
      targetType: 'order',
      targetId: order.id,
      details: { number: order.number, email: customer.email, status: statusLabels[order.status] },
    });
    return row!;
  });
  return { kind: 'sent', email: customer.email, order: updated };
}
