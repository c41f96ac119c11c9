/**
 * Amounts as Stripe takes them: integers in the currency's smallest unit, except zero-decimal
 * currencies where the integer is the amount itself (`500` JPY is ¥500).
 * https://docs.stripe.com/currencies#zero-decimal
 */

export const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
export const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

export function decimalsOf(currency: string): number {
  const c = currency.toLowerCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
}

/** Stripe's minimum charge amounts (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts), in minor units. */
const MINIMUM: Record<string, number> = {
  usd: 50, aed: 200, aud: 50, bgn: 100, brl: 50, cad: 50, chf: 50, czk: 1500, dkk: 250, eur: 50, gbp: 30,
  hkd: 400, huf: 17500, inr: 50, jpy: 50, mxn: 1000, myr: 200, nok: 300, nzd: 50, pln: 200, ron: 200,
  sek: 300, sgd: 50, thb: 1000,
};

export function minimumAmount(currency: string): number | undefined {
  return MINIMUM[currency.toLowerCase()];
}

/** Stripe's upper bound for one amount: eight digits. */
export const MAXIMUM_AMOUNT = 99_999_999;

/** A valid ISO 4217 code as Stripe takes it (lowercase on the wire; any case accepted). */
export function isCurrency(value: string): boolean {
  if (!/^[a-zA-Z]{3}$/.test(value)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: value.toUpperCase() });
    return true;
  } catch {
    return false;
  }
}

/** `$25.00`, `¥500`: how Stripe's messages and the hosted page write an amount. */
export function formatAmount(amount: number, currency: string): string {
  const digits = decimalsOf(currency);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}
