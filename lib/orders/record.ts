import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { orderEvents, orders, type NewOrder, type Order } from '@/db/schema';
import { Decimal } from '@/lib/money';
import { getPaymentProvider } from '@/lib/payments';
import type { OrderContext } from './context';
import { queueOrderEmail } from '@/lib/mail/order-emails';

export type NewOrderInput = Omit<
  NewOrder,
  'id' | 'number' | 'clientReference' | 'status' | 'createdAt' | 'updatedAt' | 'paymentReference' | 'refundedAt'
> & { checkoutToken: string };

export type RecordResult =
  | { kind: 'created'; order: Order }
  | { kind: 'existing'; order: Order }
  | { kind: 'declined'; message: string };

class PaymentDeclined extends Error {}

/** A fresh reference per order: printable ASCII, far under the 255-character limit. */
export const newClientReference = () => `ocs-${randomUUID()}`;

/**
 * DESIGN.md "Orders" step 1: one transaction inserts the order (SUBMITTING, fresh
 * client_reference), takes the payment and writes the first timeline event. A second submit of
 * the same checkout (double click, resent form) finds the first order instead of making another.
 */
export async function recordNewOrder(ctx: OrderContext, input: NewOrderInput): Promise<RecordResult> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [order] = await tx
        .insert(orders)
        .values({ ...input, clientReference: newClientReference(), status: 'SUBMITTING', nextCheckAt: new Date(Date.now() + 20_000) })
        .onConflictDoNothing({ target: [orders.userId, orders.checkoutToken] })
        .returning();
      if (!order) {
        const [existing] = await tx
          .select()
          .from(orders)
          .where(and(eq(orders.userId, input.userId), eq(orders.checkoutToken, input.checkoutToken)));
        return { kind: 'existing', order: existing! } as const;
      }
      const payment = await getPaymentProvider(order.paymentProvider).charge(tx, {
        userId: order.userId,
        orderId: order.id,
        amount: new Decimal(order.retailAmount),
        currency: order.retailCurrency,
        description: `Order #${order.number} · ${order.productName}${order.variantName ? ` · ${order.variantName}` : ''}`,
      });
      if (payment.status === 'declined') throw new PaymentDeclined(payment.message);
      const [paid] = await tx.update(orders).set({ paymentReference: payment.reference }).where(eq(orders.id, order.id)).returning();
      await tx.insert(orderEvents).values({ orderId: order.id, fromStatus: null, toStatus: 'SUBMITTING', source: 'checkout', message: 'Order placed and paid' });
      await queueOrderEmail(tx, order, 'order-receipt');
      return { kind: 'created', order: paid! } as const;
    });
  } catch (error) {
    if (error instanceof PaymentDeclined) return { kind: 'declined', message: error.message };
    throw error;
  }
}
