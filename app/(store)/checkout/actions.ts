'use server';

import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { formValues } from '@/lib/actions';
import { getCurrentUser } from '@/lib/auth/guards';
import { inputDataFromForm } from '@/lib/forms/input-data';
import { getCustomerBalance } from '@/lib/ledger';
import { Decimal, formatMoney } from '@/lib/money';
import { placeCheckout, quoteCheckout, type CheckoutQuote, type CheckoutRequest } from '@/lib/orders/checkout';
import type { CheckoutState, ReviewSummary } from '@/lib/orders/checkout-state';
import { getOrderContext } from '@/lib/orders/context';
import { formatInternational } from '@/lib/phone';
import { getStoreInfo } from '@/lib/store';
import { isUuid } from '@/lib/ids';

function requestFrom(formData: FormData): CheckoutRequest {
  const text = (key: string) => {
    const value = formData.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    productId: text('productId') ?? '',
    variantId: text('variantId') ?? '',
    amount: text('amount'),
    quantity: text('quantity'),
    inputData: inputDataFromForm(formData),
  };
}

async function summarize(quote: CheckoutQuote, userId: string, checkoutToken: string, priceChanged: boolean): Promise<ReviewSummary> {
  const balance = await getCustomerBalance(await getDb(), userId, quote.storeCurrency);
  const after = balance.minus(quote.retail);
  return {
    productName: quote.product.displayName ?? quote.product.name,
    variantName: quote.variant.kind === 'range' ? formatMoney(quote.faceAmount, quote.variant.currency) : quote.variant.name,
    quantity: quote.quantity,
    recipient: quote.recipient?.startsWith('+') ? formatInternational(quote.recipient) : quote.recipient,
    faceValue:
      quote.variant.currency !== quote.storeCurrency ? formatMoney(new Decimal(quote.faceAmount).times(quote.quantity), quote.variant.currency) : null,
    price: formatMoney(quote.retail, quote.storeCurrency),
    expectedRetail: quote.retail.toFixed(),
    balanceAfter: formatMoney(after, quote.storeCurrency),
    sufficientBalance: after.gte(0),
    checkoutToken,
    priceChanged,
    reviewedAt: Date.now(),
  };
}

const signInFirst = (formData: FormData): CheckoutState => ({
  status: 'error',
  message: 'Sign in or create an account to buy.',
  values: formValues(formData),
});

/** Step 1: validate the form and show the exact price (the supplier's quote plus markup). */
export async function reviewOrderAction(_prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const user = await getCurrentUser();
  if (!user) return signInFirst(formData);
  const result = await quoteCheckout(await getOrderContext(), (await getStoreInfo()).currency, requestFrom(formData));
  if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.fieldErrors, values: formValues(formData) };
  return { status: 'success', values: formValues(formData), review: await summarize(result.quote, user.id, randomUUID(), false) };
}

/**
 * Step 2: pay. Re-validates and re-prices on the server; a price that moved since the review is
 * shown again for confirmation, and one checkout token makes at most one order however often
 * Pay is pressed.
 */
export async function placeOrderAction(_prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const user = await getCurrentUser();
  if (!user) return signInFirst(formData);
  const checkoutToken = formData.get('checkoutToken');
  const expectedRetail = formData.get('expectedRetail');
  if (typeof checkoutToken !== 'string' || !isUuid(checkoutToken) || typeof expectedRetail !== 'string') {
    return { status: 'error', message: 'Please review your order again.', values: formValues(formData) };
  }
  const result = await placeCheckout(await getOrderContext(), user.id, (await getStoreInfo()).currency, {
    ...requestFrom(formData),
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
  redirect(`/orders/${result.orderId}`);
}
