import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { orderEvents, orders, type NewOrder, type Order } from '@/db/schema';
import { Decimal } from '@/lib/money';
import { getPaymentProvider, type CardCheckout } from '@/lib/payments';
import { queueEmail } from '@/lib/mail/outbox';
import type { OrderContext } from './context';
import { guestOrderPath } from './guest';
import { queueOrderEmail } from '@/lib/mail/order-emails';

export type NewOrderInput = Omit<
  NewOrder,
  'number' | 'clientReference' | 'status' | 'createdAt' | 'updatedAt' | 'paymentReference' | 'refundedAt'
> & { checkoutToken: string; card?: CardCheckout };

export type RecordResult =
  | { kind: 'created'; order: Order }
  /** A card order, written AWAITING_PAYMENT with its payment: the Checkout Session comes next. */
  | { kind: 'awaiting_payment'; order: Order }
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
export async function recordNewOrder(ctx: OrderContext, { card, ...input }: NewOrderInput): Promise<RecordResult> {
  const byCard = input.paymentProvider === 'card';
  try {
    return await ctx.db.transaction(async (tx) => {
      const [order] = await tx
        .insert(orders)
        .values({
          ...input,
          clientReference: newClientReference(),
          status: byCard ? 'AWAITING_PAYMENT' : 'SUBMITTING',
          nextCheckAt: byCard ? null : new Date(Date.now() + 20_000),
        })
        // Either unique checkout index (per account, or per guest email) means "already placed".
        .onConflictDoNothing()
        .returning();
      if (!order) {
        const [existing] = await tx
          .select()
          .from(orders)
          .where(
            and(
              input.userId ? eq(orders.userId, input.userId) : and(isNull(orders.userId), eq(orders.guestEmail, input.guestEmail!)),
              eq(orders.checkoutToken, input.checkoutToken),
            ),
          );
        if (!existing) throw new Error('Order insert conflicted on something other than its checkout token');
        return { kind: 'existing', order: existing } as const;
      }
      const payment = await getPaymentProvider(order.paymentProvider).charge(
        tx,
        {
          userId: order.userId,
          orderId: order.id,
          amount: new Decimal(order.retailAmount),
          currency: order.retailCurrency,
          description: `Order #${order.number} · ${order.productName}${order.variantName ? ` · ${order.variantName}` : ''}`,
        },
        card,
      );
      if (payment.status === 'declined') throw new PaymentDeclined(payment.message);
      if (payment.status === 'awaiting') {
        await tx.insert(orderEvents).values({ orderId: order.id, fromStatus: null, toStatus: 'AWAITING_PAYMENT', source: 'checkout', message: 'Order placed; waiting for card payment' });
        // A guest's only way back to the order: the link goes out with the order, or not at all.
        if (order.guestEmail) {
          await queueEmail(tx, {
            to: order.guestEmail,
            template: 'guest-order-link',
            data: { orderUrl: guestOrderPath(order.id), orderNumber: order.number },
            dedupeKey: `guest-link:${order.id}`,
          });
        }
        return { kind: 'awaiting_payment', order } as const;
      }
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
