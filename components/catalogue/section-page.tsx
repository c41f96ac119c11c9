import { getTranslations } from 'next-intl/server';
import { countryName, regionName } from '@/lib/catalogue/countries';
import { categoriesOf, filterProducts, getSectionProducts, placeOf, type ProductFilters } from '@/lib/catalogue/storefront';
import { firstString, pageNumber, type SearchParams } from '@/lib/search-params';
import { getStoreInfo } from '@/lib/store';
import type { VerticalSlug } from '@/lib/verticals';
import { Pagination } from '@/components/ui/pagination';
import { CatalogueFilters } from './catalogue-filters';
import { EmptyCatalogue } from './empty-catalogue';
import { ProductCard } from './product-card';
import { VerticalHeading } from './vertical-heading';

/** Cards per page: a phone scrolls through this many comfortably, and the page stays small. */
const PAGE_SIZE = 48;

/** A section of the store: heading, search and filters (GET), and the matching products. */
export async function SectionPage({ slug, searchParams, children }: { slug: VerticalSlug; searchParams: SearchParams; children?: React.ReactNode }) {
  const filters: ProductFilters = { q: firstString(searchParams.q), country: firstString(searchParams.country), category: firstString(searchParams.category) };
  const [section, { currency }, t] = await Promise.all([getSectionProducts(slug), getStoreInfo(), getTranslations('catalogue')]);
  // Sandbox test products are listed apart, after the catalogue, never mixed into it.
  const all = section.filter((product) => !product.testScenario);
  const testScenarios = filterProducts(
    section.filter((product) => product.testScenario),
    filters,
  );
  const shown = filterProducts(all, filters);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const page = Math.min(pages, pageNumber(searchParams.page));
  const visible = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pageHref = (target: number) => {
    const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
    if (target > 1) query.set('page', String(target));
    const qs = query.toString();
    return `/${slug}${qs ? `?${qs}` : ''}`;
  };
  const places = [...new Set(all.map(placeOf).filter((place) => place !== null))];
  const countries = places
    .filter((place) => place.length === 2)
    .map((code) => ({ value: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const regions = places
    .filter((place) => place.length !== 2)
    .map((code) => ({ value: code, label: regionName(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const categories = [...new Set(all.flatMap(categoriesOf))].sort().map((category) => ({ value: category, label: category }));
  const noun = t(`nouns.${slug}`);

  return (
    <div className="space-y-6">
      <VerticalHeading slug={slug} />
      {children}
      {all.length === 0 ? (
        <EmptyCatalogue />
      ) : (
        <>
          <CatalogueFilters
            slug={slug}
            noun={noun}
            values={filters}
            countries={countries}
            regions={slug === 'esim' ? regions : []}
            categories={categories}
            countryLabel={slug === 'esim' ? t('destination') : t('country')}
            allCategoriesLabel={slug === 'esim' ? t('countriesAndRegions') : t('allCategories')}
            esim={slug === 'esim'}
          />
          <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
            {shown.length === all.length ? t('count', { count: all.length, noun }) : t('countOf', { shown: shown.length, total: all.length, noun })}
          </p>
          {shown.length > 0 ? (
            <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={`${noun[0]!.toUpperCase()}${noun.slice(1)}`}>
              {visible.map((product) => (
                <li key={product.id}>
                  <ProductCard product={product} storeCurrency={currency} />
                </li>
              ))}
            </ul>
          ) : null}
          <Pagination page={page} pages={pages} href={pageHref} />
          {shown.length === 0 && (
            <div className="rounded-2xl border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
              <p className="font-medium">{t('noMatch', { noun })}</p>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('noMatchHint')}</p>
            </div>
          )}
        </>
      )}
      {testScenarios.length > 0 && (
        <section aria-labelledby="test-scenarios" className="rounded-2xl border border-dashed border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950/40">
          <h2 id="test-scenarios" className="text-lg font-semibold">
            {t('testScenarios')}
          </h2>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            {t('testScenariosBody')}
          </p>
          <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('testScenarioProducts')}>
            {testScenarios.map((product) => (
              <li key={product.id}>
                <ProductCard product={product} storeCurrency={currency} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
