'use server';

import { randomUUID } from 'node:crypto';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formValues, userAction } from '@/lib/actions';
import { balanceOf } from '@/lib/ledger';
import { Decimal, formatMoney } from '@/lib/money';
import { placeCheckout, quoteCheckout, type CheckoutQuote } from '@/lib/orders/checkout';
import { checkoutRequestFromForm } from '@/lib/orders/checkout-request';
import { giftCodesOffered } from '@/lib/orders/gift-code';
import type { CheckoutState, ReviewSummary } from '@/lib/orders/checkout-state';
import { getOrderContext } from '@/lib/orders/context';
import { formatInternational } from '@/lib/phone';
import { getStoreInfo } from '@/lib/store';

async function summarize(quote: CheckoutQuote, userId: string, checkoutToken: string, priceChanged: boolean): Promise<ReviewSummary> {
  const balance = await balanceOf(userId, quote.storeCurrency);
  const after = balance.minus(quote.retail);
  return {
    productName: quote.product.displayName ?? quote.product.name,
    variantName: quote.variant.kind === 'range' ? formatMoney(quote.faceAmount, quote.variant.currency) : quote.variant.name,
    quantity: quote.quantity,
    recipient: quote.recipient?.startsWith('+') ? formatInternational(quote.recipient) : quote.recipient,
    faceValue:
      quote.variant.currency !== quote.storeCurrency ? formatMoney(new Decimal(quote.faceAmount).times(quote.quantity), quote.variant.currency) : null,
    price: formatMoney(quote.retail, quote.storeCurrency),
    listedPrice: quote.listed && quote.retail.lt(quote.listed) ? formatMoney(quote.listed, quote.storeCurrency) : null,
    expectedRetail: quote.retail.toFixed(),
    balanceAfter: formatMoney(after, quote.storeCurrency),
    sufficientBalance: after.gte(0),
    checkoutToken,
    priceChanged,
    reviewedAt: Date.now(),
    giftCodes: await giftCodesOffered(quote),
  };
}

const buying = { signedOut: 'Sign in or create an account to buy.', invalid: 'Please review your order again.' };

/** Step 1: validate the form and show the exact price (the supplier's quote plus markup). */
export const reviewOrderAction = userAction<z.ZodType, CheckoutState>(
  z.looseObject({}),
  async (_data, formData, user) => {
    const result = await quoteCheckout(await getOrderContext(), (await getStoreInfo()).currency, checkoutRequestFromForm(formData));
    if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.fieldErrors, values: formValues(formData) };
    return { status: 'success', values: formValues(formData), review: await summarize(result.quote, user.id, randomUUID(), false) };
  },
  buying,
);

/**
 * Step 2: pay. Re-validates and re-prices on the server; a price that moved since the review is
 * shown again for confirmation, and one checkout token makes at most one order however often
 * Pay is pressed.
 */
export const placeOrderAction = userAction<z.ZodType<{ checkoutToken: string; expectedRetail: string }>, CheckoutState>(
  z.looseObject({ checkoutToken: z.uuid(), expectedRetail: z.string() }),
  async ({ checkoutToken, expectedRetail }, formData, user) => {
    const result = await placeCheckout(await getOrderContext(), user.id, (await getStoreInfo()).currency, {
      ...checkoutRequestFromForm(formData),
      checkoutToken,
      expectedRetail,
    });
    if (result.kind === 'refused') {
      return { status: 'error', message: result.message, fieldErrors: result.fieldErrors, values: formValues(formData) };
    }
    if (result.kind === 'price_changed') {
      return {
        status: 'error',
        message: 'The price changed while you were deciding. Please check the new price.',
        values: formValues(formData),
        review: await summarize(result.quote, user.id, randomUUID(), true),
      };
    }
    // The header's balance lives in the layout, which a redirect alone keeps as it was.
    refresh();
    redirect(`/orders/${result.orderId}`);
  },
  buying,
);
