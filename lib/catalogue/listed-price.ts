import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { fxRates, type Product, type ProductVariant } from '@/db/schema';
import type { Decimal } from '@/lib/money';
import type { StoreSettings } from '@/lib/store/settings';
import { effectiveMarkup, retailFromWholesale, wholesaleEstimate } from './pricing';

/**
 * The price the store lists for `quantity` x `face` of a variant, in the store currency: the
 * same estimate the section list, the product page and the operator's preview show (face less
 * the variant's discount, at the stored forex rate, plus markup, rounded up per unit). Null when
 * the product has no forex rate yet (it is then not listed at all).
 */
export async function listedRetail(
  db: Database,
  {
    product,
    variant,
    face,
    quantity,
    storeCurrency,
    settings,
  }: { product: Product; variant: ProductVariant; face: Decimal; quantity: number; storeCurrency: string; settings: StoreSettings },
): Promise<Decimal | null> {
  let rate: string | null = '1';
  if (product.currency !== storeCurrency) {
    const [row] = await db
      .select({ rate: fxRates.rate })
      .from(fxRates)
      .where(and(eq(fxRates.fromCurrency, product.currency), eq(fxRates.toCurrency, storeCurrency)));
    rate = row?.rate ?? null;
  }
  if (rate === null) return null;
  const unit = retailFromWholesale(wholesaleEstimate(face, variant.discountPercent, rate), effectiveMarkup(product, settings), storeCurrency);
  return unit.times(quantity);
}
