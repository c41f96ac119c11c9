import { Decimal, type MoneyInput } from '@/lib/money';

/**
 * Stripe's own minor units, which differ from ISO 4217 in places: these currencies are
 * zero-decimal on the wire (https://docs.stripe.com/currencies#zero-decimal).
 */
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
/** Three-decimal currencies: sent in thousandths, and Stripe wants the last digit 0. */
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

export const stripeDecimals = (currency: string): number =>
  ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : THREE_DECIMAL.has(currency.toUpperCase()) ? 3 : 2;

/**
 * A decimal amount from our books as Stripe's integer in the smallest unit ("12.34" USD -> 1234,
 * 500 JPY -> 500). Refuses an amount that would need rounding: money is never silently changed.
 */
export function toStripeAmount(amount: MoneyInput, currency: string): number {
  const digits = stripeDecimals(currency);
  const minor = new Decimal(amount).times(new Decimal(10).pow(digits));
  if (!minor.isInteger()) throw new Error(`${String(amount)} ${currency} has more decimals than Stripe takes (${digits})`);
  if (digits === 3 && !minor.mod(10).isZero()) throw new Error(`${String(amount)} ${currency}: Stripe wants three-decimal amounts rounded to 0.01`);
  return minor.toNumber();
}

/** Stripe's integer amount back into a decimal of our books. */
export const fromStripeAmount = (minor: number, currency: string): Decimal =>
  new Decimal(minor).dividedBy(new Decimal(10).pow(stripeDecimals(currency)));
