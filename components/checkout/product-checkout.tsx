import type { CountryCode } from 'libphonenumber-js';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientIntl } from '@/components/i18n/client-intl';
import { getCurrentUser } from '@/lib/auth/guards';
import { listProductNamesOnSale, type StoreProductDetail, type StoreVariant } from '@/lib/catalogue/queries';
import { Decimal, formatAmount, formatMoney, formatMoneyRange } from '@/lib/money';
import { formatApprox } from '@/lib/display-currency';
import { getDisplayCurrency } from '@/lib/display-currency/server';
import { listMyRecipientsFor } from '@/lib/recipients';
import { firstString, type SearchParams } from '@/lib/search-params';
import { currentStoreSettings } from '@/lib/store/settings';
import { CheckoutForm, type CheckoutProduct } from './checkout-form';
import { DetectedOperator } from './detected-operator';
import { isUuid } from '@/lib/ids';
import { phoneFieldData } from '@/lib/phone-options';

type Translate = Awaited<ReturnType<typeof getTranslations>>;

function variantLabel(product: StoreProductDetail, variant: StoreVariant, t: Translate, locale: string): { name: string; detail: string | null } {
  // The test eSIM's plans differ only by the case they play (all 1 GB): their names say which.
  if (product.testScenario && product.vertical === 'esim') return { name: variant.name.replace(/^Sandbox: /, ''), detail: 'test scenario' };
  if (product.vertical === 'esim') {
    const data =
      variant.dataGb === null
        ? variant.name
        : new Decimal(variant.dataGb).isZero()
          ? t('unlimited')
          : t('gb', { amount: new Intl.NumberFormat(locale).format(new Decimal(variant.dataGb).toFixed() as unknown as number) });
    return { name: data, detail: variant.validityDays ? t('days', { count: variant.validityDays }) : null };
  }
  if (product.vertical === 'voucher') {
    return variant.kind === 'range'
      ? { name: t('anyAmount'), detail: `${formatMoney(variant.faceMin, variant.currency, locale)} – ${formatMoney(variant.faceMax, variant.currency, locale)}` }
      : { name: formatMoney(variant.faceMin, variant.currency, locale), detail: null };
  }
  return { name: variant.name, detail: variant.kind === 'range' ? formatMoneyRange(variant.faceMin, variant.faceMax, variant.currency, locale) : null };
}

function priceLabel(variant: StoreVariant, storeCurrency: string, t: Translate, locale: string): string {
  return variant.kind === 'range' ? t('fromPrice', { price: formatMoney(variant.priceMin, storeCurrency, locale) }) : formatMoney(variant.priceMin, storeCurrency, locale);
}

/**
 * The buy form of a product page, built from the catalogue: options with their estimated
 * prices, the product's own input fields, prefilled from the URL (buy again, fix and retry,
 * a looked-up phone number) and, for mobile, the detected operator with its alternatives.
 */
export async function ProductCheckout({ product, storeCurrency, searchParams }: { product: StoreProductDetail; storeCurrency: string; searchParams: SearchParams }) {
  const user = await getCurrentUser();
  const settings = await currentStoreSettings();
  const [{ display }, t, locale] = await Promise.all([getDisplayCurrency(), getTranslations('checkout'), getLocale()]);
  const prefill: Record<string, string> = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const text = firstString(value);
    if (text && (key.startsWith('input.') || ['variant', 'amount', 'quantity'].includes(key))) prefill[key] = text;
  }

  const phoneField = product.inputFields.find((field) => field.type === 'phone');
  const checkoutProduct: CheckoutProduct = {
    id: product.id,
    vertical: product.vertical,
    name: product.name,
    fields: product.inputFields,
    defaultCountry: (product.countryCode ?? undefined) as CountryCode | undefined,
    // Only phone products ship a country picker, with the rules of the countries they serve.
    phone: phoneField ? phoneFieldData([product.countryCode], prefill[`input.${phoneField.name}`]) : undefined,
    variants: product.variants.map((variant) => ({
      id: variant.id,
      ...variantLabel(product, variant, t, locale),
      kind: variant.kind,
      minAmount: formatAmount(variant.faceMin, variant.currency),
      maxAmount: formatAmount(variant.faceMax, variant.currency),
      currency: variant.currency,
      priceLabel: priceLabel(variant, storeCurrency, t, locale),
      approxLabel: display ? formatApprox(variant.priceMin, display) : null,
      category: variant.category,
    })),
  };

  // Back from "Fix and try again": the field to fix is marked with the supplier's reason.
  const fix = firstString(searchParams.fix);
  const fixField = fix ? product.inputFields.find((field) => field.name === fix) : undefined;
  const initialErrors = fixField
    ? { [`input.${fixField.name}`]: [t('fixField', { label: fixField.label.toLowerCase(), reason: firstString(searchParams.reason) || t('fixFieldDefault') })] }
    : undefined;

  const phone = firstString(searchParams['input.phone_number']);
  const alternativeIds = (firstString(searchParams.alternatives) ?? '').split(',').filter(isUuid);
  const alternatives = await listProductNamesOnSale(alternativeIds);
  const query = new URLSearchParams(prefill).toString();
  const here = `/${product.slug}/${product.id}${query ? `?${query}` : ''}`;

  // Saved recipients that fit this product (its fields, their rules, its country) fill the form in one tap.
  const recipients = await listMyRecipientsFor(product.inputFields, product.countryCode);
  const recipientHref = (values: Record<string, string>) => {
    const params = new URLSearchParams({ ...Object.fromEntries(Object.entries(prefill).filter(([key]) => !key.startsWith('input.'))) });
    for (const [key, value] of Object.entries(values)) params.set(`input.${key}`, value);
    for (const key of ['alternatives', 'detected']) {
      const value = firstString(searchParams[key]);
      if (value) params.set(key, value);
    }
    return `/${product.slug}/${product.id}?${params}#buy`;
  };

  return (
    <section id="buy" aria-labelledby="buy-heading" className="space-y-4 rounded-3xl bg-zinc-100/70 p-4 sm:p-6 dark:bg-zinc-900/60">
      <h2 id="buy-heading" className="text-lg font-semibold">
        {t('buy')}
      </h2>
      {product.slug === 'mobile' && phone && (
        <DetectedOperator currentId={product.id} operatorName={product.name} detected={firstString(searchParams.detected) !== '0'} phone={phone} alternatives={alternatives} />
      )}
      {recipients.length > 0 && (
        <nav aria-label={t('savedRecipients')} className="flex flex-wrap gap-2">
          {recipients.map((recipient) => (
            <Link
              key={recipient.id}
              href={recipientHref(recipient.values)}
              className="rounded-full bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:ring-zinc-700"
            >
              {recipient.label}
            </Link>
          ))}
        </nav>
      )}
      {/* Keyed by the prefill so choosing a saved recipient refills the form. */}
      <ClientIntl namespaces={['checkout', 'fields']}>
      <CheckoutForm key={query} product={checkoutProduct} prefill={prefill} initialErrors={initialErrors} signInHref={user ? undefined : `/sign-in?callbackUrl=${encodeURIComponent(here)}`} guestCheckout={!user && settings.cardPaymentsEnabled} />
      </ClientIntl>
    </section>
  );
}
