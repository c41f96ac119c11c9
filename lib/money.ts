import DecimalJs from 'decimal.js';

/**
 * The storefront's Decimal: money never touches JS floats. 40 significant digits, half-up
 * rounding, in a clone of its own so no other user of decimal.js changes (or sees) it.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export type MoneyInput = Decimal | string | number;

/** Decimal places of a currency's minor unit (JPY 0, USD 2, KWD 3), from the platform's ICU data. */
export function minorUnits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Rounds to the currency's minor unit; used only at the edges (display, charging the customer). */
export function roundToMinor(amount: MoneyInput, currency: string): Decimal {
  return new Decimal(amount).toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP);
}

/**
 * An amount as customers read it, in their language's notation ("$1,234.50", "US$1.234,50"):
 * pass the store language (`en`, `id`) or any BCP 47 tag. Display only: it never rounds a charge.
 */
export function formatMoney(amount: MoneyInput, currency: string, locale = 'en-US'): string {
  const digits = minorUnits(currency);
  const rounded = roundToMinor(amount, currency);
  // Intl takes a string, so large values and exact decimals survive formatting.
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(rounded.toFixed(digits) as unknown as number);
}

/** A range in one currency, each end at the currency's own decimals: "₹10.00 – ₹5,000.00". */
export function formatMoneyRange(min: MoneyInput, max: MoneyInput, currency: string, locale = 'en-US'): string {
  return `${formatMoney(min, currency, locale)} – ${formatMoney(max, currency, locale)}`;
}

/** An amount as a person would type it, at the currency's decimals, no symbol or grouping ("10.00"). */
export function formatAmount(amount: MoneyInput, currency: string): string {
  return roundToMinor(amount, currency).toFixed(minorUnits(currency));
}

/**
 * Parses an amount typed by a person ("12", "12.5", "12.50"). Returns undefined for anything
 * that is not a plain positive decimal with at most the currency's minor digits.
 */
export function parseAmount(input: string, currency: string): Decimal | undefined {
  const trimmed = input.trim();
  const digits = minorUnits(currency);
  const pattern = digits === 0 ? /^\d{1,12}$/ : new RegExp(`^\\d{1,12}(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(trimmed)) return undefined;
  const amount = new Decimal(trimmed);
  return amount.gt(0) ? amount : undefined;
}
