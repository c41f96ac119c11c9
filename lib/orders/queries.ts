import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { orderEvents, orders, products, type Order, type OrderEvent, type Product } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/guards';
import { decryptJson } from '@/lib/crypto';
import { getOrderContext } from './context';
import { recordedCodeCounts, refreshOrder, watchesActivation } from './fulfilment';
import { isTerminal, statusLabels } from './status';
import type { DeliverySecrets } from '@/lib/supplier/orders';
import { isUuid } from '@/lib/ids';
import { giftCodeFactsOf } from './gift-code';

/** Always scoped by owner: another customer's order id reads as "not found". */
export async function getOrderForUser(db: Database, orderId: string, userId: string): Promise<Order | undefined> {
  if (!isUuid(orderId)) return undefined;
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)));
  return order;
}

export function listOrdersByUser(db: Database, userId: string, { limit = 20, offset = 0 } = {}): Promise<Order[]> {
  return db.select().from(orders).where(eq(orders.userId, userId)).orderBy(desc(orders.createdAt)).limit(limit).offset(offset);
}

export function listOrderEvents(db: Database, orderId: string): Promise<OrderEvent[]> {
  return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.createdAt), asc(orderEvents.id));
}

/** Delivered orders show their codes; so does a voucher order still waiting for the rest of a partial delivery. */
export const showsCodes = (order: Pick<Order, 'status' | 'vertical' | 'deliverySecret'>) =>
  order.deliverySecret !== null && (order.status === 'DELIVERED' || (order.status === 'PENDING' && order.vertical === 'voucher'));

/** What the order page's live query sees: status only, never codes. */
export type OrderStatusView = {
  id: string;
  number: number;
  status: Order['status'];
  label: string;
  statusText: string | null;
  failureReason: string | null;
  isUserFixable: boolean;
  terminal: boolean;
  /** True while the page should keep polling (an eSIM not installed yet is still watched). */
  live: boolean;
  activationStatus: string | null;
  /** Delivered with only some of the codes; the rest refunded. */
  partial: boolean;
  /** Where the money went back, if it did (an unpaid card order has nothing to refund). */
  refundedTo: 'balance' | 'card' | null;
  /** Voucher codes delivered so far (a partial delivery's codes arrive over time). */
  codesDelivered: number;
  updatedAt: string;
};

export function toStatusView(order: Order): OrderStatusView {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    label: statusLabels[order.status],
    statusText: order.statusText,
    failureReason: order.failureReason,
    isUserFixable: order.isUserFixable,
    terminal: isTerminal(order.status),
    live: !isTerminal(order.status) || (watchesActivation(order) && order.delivery.isInstalled !== true),
    activationStatus: order.delivery.activationStatus ?? null,
    partial: order.status === 'DELIVERED' && order.delivery.partial === true,
    refundedTo: order.refundedAt ? (order.paymentProvider === 'card' ? 'card' : 'balance') : null,
    codesDelivered: order.vertical === 'voucher' ? recordedCodeCounts(order).delivered : 0,
    updatedAt: order.updatedAt.toISOString(),
  };
}

export type OrderProductRef = Pick<Product, 'id' | 'vertical' | 'topupType' | 'enabled'>;

/** The products of some orders, for "buy again" and "fix and retry" links. */
export async function listOrderProducts(db: Database, productIds: string[]): Promise<Map<string, OrderProductRef>> {
  const unique = [...new Set(productIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: products.id, vertical: products.vertical, topupType: products.topupType, enabled: products.enabled })
    .from(products)
    .where(inArray(products.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * What an order page shows besides the order: its timeline, its product, the delivered codes or
 * eSIM once they may be shown, and its gift-code facts. Callers have checked who may see it.
 */
export async function orderPageParts(db: Database, order: Order) {
  const [events, orderProducts, giftCode] = await Promise.all([
    listOrderEvents(db, order.id),
    listOrderProducts(db, [order.productId]),
    giftCodeFactsOf(db, order),
  ]);
  const secrets = order.deliverySecret && showsCodes(order) ? decryptJson<DeliverySecrets>(order.deliverySecret) : null;
  return { events, product: orderProducts.get(order.productId), secrets, giftCode };
}

/**
 * The order page's live status for its owner. Asking refreshes the order from the supplier,
 * but through a row lease and a few-second throttle, so any number of open pages cost one call.
 */
export async function refreshMyOrderStatus(orderId: string): Promise<OrderStatusView | 'signed_out' | 'not_found'> {
  const user = await getCurrentUser();
  if (!user) return 'signed_out';
  const ctx = await getOrderContext();
  let order = await getOrderForUser(ctx.db, orderId, user.id);
  if (!order) return 'not_found';
  if (toStatusView(order).live) order = await refreshOrder(ctx, order.id, 'poll', { throttle: true });
  return toStatusView(order);
}
