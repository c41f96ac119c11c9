import DecimalJs from 'decimal.js';
import { badRequest, notFound } from '../lib/http';
import { currencyByCode, FOREX_OVERRIDES, USD_ONLY_FOREX, USD_VALUE } from '../catalogue/reference';
import type { Ledger, Wallet } from './state';

/** The sandbox's own Decimal (40 digits, half-up), independent of the storefront's. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);

/** JSON numbers for amounts, as the docs show them. */
export const num = (value: Decimal): number => value.toNumber();

export function forexRate(source: string, destination: string): Decimal | undefined {
  if (source === destination) return new Decimal(1);
  const override = FOREX_OVERRIDES[`${source}->${destination}`];
  if (override) return new Decimal(override);
  const restricted = USD_ONLY_FOREX.has(source) || USD_ONLY_FOREX.has(destination);
  if (restricted && source !== 'USD' && destination !== 'USD') return undefined;
  const from = USD_VALUE[source];
  const to = USD_VALUE[destination];
  if (!from || !to) return undefined;
  return new Decimal(from).div(to).toSignificantDigits(6);
}

export interface Charge {
  walletId: number;
  sourceCurrency: string;
  destinationCurrency: string;
  nonDiscounted: Decimal;
  discountPercent: Decimal;
  discountAmount: Decimal;
  totalAmount: Decimal;
  forexRate: Decimal | null;
  netAmount: Decimal;
  handlingFee: Decimal;
  totalPayable: Decimal;
}

/**
 * The wallet an order debits: the explicit `wallet_id`, else the wallet in the product's
 * currency, else the default (first) wallet. Forex applies whenever the currencies differ.
 */
export function resolveWallet(ledger: Ledger, currency: string, walletId: number | undefined): Wallet {
  if (walletId !== undefined) {
    const wallet = ledger.wallet(walletId);
    if (!wallet) throw notFound('Wallet not found');
    return wallet;
  }
  const wallet = ledger.walletForCurrency(currency) ?? ledger.defaultWallet();
  if (!wallet) throw badRequest('No wallet available for this client');
  return wallet;
}

export function computeCharge(
  ledger: Ledger,
  input: { currency: string; face: Decimal; discountPercent: Decimal; walletId?: number },
): Charge {
  const wallet = resolveWallet(ledger, input.currency, input.walletId);
  const discountAmount = input.face.mul(input.discountPercent).div(100);
  const totalAmount = input.face.minus(discountAmount);
  let rate: Decimal | null = null;
  let netAmount = totalAmount;
  if (wallet.currency !== input.currency) {
    const found = forexRate(input.currency, wallet.currency);
    if (!found) throw badRequest('Exchange rate not available for the wallet currency');
    rate = found;
    netAmount = totalAmount.mul(found).toDecimalPlaces(currencyByCode(wallet.currency).precision);
  }
  const handlingFee = ZERO;
  return {
    walletId: wallet.id,
    sourceCurrency: input.currency,
    destinationCurrency: wallet.currency,
    nonDiscounted: input.face,
    discountPercent: input.discountPercent,
    discountAmount,
    totalAmount,
    forexRate: rate,
    netAmount,
    handlingFee,
    totalPayable: netAmount.plus(handlingFee),
  };
}

/** The charges response shared by the three charges endpoints. */
export function chargeJson(charge: Charge, extra: { gst?: boolean; maxQuantity?: number; details?: Record<string, unknown> } = {}) {
  return {
    non_discounted_total: num(charge.nonDiscounted),
    discount_amount: num(charge.discountAmount),
    total_amount: num(charge.totalAmount),
    discount: num(charge.discountPercent),
    ...(extra.gst ? { gst_amount: 0 } : {}),
    total_payable: num(charge.totalPayable),
    ...(extra.maxQuantity !== undefined ? { max_quantity: extra.maxQuantity } : {}),
    net_amount: num(charge.netAmount),
    handling_fee_amount: num(charge.handlingFee),
    charges_details: {
      source_currency: charge.sourceCurrency,
      destination_currency: charge.destinationCurrency,
      forex_rate: charge.forexRate ? num(charge.forexRate) : null,
      conversion_fee: charge.forexRate ? 0 : null,
      ...extra.details,
    },
  };
}

/** Amounts in ledger remarks: at least the currency's minor unit, more when the amount has them. */
export function formatAmount(value: Decimal, currency: string): string {
  return value.toFixed(Math.max(currencyByCode(currency).precision, value.decimalPlaces()));
}
