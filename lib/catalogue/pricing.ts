import type { Product } from '@/db/schema';
import { Decimal, minorUnits } from '@/lib/money';
import type { StoreSettings } from '@/lib/store/settings';

/*
 * Pure pricing: no I/O, decimal.js only, safe in the browser (the operator's live preview runs
 * the same functions the server lists prices with).
 */

type MarkupSettings = Pick<StoreSettings, 'defaultMarkupPercent' | 'voucherMarkupPercent' | 'topupMarkupPercent' | 'esimMarkupPercent'>;

/** Markup in percent: the product's own, else its vertical's, else the store default. */
export function effectiveMarkup(product: Pick<Product, 'vertical' | 'markupPercent'>, settings: MarkupSettings): Decimal {
  const byVertical = {
    voucher: settings.voucherMarkupPercent,
    topup: settings.topupMarkupPercent,
    esim: settings.esimMarkupPercent,
  }[product.vertical];
  return new Decimal(product.markupPercent ?? byVertical ?? settings.defaultMarkupPercent);
}

/**
 * Retail = wholesale x (1 + markup). Rounded UP to the currency's minor unit, so rounding can
 * never take a price below what the supplier charges us.
 */
export function retailFromWholesale(wholesale: Decimal, markupPercent: Decimal, currency: string): Decimal {
  const exact = wholesale.times(new Decimal(1).plus(markupPercent.dividedBy(100)));
  return exact.toDecimalPlaces(minorUnits(currency), Decimal.ROUND_UP);
}

type Numeric = Decimal | string | number;

/**
 * The listing estimate of what the supplier charges for `face` (product currency), in the store
 * currency: face x (1 - discount%) x forex. A missing discount counts as none (top-up variant
 * lists publish none), so the estimate errs on the expensive side. Not rounded: the exact
 * charge comes from the charges endpoint at checkout.
 */
export function wholesaleEstimate(face: Numeric, discountPercent: Numeric | null, fxRate: Numeric): Decimal {
  const discount = new Decimal(discountPercent ?? 0);
  return new Decimal(face).times(new Decimal(1).minus(discount.dividedBy(100))).times(fxRate);
}

/** The face amounts a variant sells: one for a fixed variant, the two ends of a range. */
export type VariantFaces = { kind: 'fixed' | 'range'; amount: Numeric | null; minAmount: Numeric | null; maxAmount: Numeric | null };

export function faceBounds(variant: VariantFaces): { min: Decimal; max: Decimal } | null {
  if (variant.kind === 'fixed') return variant.amount === null ? null : { min: new Decimal(variant.amount), max: new Decimal(variant.amount) };
  if (variant.minAmount === null || variant.maxAmount === null) return null;
  return { min: new Decimal(variant.minAmount), max: new Decimal(variant.maxAmount) };
}

/** Wholesale estimates (store currency) at the two ends of a variant; equal for fixed variants. */
export function variantWholesale(
  variant: VariantFaces & { discountPercent: Numeric | null },
  fxRate: Numeric,
): { min: Decimal; max: Decimal } | null {
  const bounds = faceBounds(variant);
  if (!bounds) return null;
  return {
    min: wholesaleEstimate(bounds.min, variant.discountPercent, fxRate),
    max: wholesaleEstimate(bounds.max, variant.discountPercent, fxRate),
  };
}

/** True when this markup would sell any of these wholesale amounts below cost. */
export function isBelowCost(wholesales: Decimal[], markupPercent: Decimal, currency: string): boolean {
  return wholesales.some((wholesale) => retailFromWholesale(wholesale, markupPercent, currency).lt(wholesale));
}

/** What the store keeps on one sale, and that as a percent of the retail price. */
export function marginOf(retail: Decimal, wholesale: Decimal): { amount: Decimal; percent: Decimal | null } {
  const amount = retail.minus(wholesale);
  return { amount, percent: retail.isZero() ? null : amount.dividedBy(retail).times(100) };
}
