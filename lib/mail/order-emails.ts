import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { users, type Order, type OrderStatus } from '@/db/schema';
import { queueEmail } from './outbox';

type OrderEmail = 'order-receipt' | 'order-delivered' | 'order-failed';

/** Which email a terminal state sends the customer, if any. */
export function outcomeEmailFor(status: OrderStatus): OrderEmail | undefined {
  if (status === 'DELIVERED') return 'order-delivered';
  if (status === 'FAILED' || status === 'CANCELLED' || status === 'REJECTED') return 'order-failed';
  return undefined;
}

/** Queues an order email to its customer in the transaction that records the cause; once per order and kind. */
export async function queueOrderEmail(tx: Transaction, order: Pick<Order, 'id' | 'userId'>, template: OrderEmail): Promise<void> {
  // A guest's way back is the order-link email sent with the order (lib/orders/guest.ts).
  if (!order.userId) return;
  const [customer] = await tx.select({ email: users.email }).from(users).where(eq(users.id, order.userId));
  if (!customer) return;
  await queueEmail(tx, { to: customer.email, template, data: { orderId: order.id }, dedupeKey: `${template}:${order.id}` });
}
