'use client';

import type { CountryCode } from 'libphonenumber-js';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { placeOrderAction, reviewOrderAction } from '@/app/(store)/checkout/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { INPUT_PREFIX } from '@/lib/forms/input-names';
import type { FieldDescriptor } from '@/lib/forms/types';
import type { CheckoutState } from '@/lib/orders/checkout-state';
import type { PhoneFieldData } from '@/lib/phone-options';
import { DynamicField } from './dynamic-field';
import { cardSurface } from '@/components/ui/card';
import { GiftCodePayment } from './gift-code-payment';

export type CheckoutVariant = {
  id: string;
  name: string;
  kind: 'fixed' | 'range';
  minAmount: string | null;
  maxAmount: string | null;
  currency: string;
  /** The estimated price in the store currency ("$5.49", "from $1.10"). */
  priceLabel: string;
  /** The estimate in the customer's display currency ("≈ Rp 22.000"), or null: never what is charged. */
  approxLabel?: string | null;
  detail: string | null;
  category: string | null;
};

export type CheckoutProduct = {
  id: string;
  vertical: 'voucher' | 'topup' | 'esim';
  name: string;
  variants: CheckoutVariant[];
  fields: FieldDescriptor[];
  defaultCountry?: CountryCode;
  /** Only for products with a phone field: the countries it offers and their numbering rules. */
  phone?: PhoneFieldData;
};

const MAX_QUANTITY = 10;

/** The buy form of every product page: options, the product's own fields, review, pay. */
export function CheckoutForm({
  product,
  prefill = {},
  initialErrors,
  signInHref,
  guestCheckout = false,
}: {
  product: CheckoutProduct;
  prefill?: Record<string, string>;
  /** Field messages to show before any submit ("Fix and try again" marks the field to fix). */
  initialErrors?: Record<string, string[]>;
  /** Set when nobody is signed in: Review then leads to sign-in and back. */
  signInHref?: string;
  /** Nobody signed in, but the store takes cards: guests review and pay by card with an email. */
  guestCheckout?: boolean;
}) {
  const t = useTranslations('checkout');
  const [reviewState, review, reviewPending] = useActionState<CheckoutState, FormData>(reviewOrderAction, { status: 'idle' });
  const [payState, pay] = useActionState<CheckoutState, FormData>(placeOrderAction, { status: 'idle' });
  const [editing, setEditing] = useState(true);
  // A changed price comes back from Pay as a fresh review; the newest review wins.
  const newestReview = [payState.review, reviewState.review]
    .filter((candidate) => candidate !== undefined)
    .sort((a, b) => b.reviewedAt - a.reviewedAt)[0];
  const latest = newestReview && payState.review === newestReview ? payState : reviewState;
  const values = { ...prefill, ...(payState.values ?? {}), ...(reviewState.values ?? {}) };
  const [variantId, setVariantId] = useState(values.variantId ?? values.variant ?? product.variants[0]?.id ?? '');
  const variant = product.variants.find((candidate) => candidate.id === variantId);
  const errors = latest.fieldErrors ?? payState.fieldErrors ?? initialErrors ?? {};
  const summary = editing || reviewPending ? undefined : newestReview;
  const confirmRef = useRef<HTMLFormElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Arriving to fix a field: put the cursor in it, so the highlighted field is the one in view.
  const fixName = initialErrors ? Object.keys(initialErrors)[0] : undefined;
  useEffect(() => {
    const named = fixName ? formRef.current?.querySelector<HTMLInputElement>(`[name="${CSS.escape(fixName)}"]`) : null;
    // A phone number's named input is hidden (it carries the E.164 value): focus the one typed in.
    const control = named?.type === 'hidden' ? named.parentElement?.querySelector<HTMLInputElement>('input:not([type="hidden"])') : named;
    control?.focus();
  }, [fixName]);
  // The confirm step replaces the longer form: bring its top (and the recipient) into view,
  // below the sticky header (scroll-mt), instead of leaving the page scrolled past it.
  useEffect(() => {
    if (summary) confirmRef.current?.scrollIntoView({ block: 'start' });
  }, [summary]);

  const submitReview = (formData: FormData) => {
    // The server validates with the product's schema and sends back the messages to show.
    setEditing(false);
    review(formData);
  };

  const categories = [...new Set(product.variants.map((candidate) => candidate.category ?? ''))];
  const hiddenValues = summary ? { ...values } : {};

  return (
    <div className="space-y-4">
      {!summary && (
        <form ref={formRef} action={submitReview} className="space-y-5" noValidate>
          <input type="hidden" name="productId" value={product.id} />
          <fieldset>
            <legend className="text-sm font-semibold">{product.vertical === 'esim' ? t('choosePlan') : product.vertical === 'voucher' ? t('chooseValue') : t('choosePack')}</legend>
            {categories.map((category) => (
              <div key={category || 'all'} className="mt-2">
                {categories.length > 1 && category && <p className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{category}</p>}
                <ul aria-label={product.vertical === 'esim' ? t('plans') : t('options')} className="grid grid-cols-2 gap-2 sm:grid-cols-3">
                  {product.variants
                    .filter((candidate) => (candidate.category ?? '') === category)
                    .map((candidate) => (
                      <li key={candidate.id} data-testid={product.vertical === 'esim' ? 'plan' : 'option'} className="flex">
                        <label
                          className="relative flex w-full cursor-pointer flex-col rounded-2xl bg-white p-3 ring-1 ring-zinc-200 has-checked:ring-2 has-checked:ring-brand-600 has-focus-visible:outline-2 has-focus-visible:outline-brand-500 dark:bg-zinc-900 dark:ring-zinc-700"
                        >
                          <input
                            type="radio"
                            name="variantId"
                            value={candidate.id}
                            checked={candidate.id === variantId}
                            onChange={() => setVariantId(candidate.id)}
                            className="sr-only"
                          />
                          <span className="font-semibold">{candidate.name}</span>
                          {candidate.detail && <span className="text-xs text-zinc-600 dark:text-zinc-400">{candidate.detail}</span>}
                          <span className="mt-1 text-sm font-medium text-brand-700 dark:text-brand-100">{candidate.priceLabel}</span>
                          {candidate.approxLabel && (
                            <span className="text-xs tabular-nums text-zinc-500 dark:text-zinc-400" data-testid="display-price">
                              {candidate.approxLabel}
                            </span>
                          )}
                        </label>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
            {errors.variantId && <p className="mt-1 text-sm text-red-600">{errors.variantId[0]}</p>}
            <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{t('estimated')}</p>
          </fieldset>

          {variant?.kind === 'range' && (
            <div>
              <label htmlFor="checkout-amount" className="block text-sm font-medium">
                {t('amount', { currency: variant.currency })}
              </label>
              <input
                id="checkout-amount"
                name="amount"
                inputMode="decimal"
                defaultValue={values.amount}
                placeholder={`${variant.minAmount} – ${variant.maxAmount}`}
                aria-invalid={errors.amount ? true : undefined}
                className="mt-1 block w-full rounded-xl border border-zinc-300 bg-white px-3 py-2.5 text-base aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
              />
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {t('amountRange', { min: variant.minAmount ?? '', max: variant.maxAmount ?? '', currency: variant.currency })}
              </p>
              {errors.amount && <p className="mt-1 text-sm text-red-600">{errors.amount[0]}</p>}
            </div>
          )}

          {product.vertical === 'voucher' && (
            <div>
              <label htmlFor="checkout-quantity" className="block text-sm font-medium">
                {t('quantity')}
              </label>
              <select
                id="checkout-quantity"
                name="quantity"
                defaultValue={values.quantity ?? '1'}
                className="mt-1 block w-28 rounded-xl border border-zinc-300 bg-white px-3 py-2.5 text-base dark:border-zinc-700 dark:bg-zinc-900"
              >
                {Array.from({ length: MAX_QUANTITY }, (_, index) => (
                  <option key={index + 1} value={index + 1}>
                    {index + 1}
                  </option>
                ))}
              </select>
              {errors.quantity && <p className="mt-1 text-sm text-red-600">{errors.quantity[0]}</p>}
            </div>
          )}

          {product.fields.map((field) => (
            <DynamicField
              key={field.name}
              field={field}
              defaultValue={values[`${INPUT_PREFIX}${field.name}`]}
              errors={errors[`${INPUT_PREFIX}${field.name}`]}
              defaultCountry={product.defaultCountry}
              phone={product.phone}
            />
          ))}

          <FormMessage state={latest} />
          {signInHref && !guestCheckout ? (
            <Link href={signInHref} className="flex w-full justify-center rounded-xl bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700">
              {t('signInToBuy')}
            </Link>
          ) : (
            <button
              type="submit"
              disabled={reviewPending}
              className="inline-flex w-full items-center justify-center rounded-xl bg-brand-600 px-4 py-3 text-base font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
            >
              {reviewPending ? t('gettingPrice') : t('reviewOrder')}
            </button>
          )}
          {signInHref && guestCheckout && (
            <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
              {t.rich('guestNote', {
                link: (chunks) => (
                  <Link href={signInHref} className="font-medium text-brand-700 hover:underline dark:text-brand-100">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          )}
        </form>
      )}

      {summary && (
        <form
          ref={confirmRef}
          action={pay}
          aria-labelledby="confirm-heading"
          className={`scroll-mt-24 space-y-4 rounded-3xl p-5 ${cardSurface}`}
        >
          <h3 id="confirm-heading" className="text-lg font-semibold">
            {t('confirmTitle')}
          </h3>
          {summary.recipient && (
            <div className="rounded-2xl bg-brand-50 p-3 ring-1 ring-brand-100 dark:bg-zinc-800 dark:ring-zinc-700">
              <p className="text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{t('for')}</p>
              <p className="break-all text-xl font-bold tabular-nums" data-testid="review-recipient">
                {summary.recipient}
              </p>
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{t('checkRecipient')}</p>
            </div>
          )}
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-zinc-600 dark:text-zinc-400">{t('product')}</dt>
              <dd className="text-right font-medium">
                {summary.productName} · {summary.variantName}
                {summary.quantity > 1 ? ` × ${summary.quantity}` : ''}
              </dd>
            </div>
            {summary.faceValue && (
              <div className="flex justify-between gap-4">
                <dt className="text-zinc-600 dark:text-zinc-400">{t('faceValue')}</dt>
                <dd className="text-right">{summary.faceValue}</dd>
              </div>
            )}
            <div className="flex justify-between gap-4 border-t border-zinc-200 pt-2 text-base dark:border-zinc-800">
              <dt className="font-semibold">{t('youPay')}</dt>
              <dd className="font-bold" data-testid="review-price">
                {summary.price}
              </dd>
            </div>
            {summary.listedPrice && (
              <p className="text-right text-sm text-emerald-700 dark:text-emerald-400" data-testid="review-lower">
                {t('lowerThanListed', { price: summary.listedPrice })}
              </p>
            )}
            {summary.balanceAfter !== null && (
              <div className="flex justify-between gap-4">
                <dt className="text-zinc-600 dark:text-zinc-400">{t('balanceAfter')}</dt>
                <dd className={summary.sufficientBalance ? '' : 'font-semibold text-red-600'}>{summary.balanceAfter}</dd>
              </div>
            )}
          </dl>
          {summary.guest && (
            <div>
              <label htmlFor="checkout-email" className="block text-sm font-medium">
                {t('receiptEmail')}
              </label>
              <input
                id="checkout-email"
                name="email"
                type="email"
                autoComplete="email"
                required
                defaultValue={payState.values?.email}
                aria-invalid={payState.fieldErrors?.email ? true : undefined}
                aria-describedby="checkout-email-hint"
                className="mt-1 block w-full rounded-xl border border-zinc-300 bg-white px-3 py-2.5 text-base aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
              />
              <p id="checkout-email-hint" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {t('receiptEmailHint')}
              </p>
              {payState.fieldErrors?.email && <p className="mt-1 text-sm text-red-600">{payState.fieldErrors.email[0]}</p>}
            </div>
          )}
          {Object.entries(hiddenValues).map(([key, value]) =>
            key === 'expectedRetail' || key === 'checkoutToken' || key === 'quote' || key === 'email' || key === 'payWith' ? null : <input key={key} type="hidden" name={key} value={value} />,
          )}
          <input type="hidden" name="productId" value={product.id} />
          <input type="hidden" name="checkoutToken" value={summary.checkoutToken} />
          <input type="hidden" name="expectedRetail" value={summary.expectedRetail} />
          <input type="hidden" name="quote" value={summary.quote} />
          <FormMessage state={payState.review === summary ? payState : { status: 'idle' }} />
          {!summary.guest && !summary.sufficientBalance && (
            <p className="text-sm text-red-600">
              {t('balanceTooLow')} {summary.cardEnabled ? `${t('payByCardOr')} ` : ''}
              <Link href="/account/add-funds" className="font-medium underline">
                {t('addFunds')}
              </Link>
              .
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => setEditing(true)}
              className="rounded-xl px-4 py-3 text-sm font-semibold ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800"
            >
              {t('edit')}
            </button>
            {!summary.guest && (summary.sufficientBalance || !summary.cardEnabled) && (
              <SubmitButton name="payWith" value="balance" className="flex-1 py-3 text-base" pendingLabel={t('placing')} disabled={!summary.sufficientBalance}>
                {t('pay', { price: summary.price })}
              </SubmitButton>
            )}
            {summary.cardEnabled && (
              <SubmitButton
                name="payWith"
                value="card"
                variant={summary.guest || !summary.sufficientBalance ? 'primary' : 'secondary'}
                className={`py-3 text-base ${summary.guest || !summary.sufficientBalance ? 'flex-1' : 'w-full'}`}
                pendingLabel={t('openingCheckout')}
              >
                {summary.guest || !summary.sufficientBalance ? t('payByCard', { price: summary.price }) : t('payByCardInstead')}
              </SubmitButton>
            )}
          </div>
          {summary.cardEnabled && <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('stripeNote')}</p>}
        </form>
      )}
      {summary?.giftCodes && (
        <GiftCodePayment
          key={summary.checkoutToken}
          checkoutToken={summary.checkoutToken}
          hidden={{ ...Object.fromEntries(Object.entries(hiddenValues).filter(([key]) => key !== 'expectedRetail' && key !== 'checkoutToken' && key !== 'quote')), productId: product.id }}
        />
      )}
      {payState.status === 'error' && !payState.review && !editing && <FormMessage state={payState} />}
    </div>
  );
}
