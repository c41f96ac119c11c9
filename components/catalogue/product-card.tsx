import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { StoreProduct } from '@/lib/catalogue/queries';
import { formatApprox } from '@/lib/display-currency';
import { getDisplayCurrency } from '@/lib/display-currency/server';
import { formatMoney } from '@/lib/money';
import { CountryFlag } from './country-flag';
import { ProductTile } from './product-tile';
import { Card } from '@/components/ui/card';

/** One product in a section grid: its name first (that is what the link reads), then where and how much. */
export async function ProductCard({ product, storeCurrency }: { product: StoreProduct; storeCurrency: string }) {
  const { display } = await getDisplayCurrency();
  const esim = product.vertical === 'esim';
  const [t, locale] = await Promise.all([getTranslations('catalogue'), getLocale()]);
  return (
    <Card as={Link} padded={false}
      href={`/${product.slug}/${product.id}`}
      className="group flex h-full items-center gap-3 p-3 transition hover:shadow-md hover:ring-zinc-300 dark:hover:ring-zinc-700"
    >
      {esim ? (
        <span aria-hidden="true" className="grid size-14 shrink-0 place-items-center rounded-2xl bg-zinc-100 dark:bg-zinc-800">
          <CountryFlag code={product.countryCode} region={product.upstreamRegion} className="h-6 w-9" />
        </span>
      ) : (
        <ProductTile name={product.name} imageUrl={product.imageUrl} />
      )}
      <span className="min-w-0 flex-1">
        <span className="block truncate font-semibold group-hover:text-brand-600 dark:group-hover:text-brand-100">{esim && !product.testScenario ? product.destination : product.name}</span>
        <span className="mt-0.5 flex items-center gap-1.5 text-sm text-zinc-600 dark:text-zinc-400">
          {!esim && <CountryFlag code={product.countryCode} region={product.upstreamRegion} className="h-3 w-[1.125rem]" />}
          <span className="truncate">{esim ? t('plans', { count: product.variantCount }) : product.destination}</span>
        </span>
      </span>
      <span className="shrink-0 text-right">
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t('from')}</span>
        <span className="block font-semibold tabular-nums" data-testid="from-price">
          {formatMoney(product.fromPrice, storeCurrency, locale)}
        </span>
        {display && (
          <span className="block text-xs tabular-nums text-zinc-500 dark:text-zinc-400" data-testid="display-price">
            {formatApprox(product.fromPrice, display)}
          </span>
        )}
      </span>
    </Card>
  );
}
