import 'server-only';
import pLimit from 'p-limit';
import { Decimal } from '@/lib/money';
import type { OctopusClient } from '@/lib/octopus';
import type { UpstreamProduct } from '@/lib/supplier/catalogue';
import { quoteCharges } from '@/lib/supplier/orders';

/**
 * The top-up variant list publishes no discount, yet the supplier debits the face value less
 * the client discount (docs: "a 4.99 variant -> 4.7405"). Without it every listed price and the
 * operator's preview would sit above what checkout charges (PUBG 60 UC listed $1.37, charged
 * $1.30). One charges quote per top-up product tells the discount it gets; its variants take it.
 * A product whose quote fails keeps no discount (the estimate then errs on the expensive side).
 */
export async function learnTopupDiscounts(
  client: OctopusClient,
  upstream: UpstreamProduct[],
  walletId: number,
  concurrency = 4,
): Promise<Map<number, Decimal>> {
  const limit = pLimit(concurrency);
  const discounts = new Map<number, Decimal>();
  const topups = upstream.filter((product) => product.vertical === 'topup' && product.variants.length > 0);
  await Promise.all(
    topups.map((product) =>
      limit(async () => {
        const variant = product.variants[0]!;
        try {
          const charges = await quoteCharges(client, {
            vertical: 'topup',
            upstreamProductId: product.upstreamId,
            faceAmount: (variant.amount ?? variant.minAmount)!,
            quantity: 1,
            category: variant.category,
            walletId,
          });
          const percent =
            charges.discountPercent ??
            (charges.discountAmount && !charges.nonDiscountedTotal.isZero() ? charges.discountAmount.dividedBy(charges.nonDiscountedTotal).times(100) : null);
          if (percent && percent.gt(0) && percent.lt(100)) discounts.set(product.upstreamId, percent.toDecimalPlaces(3, Decimal.ROUND_DOWN));
        } catch {
          // No discount known: the listing overstates this product's price until the next sync.
        }
      }),
    ),
  );
  return discounts;
}

/** Gives every top-up variant without a published discount the one its product was quoted at. */
export function withTopupDiscounts(upstream: UpstreamProduct[], discounts: Map<number, Decimal>): UpstreamProduct[] {
  return upstream.map((product) => {
    const discount = product.vertical === 'topup' ? discounts.get(product.upstreamId) : undefined;
    if (!discount) return product;
    return { ...product, variants: product.variants.map((variant) => (variant.discountPercent === null ? { ...variant, discountPercent: discount } : variant)) };
  });
}
