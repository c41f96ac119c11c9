'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formValues, userAction } from '@/lib/actions';
import { getLocale } from 'next-intl/server';
import { formatMoney } from '@/lib/money';
import { quoteCheckout } from '@/lib/orders/checkout';
import { checkoutRequestFromForm } from '@/lib/orders/checkout-request';
import { getOrderContext } from '@/lib/orders/context';
import { checkGiftCode, normaliseGiftCode } from '@/lib/orders/gift-code';
import { placeGiftCodeOrder } from '@/lib/orders/gift-code-checkout';
import type { GiftCodeState } from '@/lib/orders/gift-code-state';
import { getStoreInfo } from '@/lib/store';
import { getStoreSettings } from '@/lib/store/settings';

const buying = { signedOut: 'Sign in or create an account to buy.', invalid: 'Please review your order again.' };
const giftCodeSchema = z.looseObject({ giftCode: z.string().trim().min(1, 'Enter the code of a gift card bought in this store.').max(200, 'That is longer than any gift card code.') });

/** "Check code": is this a code we sold, unused, worth the top-up's price? Nothing is written. */
export const checkGiftCodeAction = userAction<typeof giftCodeSchema, GiftCodeState>(
  giftCodeSchema,
  async ({ giftCode }, formData) => {
    const ctx = await getOrderContext();
    const currency = (await getStoreInfo()).currency;
    const quoted = await quoteCheckout(ctx, currency, checkoutRequestFromForm(formData));
    if (!quoted.ok) return { status: 'error', message: quoted.message, values: formValues(formData) };
    const checked = await checkGiftCode(ctx.db, giftCode, quoted.quote, await getStoreSettings(ctx.db));
    if (!checked.ok) return { status: 'error', message: checked.message, fieldErrors: { giftCode: [checked.message] }, values: formValues(formData) };
    const { offer } = checked;
    const locale = await getLocale();
    return {
      status: 'success',
      values: formValues(formData),
      offer: {
        code: normaliseGiftCode(giftCode),
        voucherName: offer.voucherName,
        value: formatMoney(offer.value, offer.currency, locale),
        price: formatMoney(offer.price, currency, locale),
        expectedRetail: offer.price.toFixed(),
        leftover: offer.leftover.gt(0) ? formatMoney(offer.leftover, offer.currency, locale) : null,
      },
    };
  },
  buying,
);

const paySchema = giftCodeSchema.extend({ checkoutToken: z.uuid(), expectedRetail: z.string() });

/** Pays for the top-up with the checked code; one checkout token makes at most one order. */
export const payWithGiftCodeAction = userAction<typeof paySchema, GiftCodeState>(
  paySchema,
  async ({ giftCode, checkoutToken, expectedRetail }, formData, user) => {
    const result = await placeGiftCodeOrder(await getOrderContext(), user.id, (await getStoreInfo()).currency, {
      ...checkoutRequestFromForm(formData),
      checkoutToken,
      expectedRetail,
      giftCode,
    });
    if (result.kind === 'refused') return { status: 'error', message: result.message, fieldErrors: result.fieldErrors, values: formValues(formData) };
    if (result.kind === 'price_changed') {
      return { status: 'error', message: 'The price changed while you were deciding. Check the code again to see the new price.', values: formValues(formData) };
    }
    redirect(`/orders/${result.orderId}`);
  },
  buying,
);
