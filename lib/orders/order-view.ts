import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { cardPayments, cardRefunds, orders, type CardPayment, type CardRefund, type Order } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/guards';
import { logger } from '@/lib/logger';
import { isUuid } from '@/lib/ids';
import { cancelOnReturn, checkoutUrlForOrder, verifyOnReturn } from './card-payment';
import { getOrderContext, type OrderContext } from './context';
import { refreshOrder } from './fulfilment';
import { guestTokenOpens } from './guest';
import { orderPageParts, toStatusView, type OrderStatusView } from './queries';

/** Who may see an order: its owner, or whoever holds the guest link of a guest order. */
export async function findViewableOrder(ctx: OrderContext, orderId: string, access: string | undefined): Promise<Order | 'signed_out' | undefined> {
  if (!isUuid(orderId)) return undefined;
  if (access) {
    const [order] = await ctx.db.select().from(orders).where(and(eq(orders.id, orderId), isNull(orders.userId)));
    if (order && guestTokenOpens(order, access)) return order;
  }
  const user = await getCurrentUser();
  if (!user) return access ? undefined : 'signed_out';
  const [order] = await ctx.db.select().from(orders).where(and(eq(orders.id, orderId), eq(orders.userId, user.id)));
  return order;
}

export type PaymentView = {
  provider: 'balance' | 'card' | 'gift_code';
  status: CardPayment['status'] | null;
  refunds: Pick<CardRefund, 'amount' | 'currency' | 'status'>[];
};

/**
 * The order page for its owner or a guest with the link. Coming back from Stripe, the page
 * settles the payment itself (`paid`: verify the session with Stripe; `cancelled`: end it), so
 * it never depends on the webhook having arrived.
 */
export async function loadOrderPage(orderId: string, query: { access?: string; paid?: string; cancelled?: boolean }) {
  const ctx = await getOrderContext();
  let order = await findViewableOrder(ctx, orderId, query.access);
  if (order === 'signed_out' || !order) return order;
  let [payment] = await ctx.db.select().from(cardPayments).where(eq(cardPayments.orderId, order.id));
  let paymentProblem: string | null = null;
  if (payment && order.status === 'AWAITING_PAYMENT') {
    try {
      if (query.cancelled) await cancelOnReturn(ctx, payment);
      else await verifyOnReturn(ctx, payment);
    } catch (error) {
      logger.warn({ order: order.number, err: error }, 'payment check on return failed');
      paymentProblem = 'We could not check your payment with the card processor just now. This page updates by itself.';
    }
    [order] = await ctx.db.select().from(orders).where(eq(orders.id, order.id));
    [payment] = await ctx.db.select().from(cardPayments).where(eq(cardPayments.orderId, order!.id));
  }
  const current = order!;
  const [parts, refunds] = await Promise.all([
    orderPageParts(ctx.db, current),
    payment ? ctx.db.select().from(cardRefunds).where(eq(cardRefunds.paymentId, payment.id)) : Promise.resolve([]),
  ]);
  const paymentView: PaymentView = {
    provider: current.paymentProvider === 'card' || current.paymentProvider === 'gift_code' ? current.paymentProvider : 'balance',
    status: payment?.status ?? null,
    refunds: refunds.map(({ amount, currency, status }) => ({ amount, currency, status })),
  };
  return { order: current, ...parts, payment: paymentView, paymentProblem, guest: current.userId === null };
}

/** Stripe's page for an order still waiting for payment (the same session however often asked). */
export async function payOrderByCard(orderId: string, access: string | undefined): Promise<string | null> {
  const ctx = await getOrderContext();
  const order = await findViewableOrder(ctx, orderId, access);
  if (!order || order === 'signed_out' || order.status !== 'AWAITING_PAYMENT') return null;
  return checkoutUrlForOrder(ctx, order);
}

/** The live status for the order page's poll, for owners and guest links alike. */
export async function refreshViewableOrderStatus(orderId: string, access: string | undefined): Promise<OrderStatusView | 'signed_out' | 'not_found'> {
  const ctx = await getOrderContext();
  let order = await findViewableOrder(ctx, orderId, access);
  if (order === 'signed_out') return order;
  if (!order) return 'not_found';
  if (order.status === 'AWAITING_PAYMENT') {
    const [payment] = await ctx.db.select().from(cardPayments).where(eq(cardPayments.orderId, order.id));
    if (payment) await verifyOnReturn(ctx, payment).catch(() => null);
    [order] = await ctx.db.select().from(orders).where(eq(orders.id, order.id));
    return toStatusView(order!);
  }
  if (toStatusView(order).live) order = await refreshOrder(ctx, order.id, 'poll', { throttle: true });
  return toStatusView(order);
}
