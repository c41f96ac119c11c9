import 'server-only';
import { and, eq, lte, or, isNull, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { orderEvents, orders, type Order, type OrderEvent } from '@/db/schema';
import { raiseAlert, resolveAlert } from '@/lib/alerts';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { operatorScope } from '@/lib/auth/guards';
import { encryptJson } from '@/lib/crypto';
import { logger } from '@/lib/logger';
import { isOctopusApiError } from '@/lib/octopus';
import { getSupplierOrder, findSupplierOrder } from '@/lib/supplier/orders';
import type { OrderContext } from './context';
import { nextCheckDelaySeconds } from './fulfilment';

/*
 * An order the store cancelled and refunded while the supplier still had it open (PENDING there,
 * or a submit whose answer never came) is not finished at the supplier: it may still deliver,
 * and debit the supplier wallet. Such an order stays watched (`delivery.supplierWatch`):
 *   'open'           still open at the supplier: asked again on the reconciler's cadence;
 *   'late_delivery'  the supplier delivered after the refund: codes kept (encrypted), the order
 *                    flagged on the dashboard and the supplier page until an operator decides;
 *   'closed'         the supplier ended it without delivering, or an operator decided.
 */

export type SupplierWatch = 'open' | 'late_delivery' | 'closed';

export const supplierWatchOf = (order: Pick<Order, 'delivery'>): SupplierWatch | null => {
  const watch = order.delivery.supplierWatch;
  return watch === 'open' || watch === 'late_delivery' || watch === 'closed' ? watch : null;
};

export const lateDeliveryAlertKey = (orderId: string) => `late_delivery:${orderId}`;

/** What the refund writes on an order it cancels while the supplier may still deliver it. */
export function watchAfterRefund(order: Order): Partial<Order> {
  return { delivery: { ...order.delivery, supplierWatch: 'open' }, nextCheckAt: new Date(Date.now() + 5_000) };
}

type WatchEvent = Pick<OrderEvent, 'message' | 'payload'>;

/**
 * Asks the supplier about one watched order and records what it says. Returns the order as it
 * now stands. Supplier errors leave it watched for the next pass.
 */
export async function checkRefundedOrder(ctx: OrderContext, order: Order, source: OrderEvent['source'] = 'reconciler'): Promise<Order> {
  if (supplierWatchOf(order) !== 'open') return order;
  let upstream;
  try {
    upstream =
      order.upstreamId !== null
        ? await getSupplierOrder(ctx.supplier, order.vertical, order.upstreamId)
        : await findSupplierOrder(ctx.supplier, order.vertical, order.clientReference);
  } catch (error) {
    if (!isOctopusApiError(error)) throw error;
    logger.warn({ order: order.number, kind: error.kind }, 'refunded order check failed');
    upstream = undefined;
  }
  const later = new Date(Date.now() + nextCheckDelaySeconds(order) * 1000);
  const delivered = upstream && (upstream.status === 'DELIVERED' || upstream.status === 'PARTIALLY_DELIVERED' || upstream.status === 'RECHARGED');
  const ended = upstream && (upstream.status === 'FAILED' || upstream.status === 'CANCELLED');

  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(orders).where(eq(orders.id, order.id)).for('update');
    if (!current || supplierWatchOf(current) !== 'open') return current ?? order;
    if (!upstream || (!delivered && !ended)) {
      const [updated] = await tx
        .update(orders)
        .set({ nextCheckAt: later, upstreamId: upstream?.id ?? current.upstreamId, upstreamStatus: upstream?.status ?? current.upstreamStatus })
        .where(eq(orders.id, current.id))
        .returning();
      return updated!;
    }
    const event: WatchEvent = delivered
      ? {
          message: 'The supplier delivered this order after the store refunded it. The codes are kept; an operator decides what happens next.',
          payload: { supplierStatus: upstream.status, upstreamId: upstream.id },
        }
      : { message: `The supplier ended it too (${upstream.status}): nothing was delivered or charged.`, payload: { supplierStatus: upstream.status } };
    const changes: Partial<Order> = {
      upstreamId: upstream.id,
      upstreamStatus: upstream.status,
      nextCheckAt: null,
      delivery: { ...current.delivery, ...upstream.delivery, supplierWatch: delivered ? 'late_delivery' : 'closed', ...(delivered ? { lateDeliveryAt: new Date().toISOString() } : {}) },
      updatedAt: new Date(),
    };
    if (delivered && upstream.secrets) changes.deliverySecret = encryptJson(upstream.secrets);
    const [updated] = await tx.update(orders).set(changes).where(eq(orders.id, current.id)).returning();
    await tx.insert(orderEvents).values({ orderId: current.id, fromStatus: current.status, toStatus: current.status, source, ...event });
    if (delivered) {
      await raiseAlert(tx, {
        key: lateDeliveryAlertKey(current.id),
        kind: 'late_delivery',
        message: `Order #${current.number} was delivered by the supplier after it was refunded: the supplier charged the wallet. Decide on its page.`,
        details: { orderId: current.id, number: current.number },
      });
    }
    return updated!;
  });
}

/** One pass over watched refunded orders that are due; run by the order reconciler's job. */
export async function checkDueRefundedOrders(ctx: OrderContext, limit = 10): Promise<number> {
  const due = await ctx.db
    .select()
    .from(orders)
    .where(and(sql`${orders.delivery}->>'supplierWatch' = 'open'`, or(isNull(orders.nextCheckAt), lte(orders.nextCheckAt, sql`now()`))))
    .limit(limit);
  for (const order of due) await checkRefundedOrder(ctx, order);
  return due.length;
}

/** Orders the supplier delivered after the store refunded them, for the supplier page. */
export function listLateDeliveries(db: Database): Promise<Order[]> {
  return db.select().from(orders).where(sql`${orders.delivery}->>'supplierWatch' = 'late_delivery'`).orderBy(orders.number);
}

/**
 * The operator's decision on a late delivery, recorded with their note: the customer keeps the
 * refund and the codes stay with the store (to resell or claim back from the supplier).
 */
export async function settleLateDelivery(db: Database, operator: AuditActor, orderId: string, note: string): Promise<Order | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!current || supplierWatchOf(current) !== 'late_delivery') return undefined;
    const [updated] = await tx
      .update(orders)
      .set({ delivery: { ...current.delivery, supplierWatch: 'closed', lateDeliverySettledBy: operator.email }, updatedAt: new Date() })
      .where(eq(orders.id, current.id))
      .returning();
    await tx.insert(orderEvents).values({
      orderId: current.id,
      fromStatus: current.status,
      toStatus: current.status,
      source: 'operator',
      message: `Late delivery handled by ${operator.email}: ${note}`,
      payload: { operator: operator.email, note },
    });
    await resolveAlert(tx, lateDeliveryAlertKey(current.id));
    await recordAudit(tx, operator, { action: 'order.late_delivery', targetType: 'order', targetId: current.id, reason: note, details: { number: current.number } });
    return updated;
  });
}

/** The supplier page's list of late deliveries (operators only). */
export async function loadLateDeliveries(): Promise<Order[]> {
  const { db } = await operatorScope();
  return listLateDeliveries(db);
}

/** The order page's "Mark as handled" (the action checked the operator). */
export async function settleLateDeliveryAsOperator(operator: AuditActor, orderId: string, note: string): Promise<Order | undefined> {
  return settleLateDelivery(await getDb(), operator, orderId, note);
}
