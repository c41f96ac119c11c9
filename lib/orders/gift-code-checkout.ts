import 'server-only';
import { and, eq } from 'drizzle-orm';
import { giftCodes, orderEvents, orders, type Order } from '@/db/schema';
import { giftCodePaymentProvider, GIFT_CODE_PROVIDER } from '@/lib/payments/gift-code';
import { Decimal } from '@/lib/money';
import { getStoreSettings } from '@/lib/store/settings';
import { quoteCheckout, submitAndWait, type CheckoutRequest, type PlaceResult } from './checkout';
import type { OrderContext } from './context';
import { checkGiftCode, GIFT_CODE_MESSAGES } from './gift-code';
import { newClientReference } from './record';

class CodeTaken extends Error {}

/**
 * Places a top-up paid with a gift code: re-quotes and re-checks the code, then one transaction
 * inserts the order (no balance or wallet debit) and takes the code through the gift-code
 * payment provider's conditional update, so of two tabs paying with one code exactly one gets
 * it. The supplier call then carries `redeem_voucher_code` (fulfilment's sendToSupplier).
 */
export async function placeGiftCodeOrder(
  ctx: OrderContext,
  userId: string,
  storeCurrency: string,
  request: CheckoutRequest & { checkoutToken: string; expectedRetail: string; giftCode: string },
): Promise<PlaceResult> {
  const quoted = await quoteCheckout(ctx, storeCurrency, request);
  if (!quoted.ok) return { kind: 'refused', message: quoted.message, fieldErrors: quoted.fieldErrors };
  const { quote } = quoted;
  const settings = await getStoreSettings(ctx.db);
  const checked = await checkGiftCode(ctx.db, request.giftCode, quote, settings);
  if (!checked.ok) return { kind: 'refused', message: checked.message, fieldErrors: { giftCode: [checked.message] } };
  const { offer } = checked;
  if (!offer.price.eq(request.expectedRetail)) return { kind: 'price_changed', quote };

  let recorded: { order: Order; created: boolean };
  try {
    recorded = await ctx.db.transaction(async (tx) => {
      const [order] = await tx
        .insert(orders)
        .values({
          userId,
          checkoutToken: request.checkoutToken,
          clientReference: newClientReference(),
          status: 'SUBMITTING',
          nextCheckAt: new Date(Date.now() + 20_000),
          vertical: quote.product.vertical,
          productId: quote.product.id,
          variantId: quote.variant.id,
          productName: quote.product.displayName ?? quote.product.name,
          variantName: quote.variant.name,
          quantity: 1,
          faceAmount: quote.faceAmount.toFixed(),
          faceCurrency: quote.variant.currency,
          category: quote.variant.category,
          inputData: quote.inputData,
          recipient: quote.recipient,
          retailAmount: offer.price.toFixed(),
          retailCurrency: storeCurrency,
          wholesaleAmount: quote.wholesale.toFixed(),
          wholesaleCurrency: storeCurrency,
          // No wallet: the supplier takes the voucher instead, and refuses a wallet_id beside it.
          walletId: null,
          markupPercent: new Decimal(settings.giftCodeMarkupPercent ?? quote.markupPercent).toFixed(),
          paymentProvider: GIFT_CODE_PROVIDER,
          paymentReference: offer.giftCodeId,
        })
        .onConflictDoNothing({ target: [orders.userId, orders.checkoutToken] })
        .returning();
      if (!order) {
        const [existing] = await tx.select().from(orders).where(and(eq(orders.userId, userId), eq(orders.checkoutToken, request.checkoutToken)));
        return { order: existing!, created: false };
      }
      const payment = await giftCodePaymentProvider.charge(tx, {
        userId,
        orderId: order.id,
        amount: offer.price,
        currency: storeCurrency,
        description: `Order #${order.number} · ${order.productName}`,
      });
      if (payment.status === 'declined') throw new CodeTaken();
      const [source] = await tx
        .select({ number: orders.number })
        .from(giftCodes)
        .innerJoin(orders, eq(orders.id, giftCodes.voucherOrderId))
        .where(eq(giftCodes.id, offer.giftCodeId));
      await tx.insert(orderEvents).values({
        orderId: order.id,
        fromStatus: null,
        toStatus: 'SUBMITTING',
        source: 'checkout',
        message: `Order placed, paid with a gift code from order #${source!.number}`,
      });
      return { order, created: true };
    });
  } catch (error) {
    if (error instanceof CodeTaken) return { kind: 'refused', message: GIFT_CODE_MESSAGES.used, fieldErrors: { giftCode: [GIFT_CODE_MESSAGES.used] } };
    throw error;
  }
  if (recorded.created) await submitAndWait(ctx, recorded.order);
  return { kind: 'placed', orderId: recorded.order.id };
}
