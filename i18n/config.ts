/** The languages the store speaks. URLs carry no locale: the choice lives in a cookie. */
export const locales = ['en', 'id'] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = 'en';

/** Set by the language switcher; wins over the browser's Accept-Language. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

/** Each language's own name, as the switcher shows it. */
export const localeNames: Record<AppLocale, string> = { en: 'English', id: 'Bahasa Indonesia' };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The best of our languages for an Accept-Language header ("id-ID,id;q=0.9,en;q=0.8"): by
 * quality, then order; `in` is the old code for Indonesian that some Android browsers still send.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): AppLocale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { base } of ranked) {
    const candidate = base === 'in' ? 'id' : base;
    if (isAppLocale(candidate)) return candidate;
  }
  return defaultLocale;
}
