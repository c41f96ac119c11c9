import type { Product } from '@/db/schema';
import { Decimal, minorUnits } from '@/lib/money';
import type { StoreSettings } from '@/lib/store/settings';

/** Markup in percent: the product's own, else its vertical's, else the store default. */
export function effectiveMarkup(product: Pick<Product, 'vertical' | 'markupPercent'>, settings: StoreSettings): Decimal {
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
