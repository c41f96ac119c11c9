import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { giftCodes, orders } from '@/db/schema';
import type { PaymentProvider } from './index';

/** The payment provider id of orders paid with a gift code (orders.payment_provider). */
export const GIFT_CODE_PROVIDER = 'gift_code' as const;

/**
 * Paying with a gift code the store sold: no balance or wallet moves. The order row names the
 * code (payment_reference = gift_codes.id); `charge` takes it with a conditional update, so of
 * two orders paying with one code exactly one gets it, and `refund` gives it back (a failed,
 * cancelled or refused top-up: the supplier releases the voucher too).
 */
export const giftCodePaymentProvider: PaymentProvider = {
  id: 'gift_code',
  async charge(tx, request) {
    const taken = await tx
      .update(giftCodes)
      .set({ redeemedOrderId: request.orderId, redeemedAt: new Date() })
      .where(
        and(
          eq(giftCodes.id, sql`(select ${orders.paymentReference} from ${orders} where ${orders.id} = ${request.orderId})`),
          isNull(giftCodes.redeemedOrderId),
        ),
      )
      .returning({ id: giftCodes.id });
    if (taken.length === 0) return { status: 'declined', message: 'This code has already been used to pay for an order.' };
    return { status: 'paid', reference: taken[0]!.id };
  },
  async refund(tx, request) {
    const released = await tx
      .update(giftCodes)
      .set({ redeemedOrderId: null, redeemedAt: null })
      .where(eq(giftCodes.redeemedOrderId, request.orderId))
      .returning({ id: giftCodes.id });
    return released.length > 0;
  },
};
