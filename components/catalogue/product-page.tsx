import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getSectionProduct } from '@/lib/catalogue/storefront';
import { productDescription, productJsonLd, productTitle, serializeJsonLd } from '@/lib/seo';
import { pageMetadata, siteUrl } from '@/lib/seo/server';
import { getStoreInfo } from '@/lib/store';
import type { VerticalSlug } from '@/lib/verticals';
import { ProductCheckout } from '@/components/checkout/product-checkout';
import { ProductDetails } from './product-details';
import { EsimCompatibilityLink, ProductDescription, RedeemSteps } from './product-content';

export async function productMetadata(slug: VerticalSlug, id: string): Promise<Metadata> {
  const [product, store] = await Promise.all([getSectionProduct(slug, id), getStoreInfo()]);
  if (!product) return { title: 'Not found' };
  return pageMetadata({
    title: productTitle(product),
    description: productDescription(product, store.currency, store.name),
    path: `/${product.slug}/${product.id}`,
    // The product's own picture, served from our origin; none: the store's default card.
    image: product.imageUrl,
    // Sandbox test products are for trying the store, never for search results.
    noIndex: product.testScenario,
  });
}

/**
 * The page of one product in one section. Anything a customer may not buy (disabled, paused,
 * removed by the supplier, or in another section) is a 404.
 */
export async function ProductPage({
  slug,
  id,
  searchParams = {},
}: {
  slug: VerticalSlug;
  id: string;
  searchParams?: Record<string, string | string[] | undefined>;
}) {
  const [product, { currency, name }] = await Promise.all([getSectionProduct(slug, id), getStoreInfo()]);
  if (!product) notFound();
  const structured = productJsonLd(product, { baseUrl: siteUrl(), storeCurrency: currency, storeName: name, description: productDescription(product, currency, name) });
  return (
    <>
      {structured && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(structured) }} />}
      <ProductDetails product={product} storeCurrency={currency}>
        <ProductDescription markdown={product.storeDescription} />
        {product.vertical === 'esim' && <EsimCompatibilityLink />}
        <ProductCheckout product={product} storeCurrency={currency} searchParams={searchParams} />
        <RedeemSteps markdown={product.redeemSteps} />
      </ProductDetails>
    </>
  );
}
