import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { orders } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/guards';
import { decryptJson } from '@/lib/crypto';
import type { DeliverySecrets, VoucherCodeSecret } from '@/lib/supplier/orders';
import { getOrderForUser, showsCodes } from './queries';

export type RevealResult = { codes: VoucherCodeSecret[] } | { error: string };

/** Shows a delivered (or partly delivered) order's codes to its owner and records when they were first revealed. */
export async function revealMyVoucherCodes(orderId: string): Promise<RevealResult> {
  const user = await getCurrentUser();
  if (!user) return { error: 'Your session has ended. Sign in again to see your codes.' };
  const db = await getDb();
  const order = await getOrderForUser(db, orderId, user.id);
  if (!order || !showsCodes(order) || !order.deliverySecret) return { error: 'There are no codes to show for this order.' };
  await db
    .update(orders)
    .set({ revealedAt: new Date() })
    .where(and(eq(orders.id, order.id), isNull(orders.revealedAt)));
  return { codes: decryptJson<DeliverySecrets>(order.deliverySecret).vouchers ?? [] };
}
