import 'server-only';
import { Decimal } from '@/lib/money';
import type { OctopusClient } from '@/lib/octopus';
import type { UpstreamProduct } from '@/lib/supplier/catalogue';
import { quoteCharges } from '@/lib/supplier/orders';

/**
 * Forex rates product currency -> store currency, as the supplier itself converts: a charges
 * quote per currency, paid from the store-currency wallet. A currency with no quotable product
 * or no rate gets none; its products stay off the storefront until it has one.
 */
export async function learnFxRates(
  client: OctopusClient,
  { storeCurrency, walletId }: { storeCurrency: string; walletId: number },
  upstream: UpstreamProduct[],
): Promise<Map<string, Decimal>> {
  const rates = new Map<string, Decimal>([[storeCurrency, new Decimal(1)]]);
  const currencies = [...new Set(upstream.map((product) => product.currency))].filter((currency) => currency !== storeCurrency);
  for (const currency of currencies) {
    const candidates = upstream.filter((product) => product.currency === currency && product.variants.length > 0).slice(0, 3);
    for (const product of candidates) {
      const variant = product.variants[0]!;
      try {
        const charges = await quoteCharges(client, {
          vertical: product.vertical,
          upstreamProductId: product.upstreamId,
          faceAmount: (variant.amount ?? variant.minAmount)!,
          quantity: 1,
          category: variant.category,
          walletId,
        });
        if (charges.destinationCurrency && charges.destinationCurrency !== storeCurrency) continue;
        const rate =
          charges.forexRate ??
          (charges.netAmount && charges.totalAmount && !charges.totalAmount.isZero() ? charges.netAmount.dividedBy(charges.totalAmount) : null);
        if (rate && rate.gt(0)) {
          rates.set(currency, rate.toDecimalPlaces(10));
          break;
        }
      } catch {
        // Try the next product of this currency; a currency without any rate is reported.
      }
    }
  }
  return rates;
}
