import Link from 'next/link';
import { Search } from 'lucide';
import { Icon } from '@/components/ui/icon';
import { getTranslations } from 'next-intl/server';
import type { VerticalSlug } from '@/lib/verticals';

type Option = { value: string; label: string };

const control =
  'block w-full rounded-xl border border-zinc-300 bg-white px-3 py-2.5 text-base shadow-sm dark:border-zinc-700 dark:bg-zinc-900 sm:text-sm';

/**
 * Search and filters as a plain GET form: works without JavaScript, every result is a URL
 * that can be shared, and the server renders it.
 */
export async function CatalogueFilters({
  slug,
  noun,
  values,
  countries,
  regions = [],
  categories,
  countryLabel,
  allCategoriesLabel,
  esim = false,
}: {
  slug: VerticalSlug;
  noun: string;
  values: { q?: string; country?: string; category?: string };
  countries: Option[];
  regions?: Option[];
  categories: Option[];
  countryLabel: string;
  allCategoriesLabel: string;
  esim?: boolean;
}) {
  const t = await getTranslations('catalogue');
  const filtered = Boolean(values.q || values.country || values.category);
  return (
    <form role="search" aria-label={t('searchNoun', { noun })} action={`/${slug}`} className="grid gap-2 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end">
      <div className="relative">
        <label htmlFor={`${slug}-q`} className="sr-only">
          {t('searchNoun', { noun })}
        </label>
        <Icon icon={Search} className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" />
        <input id={`${slug}-q`} name="q" type="search" defaultValue={values.q} placeholder={t('searchNoun', { noun })} className={`${control} pl-9`} />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:contents">
        <div>
          <label htmlFor={`${slug}-country`} className="sr-only">
            {countryLabel}
          </label>
          <select id={`${slug}-country`} name="country" defaultValue={values.country ?? ''} className={control}>
            <option value="">{esim ? t('allDestinations') : t('allCountries')}</option>
            {regions.length > 0 ? (
              <>
                <optgroup label={t('regions')}>
                  {regions.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('countries')}>
                  {countries.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </optgroup>
              </>
            ) : (
              countries.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))
            )}
          </select>
        </div>
        {categories.length > 1 ? (
          <div>
            <label htmlFor={`${slug}-category`} className="sr-only">
              {t('category')}
            </label>
            <select id={`${slug}-category`} name="category" defaultValue={values.category ?? ''} className={control}>
              <option value="">{allCategoriesLabel}</option>
              {categories.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <span className="hidden sm:block" />
        )}
      </div>
      <div className="flex items-center gap-2">
        <button type="submit" className="flex-1 rounded-xl bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-700 sm:flex-none">
          {t('search')}
        </button>
        {filtered && (
          <Link href={`/${slug}`} className="rounded-xl px-3 py-2.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
            {t('clear')}
          </Link>
        )}
      </div>
    </form>
  );
}
