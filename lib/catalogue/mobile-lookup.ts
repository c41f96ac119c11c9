import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { products, type Product } from '@/db/schema';
import { isOctopusApiError } from '@/lib/octopus';
import { getOrderContext } from '@/lib/orders/context';

export type OperatorCandidate = { product: Pick<Product, 'id' | 'name' | 'displayName' | 'countryCode'>; identified: boolean };

/**
 * The mobile operators a number may belong to, best guess first, limited to operators this
 * store sells (enabled, on sale). The supplier's lookup decides; we only filter.
 * 'unavailable' when the supplier could not be asked.
 */
export async function lookupOperators(e164: string): Promise<OperatorCandidate[] | 'unavailable'> {
  const ctx = await getOrderContext();
  let matches;
  try {
    matches = await ctx.supplier.lookupMobileNumber(e164);
  } catch (error) {
    if (isOctopusApiError(error)) return 'unavailable';
    throw error;
  }
  if (matches.length === 0) return [];
  const sold = await ctx.db
    .select({ id: products.id, name: products.name, displayName: products.displayName, countryCode: products.countryCode, upstreamId: products.upstreamId })
    .from(products)
    .where(
      and(
        eq(products.vertical, 'topup'),
        inArray(products.upstreamId, matches.map((match) => match.productId)),
        eq(products.enabled, true),
        eq(products.upstreamStatus, 'active'),
        isNull(products.pausedReason),
      ),
    );
  const byUpstream = new Map(sold.map((product) => [product.upstreamId, product]));
  return matches.flatMap((match) => {
    const product = byUpstream.get(match.productId);
    return product ? [{ product, identified: match.identified }] : [];
  });
}
