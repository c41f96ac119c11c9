import type { MetadataRoute } from 'next';
import type { StoreProduct, StoreProductDetail } from '@/lib/catalogue/queries';
import { Decimal, formatMoney, roundToMinor } from '@/lib/money';
import { verticals, type VerticalSlug } from '@/lib/verticals';

/*
 * What search engines and link previews read: sitemap, robots rules, product structured data.
 * Pure builders here (unit-tested); the routes feed them the catalogue and PUBLIC_URL.
 */

/** Paths that are nobody's business but the customer's or the operator's: never crawled or listed. */
export const PRIVATE_PATHS = ['/admin', '/account', '/orders', '/api', '/checkout', '/sandbox'] as const;

const isPrivate = (path: string) => PRIVATE_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** An absolute URL on the store's public origin. */
export const absoluteUrl = (baseUrl: string, path: string) => new URL(path, `${baseUrl.replace(/\/+$/, '')}/`).toString();

export type SitemapInput = {
  baseUrl: string;
  products: Pick<StoreProduct, 'id' | 'slug' | 'testScenario'>[];
  helpSlugs: string[];
  /** When the catalogue last changed (a sync or an operator's edit), for lastModified. */
  lastModified?: Date;
};

/**
 * Home, the four sections, help, every product on sale. Sandbox test products are never listed
 * (nor anything under a private path), whatever the caller passes.
 */
export function buildSitemap({ baseUrl, products, helpSlugs, lastModified }: SitemapInput): MetadataRoute.Sitemap {
  const entry = (path: string, priority: number, changeFrequency: 'daily' | 'weekly' | 'monthly') => ({
    url: absoluteUrl(baseUrl, path),
    ...(lastModified ? { lastModified } : {}),
    changeFrequency,
    priority,
  });
  const paths = [
    entry('/', 1, 'daily'),
    ...verticals.map((vertical) => entry(`/${vertical.slug}`, 0.9, 'daily')),
    ...products.filter((product) => !product.testScenario).map((product) => entry(`/${product.slug}/${product.id}`, 0.8, 'daily')),
    entry('/help', 0.4, 'monthly'),
    ...helpSlugs.map((slug) => entry(`/help/${slug}`, 0.3, 'monthly')),
  ];
  const seen = new Set<string>();
  return paths.filter((item) => {
    const path = new URL(item.url).pathname;
    if (isPrivate(path) || seen.has(item.url)) return false;
    seen.add(item.url);
    return true;
  });
}

export function buildRobots(baseUrl: string): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: [...PRIVATE_PATHS.map((path) => `${path}/`), ...PRIVATE_PATHS] }],
    sitemap: absoluteUrl(baseUrl, '/sitemap.xml'),
  };
}

/** The name customers know a product by: "Japan eSIM", else the product's own name. */
export const productTitle = (product: Pick<StoreProduct, 'vertical' | 'name' | 'destination' | 'testScenario'>) =>
  product.vertical === 'esim' && !product.testScenario ? `${product.destination} eSIM` : product.name;

const sectionNoun: Record<VerticalSlug, string> = { vouchers: 'gift card', games: 'game top-up', mobile: 'mobile recharge', esim: 'travel eSIM' };

/** One or two sentences for the description meta tag and link previews (at most 160 characters). */
export function productDescription(product: StoreProductDetail, storeCurrency: string, storeName: string): string {
  // The operator's words first, else the supplier's. Markdown to plain text: links and images
  // keep their words, emphasis and headings go.
  const own = (product.storeDescription ?? product.description)
    ?.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const generated = `Buy ${productTitle(product)}, a ${sectionNoun[product.slug]} for ${product.destination}, from ${formatMoney(product.fromPrice, storeCurrency)} at ${storeName}. Delivered in seconds.`;
  const text = own || generated;
  return text.length <= 160 ? text : `${text.slice(0, 157).replace(/\s+\S*$/, '')}…`;
}

type JsonLdOffer = {
  '@type': 'Offer';
  name: string;
  price: string;
  priceCurrency: string;
  availability: string;
  url: string;
};

/**
 * schema.org Product for a product page: name, image, description, brand, and its offers in the
 * store currency (an AggregateOffer over the options, each fixed option an Offer). Null for a
 * sandbox test product: those are no product of the store.
 */
export function productJsonLd(
  product: StoreProductDetail,
  { baseUrl, storeCurrency, storeName, description }: { baseUrl: string; storeCurrency: string; storeName: string; description: string },
): Record<string, unknown> | null {
  if (product.testScenario || product.variants.length === 0) return null;
  const url = absoluteUrl(baseUrl, `/${product.slug}/${product.id}`);
  const price = (amount: string) => roundToMinor(amount, storeCurrency).toFixed();
  const lows = product.variants.map((variant) => new Decimal(variant.priceMin));
  const highs = product.variants.map((variant) => new Decimal(variant.priceMax));
  const offers: JsonLdOffer[] = product.variants
    .filter((variant) => variant.kind === 'fixed')
    .map((variant) => ({
      '@type': 'Offer',
      name: variant.name,
      price: price(variant.priceMin),
      priceCurrency: storeCurrency,
      availability: 'https://schema.org/InStock',
      url,
    }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: productTitle(product),
    description,
    url,
    sku: product.id,
    category: sectionNoun[product.slug],
    ...(product.imageUrl ? { image: absoluteUrl(baseUrl, product.imageUrl) } : {}),
    brand: { '@type': 'Brand', name: product.vertical === 'esim' ? storeName : product.name },
    offers: {
      '@type': 'AggregateOffer',
      priceCurrency: storeCurrency,
      lowPrice: price(Decimal.min(...lows).toFixed()),
      highPrice: price(Decimal.max(...highs).toFixed()),
      offerCount: product.variants.length,
      availability: 'https://schema.org/InStock',
      url,
      ...(offers.length ? { offers } : {}),
    },
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can end the script. */
export const serializeJsonLd = (data: Record<string, unknown>) => JSON.stringify(data).replace(/</g, '\\u003c');
