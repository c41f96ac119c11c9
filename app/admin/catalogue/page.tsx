import Link from 'next/link';
import { CountryFlag } from '@/components/catalogue/country-flag';
import { Pagination } from '@/components/ui/pagination';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { countryName, destinationName } from '@/lib/catalogue/countries';
import { effectiveMarkup } from '@/lib/catalogue/pricing';
import { loadCatalogueConsole, type AdminProductRow } from '@/lib/catalogue/queries';
import { firstString, pageNumber, type SearchParams } from '@/lib/search-params';
import { getVertical, verticals, verticalSlugOf, type VerticalSlug } from '@/lib/verticals';
import { CatalogueTable, type CatalogueTableRow } from './_components/catalogue-table';

export const generateMetadata = operatorMetadata('Catalogue');

const PAGE_SIZE = 50;

function statusOf(row: AdminProductRow): CatalogueTableRow['status'] {
  if (row.upstreamStatus === 'removed') return 'removed';
  if (row.pausedReason) return 'paused';
  return row.enabled ? 'on sale' : 'disabled';
}

const selectClass = 'rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900';

export default async function CataloguePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireOperator('/admin/catalogue');
  const raw = await searchParams;
  const params = { q: firstString(raw.q), section: firstString(raw.section), country: firstString(raw.country), enabled: firstString(raw.enabled), status: firstString(raw.status) };
  const page = pageNumber(raw.page);
  const section = verticals.some((vertical) => vertical.slug === params.section) ? (params.section as VerticalSlug) : undefined;
  const enabled = params.enabled === 'yes' || params.enabled === 'no' ? params.enabled : undefined;
  const status = params.status === 'paused' || params.status === 'removed' ? params.status : undefined;
  const { rows, total, countries, settings } = await loadCatalogueConsole({
    search: params.q,
    section,
    country: params.country,
    enabled,
    status,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const query = (target: number) => {
    const entries = Object.entries({ ...params, page: String(target) }).filter(([, value]) => value);
    return `/admin/catalogue?${new URLSearchParams(entries as [string, string][])}`;
  };
  const tableRows: CatalogueTableRow[] = rows.map((row) => ({
    id: row.id,
    name: row.displayName ?? row.name,
    upstreamName: row.displayName ? row.name : null,
    section: getVertical(verticalSlugOf(row)).label,
    upstreamId: row.upstreamId,
    destination: destinationName(row),
    flag: <CountryFlag code={row.countryCode} region={row.upstreamRegion} />,
    currency: row.currency,
    variantCount: row.variantCount,
    markup: row.markupPercent === null ? `${effectiveMarkup(row, settings).toFixed()}% (default)` : `${effectiveMarkup(row, settings).toFixed()}%`,
    enabled: row.enabled,
    featured: row.featured,
    status: statusOf(row),
  }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Catalogue</h1>
        <Link href="/admin/catalogue/sync" className="rounded-xl bg-zinc-900 px-3 py-2 text-sm font-semibold text-white dark:bg-white dark:text-zinc-900">
          Sync history
        </Link>
      </div>
      <form role="search" aria-label="Filter the catalogue" className="grid gap-2 sm:grid-cols-2 lg:grid-cols-[2fr_repeat(4,1fr)_auto]">
        <label className="sr-only" htmlFor="catalogue-q">
          Search products
        </label>
        <input id="catalogue-q" name="q" type="search" defaultValue={params.q} placeholder="Name or supplier id" className={selectClass} />
        <label className="sr-only" htmlFor="catalogue-section">
          Section
        </label>
        <select id="catalogue-section" name="section" defaultValue={section ?? ''} className={selectClass}>
          <option value="">All sections</option>
          {verticals.map((vertical) => (
            <option key={vertical.slug} value={vertical.slug}>
              {vertical.label}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="catalogue-country">
          Country
        </label>
        <select id="catalogue-country" name="country" defaultValue={params.country ?? ''} className={selectClass}>
          <option value="">All countries</option>
          <option value="none">Regions and worldwide</option>
          {countries
            .map((code) => ({ code, name: countryName(code) }))
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
        </select>
        <label className="sr-only" htmlFor="catalogue-enabled">
          Enabled
        </label>
        <select id="catalogue-enabled" name="enabled" defaultValue={enabled ?? ''} className={selectClass}>
          <option value="">Enabled or not</option>
          <option value="yes">Enabled</option>
          <option value="no">Disabled</option>
        </select>
        <label className="sr-only" htmlFor="catalogue-status">
          Status
        </label>
        <select id="catalogue-status" name="status" defaultValue={status ?? ''} className={selectClass}>
          <option value="">Any status</option>
          <option value="paused">Paused</option>
          <option value="removed">Removed by supplier</option>
        </select>
        <button type="submit" className="rounded-xl bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Filter
        </button>
      </form>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {total} product{total === 1 ? '' : 's'}
        {params.q ? ` matching “${params.q}”` : ''}
      </p>
      <CatalogueTable rows={tableRows} />
      <Pagination page={page} pages={pages} href={query} label="Pagination" />
    </div>
  );
}
