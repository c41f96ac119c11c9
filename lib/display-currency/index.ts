import countryToCurrency from 'country-to-currency';
import { Decimal, minorUnits, type MoneyInput } from '@/lib/money';

/*
 * Display currency: an estimate of a price in the customer's own currency, shown beside the
 * store-currency price ("$1.35 ≈ Rp 22.000"). Display only: nothing is ever charged in it.
 *
 * Rates are the ones the catalogue sync learns from the supplier (fx_rates: 1 unit of a product
 * currency = `rate` store-currency units); a currency without a learnt rate is not offered.
 *
 * Rounding (display only, never charged): the store amount divided by the rate, rounded half-up
 * to 3 significant digits, never finer than the display currency's minor unit. At most 0.5 % off
 * the exact conversion, which the "≈" says, and it reads like a price ("Rp 22.000", not
 * "Rp 21.951"). Cents are shown only when the rounded amount has any.
 */

/** The cookie that keeps the customer's choice: a currency code, or STORE_ONLY. */
export const DISPLAY_CURRENCY_COOKIE = 'display_currency';
/** The cookie value of "store currency only". */
export const STORE_ONLY = 'store';
export const SIGNIFICANT_DIGITS = 3;

/** What a page needs to show "≈" prices; null means store currency only. */
export type DisplayCurrency = {
  currency: string;
  /** Store-currency units per one unit of `currency` (as stored in fx_rates), decimal text. */
  rate: string;
  /** BCP 47 locale the amounts are formatted for. */
  locale: string;
};

/** Accept-Language tags, best first (by q, then order); invalid tags and q=0 dropped. */
export function preferredLocales(acceptLanguage: string | null | undefined): string[] {
  if (!acceptLanguage) return [];
  return acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.weight > 0 && canonical(entry.tag) !== null)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => canonical(entry.tag)!);
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The currency of the customer's region: the region of the first language tag ("id-ID" -> ID),
 * or, for a bare language, its most likely region (CLDR likely subtags: "id" -> ID, "ja" -> JP).
 */
export function currencyForLocale(locale: string): string | null {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    if (!region) return null;
    return (countryToCurrency as Record<string, string | undefined>)[region] ?? null;
  } catch {
    return null;
  }
}

/** The locale amounts are formatted for: the customer's first language Intl knows, else en-US. */
export function formattingLocale(locales: string[]): string {
  return locales.find((locale) => Intl.NumberFormat.supportedLocalesOf(locale).length > 0) ?? 'en-US';
}

/**
 * The display currency to use, or null for store currency only.
 * A remembered choice (cookie) wins when its rate is still known; else the Accept-Language
 * region's currency when a rate is known for it and it is not the store currency itself.
 */
export function chooseDisplayCurrency({
  choice,
  acceptLanguage,
  storeCurrency,
  rates,
}: {
  choice: string | null | undefined;
  acceptLanguage: string | null | undefined;
  storeCurrency: string;
  rates: Record<string, string>;
}): DisplayCurrency | null {
  const locales = preferredLocales(acceptLanguage);
  const locale = formattingLocale(locales);
  const usable = (currency: string | null | undefined): currency is string =>
    Boolean(currency) && currency !== storeCurrency && rates[currency!] !== undefined && new Decimal(rates[currency!]!).gt(0);
  if (choice === STORE_ONLY || choice === storeCurrency) return null;
  if (usable(choice)) return { currency: choice, rate: rates[choice]!, locale };
  const regional = locales.length ? currencyForLocale(locales[0]!) : null;
  return usable(regional) ? { currency: regional, rate: rates[regional]!, locale } : null;
}

/** A store-currency amount in the display currency, rounded for display (see the top of this file). */
export function convertForDisplay(storeAmount: MoneyInput, display: Pick<DisplayCurrency, 'currency' | 'rate'>): Decimal {
  const exact = new Decimal(storeAmount).dividedBy(display.rate);
  if (exact.isZero()) return exact;
  const significant = exact.toSignificantDigits(SIGNIFICANT_DIGITS, Decimal.ROUND_HALF_UP);
  return significant.toDecimalPlaces(minorUnits(display.currency), Decimal.ROUND_HALF_UP);
}

/** "≈ Rp 22.000": the display-currency estimate of a store-currency amount. */
export function formatApprox(storeAmount: MoneyInput, display: DisplayCurrency): string {
  const amount = convertForDisplay(storeAmount, display);
  const digits = amount.isInteger() ? 0 : minorUnits(display.currency);
  const text = new Intl.NumberFormat(display.locale, {
    style: 'currency',
    currency: display.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount.toFixed(digits) as unknown as number);
  return `≈ ${text}`;
}

/** A currency's name for the picker ("Indonesian Rupiah"), in the customer's locale. */
export function currencyName(currency: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'currency' }).of(currency) ?? currency;
  } catch {
    return currency;
  }
}
