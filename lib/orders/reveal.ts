import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { decryptJson } from '@/lib/crypto';
import type { DeliverySecrets, VoucherCodeSecret } from '@/lib/supplier/orders';
import { getOrderContext } from './context';
import { findViewableOrder } from './order-view';
import { showsCodes } from './queries';

export type RevealResult = { codes: VoucherCodeSecret[] } | { error: string };

/**
 * Shows a delivered (or partly delivered) order's codes to whoever may see the order page (its
 * signed-in owner, or the holder of a guest order's link) and records when they were first
 * revealed. Who asks is checked here, where the codes are read.
 */
export async function revealVoucherCodes(orderId: string, access: string | undefined): Promise<RevealResult> {
  const ctx = await getOrderContext();
  const order = await findViewableOrder(ctx, orderId, access);
  if (order === 'signed_out') return { error: 'Your session has ended. Sign in again to see your codes.' };
  if (!order || !showsCodes(order) || !order.deliverySecret) return { error: 'There are no codes to show for this order.' };
  await ctx.db
    .update(orders)
    .set({ revealedAt: new Date() })
    .where(and(eq(orders.id, order.id), isNull(orders.revealedAt)));
  return { codes: decryptJson<DeliverySecrets>(order.deliverySecret).vouchers ?? [] };
}
