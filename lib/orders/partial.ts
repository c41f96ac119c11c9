import type { Order } from '@/db/schema';
import { Decimal, roundToMinor } from '@/lib/money';

export type PartialDelivery = { delivered: number; ordered: number; refunded: Decimal };

/**
 * A delivered order whose supplier sent only some of the codes: how many arrived and what went
 * back to the customer for the rest (the undelivered share of the price, as the refund took it).
 */
export function partialDeliveryOf(order: Pick<Order, 'status' | 'quantity' | 'retailAmount' | 'retailCurrency' | 'delivery'>): PartialDelivery | null {
  if (order.status !== 'DELIVERED' || order.delivery.partial !== true) return null;
  const delivered = Number(order.delivery.deliveredQuantity);
  if (!Number.isInteger(delivered) || delivered < 0 || delivered >= order.quantity) return null;
  const refunded = roundToMinor(new Decimal(order.retailAmount).times(order.quantity - delivered).dividedBy(order.quantity), order.retailCurrency);
  return { delivered, ordered: order.quantity, refunded };
}
