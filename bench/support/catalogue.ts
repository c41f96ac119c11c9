import { and, count, eq } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { products, productVariants, type VerticalKind } from '@/db/schema';
import { runCatalogueSync, type SyncSummary } from '@/lib/catalogue/sync';
import { Decimal } from '@/lib/money';
import { createOctopusClient } from '@/lib/octopus';

export type Offer = {
  vertical: VerticalKind;
  productId: string;
  variantId: string;
  upstreamProductId: number;
  amount: string;
  /** The variant's supplier category (top-ups), as the checkout sends it. */
  category: string | null;
  inputFields: unknown[];
};

export function benchSupplierClient(sandboxUrl: string, timeoutMs = 30_000) {
  return createOctopusClient({
    baseUrl: sandboxUrl,
    apiKey: 'sandbox_demo_key',
    apiSecret: 'sandbox_demo_secret',
    timeoutMs,
    logger: false,
  });
}

/**
 * The bench store's catalogue: synced from the sandbox the way the seed and the scheduled job
 * do it (skipped when the seed already did), then everything put on sale.
 */
export async function syncAndEnableCatalogue(databaseUrl: string, sandboxUrl: string): Promise<{ summary: SyncSummary | null; products: number }> {
  const handle = createDatabase({ url: databaseUrl });
  try {
    const [existing] = await handle.db.select({ n: count() }).from(products);
    let summary: SyncSummary | null = null;
    if (!existing || existing.n === 0) {
      const outcome = await runCatalogueSync({ db: handle.db, client: benchSupplierClient(sandboxUrl), storeCurrency: 'USD' }, { trigger: 'seed' });
      if (outcome.status !== 'succeeded') throw new Error(`catalogue sync ${outcome.status}: ${'error' in outcome ? outcome.error : ''}`);
      summary = outcome.summary;
    }
    await handle.db.update(products).set({ enabled: true, pausedReason: null });
    const [total] = await handle.db.select({ n: count() }).from(products);
    return { summary, products: total?.n ?? 0 };
  } finally {
    await handle.close();
  }
}

/** The store's product and variant for a supplier product and face amount. */
export async function findOffer(databaseUrl: string, vertical: VerticalKind, upstreamProductId: number, amount: string): Promise<Offer> {
  const handle = createDatabase({ url: databaseUrl });
  try {
    const rows = await handle.db
      .select({ product: products, variant: productVariants })
      .from(products)
      .innerJoin(productVariants, eq(productVariants.productId, products.id))
      .where(and(eq(products.vertical, vertical), eq(products.upstreamId, upstreamProductId), eq(productVariants.active, true)));
    const wanted = new Decimal(amount);
    const match =
      rows.find((row) => row.variant.kind === 'fixed' && row.variant.amount !== null && new Decimal(row.variant.amount).eq(wanted)) ??
      rows.find(
        (row) =>
          row.variant.kind === 'range' &&
          row.variant.minAmount !== null &&
          row.variant.maxAmount !== null &&
          wanted.gte(row.variant.minAmount) &&
          wanted.lte(row.variant.maxAmount),
      );
    if (!match) throw new Error(`no ${vertical} offer for supplier product ${upstreamProductId} at ${amount} (variants: ${rows.map((r) => r.variant.amount ?? `${r.variant.minAmount}-${r.variant.maxAmount}`).join(', ')})`);
    return {
      vertical,
      productId: match.product.id,
      variantId: match.variant.id,
      upstreamProductId,
      amount,
      category: match.variant.category,
      inputFields: match.product.inputFields,
    };
  } finally {
    await handle.close();
  }
}
