import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getSectionProduct } from '@/lib/catalogue/storefront';
import { getStoreInfo } from '@/lib/store';
import type { VerticalSlug } from '@/lib/verticals';
import { ProductCheckout } from '@/components/checkout/product-checkout';
import { ProductDetails } from './product-details';
import { EsimCompatibilityLink, ProductDescription, RedeemSteps } from './product-content';

export async function productMetadata(slug: VerticalSlug, id: string): Promise<Metadata> {
  const product = await getSectionProduct(slug, id);
  return { title: product ? (product.vertical === 'esim' ? `${product.destination} eSIM` : product.name) : 'Not found' };
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
  const [product, { currency }] = await Promise.all([getSectionProduct(slug, id), getStoreInfo()]);
  if (!product) notFound();
  return (
    <ProductDetails product={product} storeCurrency={currency}>
      <ProductDescription markdown={product.storeDescription} />
      {product.vertical === 'esim' && <EsimCompatibilityLink />}
      <ProductCheckout product={product} storeCurrency={currency} searchParams={searchParams} />
      <RedeemSteps markdown={product.redeemSteps} />
    </ProductDetails>
  );
}
