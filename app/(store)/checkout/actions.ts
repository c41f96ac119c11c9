'use server';

import { randomUUID } from 'node:crypto';
import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { User } from '@/lib/auth/guards';
import { formValues, validatedAction } from '@/lib/actions';
import type { FieldMessages } from '@/lib/forms/input-data';
import { getCurrentUser } from '@/lib/auth/guards';
import { balanceOf } from '@/lib/ledger';
import { Decimal, formatMoney } from '@/lib/money';
import { placeCheckout, quoteCheckout, signCheckoutQuote, type CheckoutQuote } from '@/lib/orders/checkout';
import { checkoutRequestFromForm } from '@/lib/orders/checkout-request';
import { giftCodesOffered } from '@/lib/orders/gift-code';
import type { CheckoutState, ReviewSummary } from '@/lib/orders/checkout-state';
import { getOrderContext } from '@/lib/orders/context';
import { guestCheckoutAllowed, requestOrigin } from '@/lib/orders/guest-request';
import { currentStoreSettings } from '@/lib/store/settings';
import { formatInternational } from '@/lib/phone';
import { getStoreInfo } from '@/lib/store';

async function summarize(quote: CheckoutQuote, user: User | undefined, checkoutToken: string, priceChanged: boolean): Promise<ReviewSummary> {
  const after = user ? (await balanceOf(user.id, quote.storeCurrency)).minus(quote.retail) : null;
  const [{ cardPaymentsEnabled }, locale] = await Promise.all([currentStoreSettings(), getLocale()]);
  return {
    productName: quote.product.displayName ?? quote.product.name,
    variantName: quote.variant.kind === 'range' ? formatMoney(quote.faceAmount, quote.variant.currency, locale) : quote.variant.name,
    quantity: quote.quantity,
    recipient: quote.recipient?.startsWith('+') ? formatInternational(quote.recipient) : quote.recipient,
    faceValue:
      quote.variant.currency !== quote.storeCurrency ? formatMoney(new Decimal(quote.faceAmount).times(quote.quantity), quote.variant.currency, locale) : null,
    price: formatMoney(quote.retail, quote.storeCurrency, locale),
    listedPrice: quote.listed && quote.retail.lt(quote.listed) ? formatMoney(quote.listed, quote.storeCurrency, locale) : null,
    expectedRetail: quote.retail.toFixed(),
    balanceAfter: after ? formatMoney(after, quote.storeCurrency, locale) : null,
    sufficientBalance: after ? after.gte(0) : false,
    cardEnabled: cardPaymentsEnabled,
    guest: !user,
    checkoutToken,
    quote: signCheckoutQuote(quote, checkoutToken),
    priceChanged,
    reviewedAt: Date.now(),
    // A gift code pays through the customer's account: guests pay by card.
    giftCodes: user ? await giftCodesOffered(quote) : false,
  };
}

const signedOut = 'Sign in or create an account to buy.';

/**
 * Step 1: validate the form and show the exact price (the supplier's quote plus markup). Guests
 * may review too when card payments are on: they pay by card with only an email.
 */
export const reviewOrderAction = validatedAction<z.ZodType, CheckoutState>(z.looseObject({}), async (_data, formData) => {
  const user = await getCurrentUser();
  if (!user && !(await currentStoreSettings()).cardPaymentsEnabled) return { status: 'error', message: signedOut, values: formValues(formData) };
  // Field messages in the customer's language: the browser no longer validates, the server answers.
  const [tf, t] = await Promise.all([getTranslations('fields'), getTranslations('checkout')]);
  const say: FieldMessages = (key, values) => tf(key, { ...values, example: values.example || 'none' });
  const result = await quoteCheckout(await getOrderContext(), (await getStoreInfo()).currency, checkoutRequestFromForm(formData), say);
  if (!result.ok) {
    const highlighted = result.fieldErrors && Object.keys(result.fieldErrors).length > 0;
    return { status: 'error', message: highlighted ? t('correctFields') : result.message, fieldErrors: result.fieldErrors, values: formValues(formData) };
  }
  return { status: 'success', values: formValues(formData), review: await summarize(result.quote, user, randomUUID(), false) };
});

const payWithSchema = z.enum(['balance', 'card']).default('balance');
const guestEmailSchema = z.email('Enter the email address for your receipt and order link.').max(200);

/**
 * Step 2: pay. Re-validates on the server and charges the price the review signed while it is
 * fresh (else re-prices); a price that moved since the review is shown again for confirmation,
 * and one checkout token makes at most one order however often Pay is pressed.
 */
export const placeOrderAction = validatedAction<
  z.ZodType<{ checkoutToken: string; expectedRetail: string; quote?: string; payWith: 'balance' | 'card'; email?: string }>,
  CheckoutState
>(
  z.looseObject({ checkoutToken: z.uuid(), expectedRetail: z.string(), quote: z.string().max(8_000).optional(), payWith: payWithSchema, email: z.string().optional() }),
  async ({ checkoutToken, expectedRetail, quote, payWith, email }, formData) => {
    const user = await getCurrentUser();
    const settings = await currentStoreSettings();
    const refuse = (message: string, fieldErrors?: Record<string, string[]>): CheckoutState => ({ status: 'error', message, fieldErrors, values: formValues(formData) });
    if (payWith === 'card' && !settings.cardPaymentsEnabled) return refuse('Card payments are switched off in this store.');
    if (!user && payWith !== 'card') return refuse(signedOut);
    let guestEmail: string | undefined;
    if (!user) {
      const parsed = guestEmailSchema.safeParse((email ?? '').trim());
      if (!parsed.success) return refuse('Please correct the highlighted fields.', { email: [parsed.error.issues[0]!.message] });
      guestEmail = parsed.data.toLowerCase();
      const limited = await guestCheckoutAllowed(await headers(), guestEmail);
      if (limited) return refuse(limited);
    }
    const result = await placeCheckout(
      await getOrderContext(),
      user ? { userId: user.id, email: user.email, payWith } : { guestEmail: guestEmail!, payWith: 'card' },
      (await getStoreInfo()).currency,
      { ...checkoutRequestFromForm(formData), checkoutToken, expectedRetail, quote, origin: requestOrigin() },
    );
    if (result.kind === 'refused') return refuse(result.message, result.fieldErrors);
    if (result.kind === 'price_changed') {
      return {
        ...refuse('The price changed while you were deciding. Please check the new price.'),
        review: await summarize(result.quote, user, randomUUID(), true),
      };
    }
    if (result.kind === 'pay_by_card') redirect(result.checkoutUrl ?? result.orderPath);
    // The header's balance lives in the layout, which a redirect alone keeps as it was.
    refresh();
    redirect(`/orders/${result.orderId}`);
  },
);
