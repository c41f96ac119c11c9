import 'server-only';
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { getStoreInfo } from '@/lib/store';
import { getStoreSettings } from '@/lib/store/settings';
import { verticals, type VerticalSlug } from '@/lib/verticals';
import { getCatalogueVersion, getStoreProductById, listStoreProductsBySection, type StoreProduct, type StoreProductDetail } from './queries';

/** The tag of every cached catalogue read; operator actions revalidate it. */
export const CATALOGUE_CACHE_TAG = 'catalogue';

/*
 * Customer pages read the catalogue through Next's data cache. The key carries the catalogue
 * version (see getCatalogueVersion), so a sync or a settings change made by any process shows at
 * once; the tag lets operator actions drop stale entries early.
 * Not 'use cache' + cacheTag: those need `cacheComponents`, an app-wide switch (PPR, Activity,
 * no `dynamic` route configs), while the reads here are the only cached ones.
 */

const cachedSection = unstable_cache(
  async (_version: string, storeCurrency: string, slug: VerticalSlug): Promise<StoreProduct[]> => {
    const db = await getDb();
    return listStoreProductsBySection(db, { storeCurrency, settings: await getStoreSettings(db) }, slug);
  },
  ['catalogue-section'],
  { tags: [CATALOGUE_CACHE_TAG] },
);

const cachedProduct = unstable_cache(
  async (_version: string, storeCurrency: string, id: string): Promise<StoreProductDetail | null> => {
    const db = await getDb();
    return getStoreProductById(db, { storeCurrency, settings: await getStoreSettings(db) }, id);
  },
  ['catalogue-product'],
  { tags: [CATALOGUE_CACHE_TAG] },
);

async function cacheKey(): Promise<[version: string, currency: string]> {
  const [version, store] = await Promise.all([getDb().then(getCatalogueVersion), getStoreInfo()]);
  return [version, store.currency];
}

/**
 * Sandbox test products exist only in sandbox mode: one still marked from before the store
 * switched to the real supplier (until its next sync clears the mark) is neither listed nor sold.
 */
const visibleHere = (product: StoreProduct) => !product.testScenario || env().OCTOPUS_SANDBOX;

export async function getSectionProducts(slug: VerticalSlug): Promise<StoreProduct[]> {
  const [version, currency] = await cacheKey();
  return (await cachedSection(version, currency, slug)).filter(visibleHere);
}

/** The product if customers may see it in this section, else null (the page answers 404). */
export async function getSectionProduct(slug: VerticalSlug, id: string): Promise<StoreProductDetail | null> {
  const [version, currency] = await cacheKey();
  const product = await cachedProduct(version, currency, id);
  return product && product.slug === slug && visibleHere(product) ? product : null;
}

/** Featured products of every section for the home page (the first few of each). */
export async function getFeaturedBySection(perSection = 4): Promise<{ slug: VerticalSlug; products: StoreProduct[] }[]> {
  const sections = await Promise.all(verticals.map((vertical) => getSectionProducts(vertical.slug)));
  return verticals.map((vertical, index) => ({
    slug: vertical.slug,
    products: sections[index]!.filter((product) => product.featured && !product.testScenario).slice(0, perSection),
  }));
}

export type ProductFilters = { q?: string; country?: string; category?: string };

/** The categories a customer can filter a product by: brand category, plan types, or eSIM coverage. */
export function categoriesOf(product: StoreProduct): string[] {
  if (product.vertical === 'esim') return [product.countryCode ? 'Single country' : 'Regional'];
  if (product.vertical === 'voucher') return product.category ? [product.category] : [];
  return product.variantCategories;
}

/** Where a product applies, as the country filter names it: alpha-2, else the region code. */
export const placeOf = (product: StoreProduct): string | null => product.countryCode ?? product.upstreamRegion;

/** Search and filters over a section's products (what the GET form on each section sends). */
export function filterProducts(all: StoreProduct[], filters: ProductFilters): StoreProduct[] {
  const words = (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return all.filter((product) => {
    const haystack = [product.name, product.destination, ...categoriesOf(product)].join(' ').toLowerCase();
    if (!words.every((word) => haystack.includes(word))) return false;
    if (filters.country && placeOf(product) !== filters.country) return false;
    if (filters.category && !categoriesOf(product).includes(filters.category)) return false;
    return true;
  });
}
