import { describe, expect, it } from 'vitest';
import type { StoreProductDetail, StoreVariant } from '@/lib/catalogue/queries';
import { buildRobots, buildSitemap, productDescription, productJsonLd, serializeJsonLd } from '..';

const BASE = 'https://shop.example.com';

describe('buildSitemap', () => {
  const sitemap = buildSitemap({
    baseUrl: `${BASE}/`,
    products: [
      { id: 'a1', slug: 'vouchers', testScenario: false },
      { id: 'b2', slug: 'esim', testScenario: false },
      { id: 't9', slug: 'vouchers', testScenario: true },
      { id: 'a1', slug: 'vouchers', testScenario: false },
    ],
    helpSlugs: ['faq', 'terms'],
  });
  const urls = sitemap.map((entry) => entry.url);

  it('lists home, the sections, help and each product on sale once, as absolute URLs on the public origin', () => {
    expect(urls).toEqual([
      `${BASE}/`,
      `${BASE}/vouchers`,
      `${BASE}/games`,
      `${BASE}/mobile`,
      `${BASE}/esim`,
      `${BASE}/vouchers/a1`,
      `${BASE}/esim/b2`,
      `${BASE}/help`,
      `${BASE}/help/faq`,
      `${BASE}/help/terms`,
    ]);
  });

  it('never lists sandbox test products or private paths', () => {
    expect(urls.some((url) => url.includes('t9'))).toBe(false);
    expect(urls.some((url) => /\/(admin|account|orders|api|checkout|sandbox)(\/|$)/.test(new URL(url).pathname))).toBe(false);
  });
});

describe('buildRobots', () => {
  it('disallows the private paths and points at the sitemap', () => {
    const robots = buildRobots(BASE);
    const rules = Array.isArray(robots.rules) ? robots.rules[0]! : robots.rules;
    expect(rules.disallow).toEqual(expect.arrayContaining(['/admin', '/account', '/orders', '/api', '/admin/', '/api/']));
    expect(rules.allow).toBe('/');
    expect(robots.sitemap).toBe(`${BASE}/sitemap.xml`);
  });
});

const variant = (over: Partial<StoreVariant>): StoreVariant => ({
  id: 'v',
  name: '$10 card',
  kind: 'fixed',
  faceMin: '10',
  faceMax: '10',
  currency: 'USD',
  priceMin: '10.7',
  priceMax: '10.7',
  category: null,
  dataGb: null,
  validityDays: null,
  details: {},
  ...over,
});

const product: StoreProductDetail = {
  id: 'p1',
  vertical: 'voucher',
  slug: 'vouchers',
  name: 'Steam <Wallet>',
  countryCode: 'US',
  upstreamRegion: null,
  destination: 'United States',
  currency: 'USD',
  imageUrl: '/api/product-images/p1?v=abc',
  category: 'Gaming',
  topupType: null,
  featured: false,
  testScenario: false,
  fromPrice: '5.345',
  variantCount: 3,
  variantCategories: [],
  storeDescription: null,
  redeemSteps: null,
  description: null,
  inputFields: [],
  variants: [
    variant({ id: 'v1', name: '$5 card', priceMin: '5.345', priceMax: '5.345' }),
    variant({ id: 'v2', name: '$10 card' }),
    variant({ id: 'v3', name: 'Any amount', kind: 'range', priceMin: '1.07', priceMax: '107' }),
  ],
};

describe('productJsonLd', () => {
  const context = { baseUrl: BASE, storeCurrency: 'USD', storeName: 'Octo', description: 'Steam codes' };

  it('names the product, its picture on our origin, brand and offers in the store currency at charged precision', () => {
    const data = JSON.parse(serializeJsonLd(productJsonLd(product, context)!));
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Steam <Wallet>',
      image: `${BASE}/api/product-images/p1?v=abc`,
      description: 'Steam codes',
      brand: { '@type': 'Brand', name: 'Steam <Wallet>' },
      offers: { '@type': 'AggregateOffer', priceCurrency: 'USD', lowPrice: '1.07', highPrice: '107', offerCount: 3 },
    });
    expect(data.offers.offers).toEqual([
      expect.objectContaining({ '@type': 'Offer', name: '$5 card', price: '5.35', priceCurrency: 'USD', availability: 'https://schema.org/InStock' }),
      expect.objectContaining({ name: '$10 card', price: '10.7' }),
    ]);
  });

  it('cannot end its script tag, and is absent for sandbox test products', () => {
    expect(serializeJsonLd(productJsonLd(product, context)!)).not.toContain('<');
    expect(productJsonLd({ ...product, testScenario: true }, context)).toBeNull();
  });
});

describe('productDescription', () => {
  it('uses the operator’s text without Markdown, else says what it is and from what price, within 160 characters', () => {
    expect(productDescription({ ...product, description: '**Top up** your [Steam](https://x) wallet.' }, 'USD', 'Octo')).toBe('Top up your Steam wallet.');
    expect(productDescription(product, 'USD', 'Octo')).toBe('Buy Steam <Wallet>, a gift card for United States, from $5.35 at Octo. Delivered in seconds.');
    expect(productDescription({ ...product, description: 'word '.repeat(60) }, 'USD', 'Octo').length).toBeLessThanOrEqual(160);
  });
});
