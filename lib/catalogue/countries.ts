import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en);

/**
 * Region codes the supplier uses for multi-country products (eSIM regions, global top-ups).
 * They are the supplier's own, not ISO 3166, so no country library knows them.
 */
const REGION_NAMES: Record<string, string> = {
  GLO: 'Global',
  EUR: 'Europe',
  ASI: 'Asia',
  NAM: 'North America',
  LAM: 'Latin America',
  MEA: 'Middle East',
  AFR: 'Africa',
};

/** ISO 3166-1 alpha-2 for an alpha-2 or alpha-3 code; null for regions and unknown codes. */
export function toAlpha2(code: string | null | undefined): string | null {
  if (!code) return null;
  const upper = code.toUpperCase();
  if (upper.length === 2) return countries.isValid(upper) ? upper : null;
  if (upper.length === 3) return countries.alpha3ToAlpha2(upper) ?? null;
  return null;
}

/**
 * The everyday English name of a country ("United States", "South Korea"): the shorter of the
 * library's official name and first alias, skipping abbreviations and inverted forms.
 */
export function countryName(alpha2: string): string {
  const names = countries.getName(alpha2, 'en', { select: 'all' }) ?? [];
  const candidates = names.slice(0, 2).filter((name) => name.length >= 4 && !name.includes(','));
  const shortest = candidates.sort((a, b) => a.length - b.length)[0];
  return shortest ?? names[0] ?? alpha2;
}

export function regionName(code: string): string | null {
  return REGION_NAMES[code.toUpperCase()] ?? null;
}

/** Where a product applies: its country's name, else its region's name, else the raw code. */
export function destinationName(product: { countryCode: string | null; upstreamRegion: string | null }): string {
  if (product.countryCode) return countryName(product.countryCode);
  if (product.upstreamRegion) return regionName(product.upstreamRegion) ?? product.upstreamRegion;
  return 'Worldwide';
}
