import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { orderEvents, orders, type Order, type OrderEvent } from '@/db/schema';
import { isTerminal, statusLabels } from './status';
import { watchesActivation } from './fulfilment';

/** Always scoped by owner: another customer's order id reads as "not found". */
export async function getOrderForUser(db: Database, orderId: string, userId: string): Promise<Order | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(orderId)) return undefined;
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
    activationStatus: (order.delivery.activationStatus as string | undefined) ?? null,
    updatedAt: order.updatedAt.toISOString(),
  };
}
