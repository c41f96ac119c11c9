import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { fxRates, products, productVariants, type Product, type ProductVariant } from '@/db/schema';
import { getStoreSettings, type StoreSettings } from '@/lib/store/settings';
import { effectiveMarkup, isBelowCost, variantWholesale } from './pricing';

/**
 * Pauses every listed product whose markup would sell a variant below its wholesale estimate
 * (`below_cost`), and lifts that pause once the markup covers cost again. Returns the products
 * it newly paused. Runs after a sync and after any operator change to markups.
 */
export async function reconcileBelowCostPauses(
  tx: Database | Transaction,
  { settings, storeCurrency, productIds }: { settings?: StoreSettings; storeCurrency: string; productIds?: string[] },
): Promise<Product[]> {
  const effective = settings ?? (await getStoreSettings(tx));
  if (productIds && productIds.length === 0) return [];
  const scope = and(eq(products.upstreamStatus, 'active'), productIds ? inArray(products.id, productIds) : undefined);
  const candidates = await tx.select().from(products).where(scope);
  const ids = candidates.map((product) => product.id);
  const variants = ids.length
    ? await tx
        .select()
        .from(productVariants)
        .where(and(inArray(productVariants.productId, ids), eq(productVariants.active, true)))
    : [];
  const rates = new Map(
    (await tx.select().from(fxRates).where(eq(fxRates.toCurrency, storeCurrency))).map((row) => [row.fromCurrency, row.rate]),
  );
  const variantsOf = new Map<string, ProductVariant[]>();
  for (const variant of variants) variantsOf.set(variant.productId, [...(variantsOf.get(variant.productId) ?? []), variant]);

  const pause: Product[] = [];
  const resume: string[] = [];
  for (const product of candidates) {
    const rate = rates.get(product.currency);
    if (!rate) continue;
    const wholesales = (variantsOf.get(product.id) ?? []).flatMap((variant) => {
      const range = variantWholesale(variant, rate);
      return range ? [range.min, range.max] : [];
    });
    const below = isBelowCost(wholesales, effectiveMarkup(product, effective), storeCurrency);
    if (below && product.pausedReason === null) pause.push(product);
    if (!below && product.pausedReason === 'below_cost') resume.push(product.id);
  }
  if (pause.length) {
    await tx
      .update(products)
      .set({ pausedReason: 'below_cost', updatedAt: sql`now()` })
      .where(inArray(products.id, pause.map((product) => product.id)));
  }
  if (resume.length) await tx.update(products).set({ pausedReason: null, updatedAt: sql`now()` }).where(inArray(products.id, resume));
  return pause;
}
