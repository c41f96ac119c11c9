import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { StoreProductDetail, StoreVariant } from '@/lib/catalogue/queries';
import { formatApprox, type DisplayCurrency } from '@/lib/display-currency';
import { getDisplayCurrency } from '@/lib/display-currency/server';
import { Decimal, formatMoney } from '@/lib/money';
import { CountryFlag } from './country-flag';
import { ProductTile } from './product-tile';
import { Card } from '@/components/ui/card';

type Translate = Awaited<ReturnType<typeof getTranslations>>;

function dataLabel(gb: string | null, t: Translate, locale: string): string | null {
  if (gb === null) return null;
  const amount = new Decimal(gb);
  return amount.isZero() ? t('unlimited') : t('gb', { amount: new Intl.NumberFormat(locale).format(amount.toFixed() as unknown as number) });
}

function priceLabel(variant: StoreVariant, storeCurrency: string, locale: string): string {
  return variant.priceMin === variant.priceMax
    ? formatMoney(variant.priceMin, storeCurrency, locale)
    : `${formatMoney(variant.priceMin, storeCurrency, locale)} – ${formatMoney(variant.priceMax, storeCurrency, locale)}`;
}

/** The display-currency estimate under a price (the lower end of a range). */
function Approx({ amount, display }: { amount: string; display: DisplayCurrency | null }) {
  if (!display) return null;
  return (
    <span className="block text-xs font-normal tabular-nums text-zinc-500 dark:text-zinc-400" data-testid="display-price">
      {formatApprox(amount, display)}
    </span>
  );
}

/** Face value in the product's own currency, shown when it is not the price itself. */
function faceLabel(variant: StoreVariant, t: Translate, locale: string): string {
  return variant.kind === 'range'
    ? t('anyAmountFromTo', { min: formatMoney(variant.faceMin, variant.currency, locale), max: formatMoney(variant.faceMax, variant.currency, locale) })
    : formatMoney(variant.faceMin, variant.currency, locale);
}

async function EsimPlans({ product, storeCurrency, display }: { product: StoreProductDetail; storeCurrency: string; display: DisplayCurrency | null }) {
  const [t, locale] = await Promise.all([getTranslations('product'), getLocale()]);
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('plans')}>
      {product.variants.map((variant) => (
        <Card as="li" padded={false} key={variant.id} className="p-4" data-testid="plan">
          <p className="text-2xl font-bold tracking-tight">{dataLabel(variant.dataGb, t, locale) ?? variant.name}</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {variant.validityDays ? t('days', { count: variant.validityDays }) : variant.name}
          </p>
          <p className="mt-3 text-lg font-semibold tabular-nums">{priceLabel(variant, storeCurrency, locale)}</p>
          <Approx amount={variant.priceMin} display={display} />
          {variant.currency !== storeCurrency && <p className="text-xs text-zinc-500">{faceLabel(variant, t, locale)}</p>}
        </Card>
      ))}
    </ul>
  );
}

async function OptionList({ product, storeCurrency, display }: { product: StoreProductDetail; storeCurrency: string; display: DisplayCurrency | null }) {
  const voucher = product.vertical === 'voucher';
  const [t, locale] = await Promise.all([getTranslations('product'), getLocale()]);
  return (
    <Card as="ul" padded={false} className="divide-y divide-zinc-100 overflow-hidden dark:divide-zinc-800" aria-label={t('options')}>
      {product.variants.map((variant) => {
        const title = voucher ? (variant.kind === 'range' ? t('anyAmount') : t('cardOf', { amount: formatMoney(variant.faceMin, variant.currency, locale) })) : variant.name;
        const showFace = voucher || variant.currency !== storeCurrency || variant.kind === 'range';
        return (
          <li key={variant.id} className="flex items-center justify-between gap-3 px-4 py-3" data-testid="option">
            <div className="min-w-0">
              <p className="font-medium">{title}</p>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {[variant.category && !voucher ? variant.category : null, showFace ? faceLabel(variant, t, locale) : null, variant.validityDays ? t('days', { count: variant.validityDays }) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </div>
            <p className="shrink-0 text-right font-semibold tabular-nums">
              {variant.kind === 'range' && <span className="block text-xs font-normal text-zinc-500">{t('from')}</span>}
              {variant.kind === 'range' ? formatMoney(variant.priceMin, storeCurrency, locale) : priceLabel(variant, storeCurrency, locale)}
              <Approx amount={variant.priceMin} display={display} />
            </p>
          </li>
        );
      })}
    </Card>
  );
}

/** A product page's body: what it is, where it works, and every option with its price. */
export async function ProductDetails({ product, storeCurrency, children }: { product: StoreProductDetail; storeCurrency: string; children?: React.ReactNode }) {
  const [{ display }, t, tv] = await Promise.all([getDisplayCurrency(), getTranslations('product'), getTranslations('shell.verticals')]);
  const esim = product.vertical === 'esim';
  return (
    <article className="space-y-6">
      <nav aria-label={t('breadcrumb')} className="text-sm">
        <Link href={`/${product.slug}`} className="text-brand-600 hover:underline dark:text-brand-100">
          ← {tv(`${product.slug}.label`)}
        </Link>
      </nav>
      <header className="flex items-center gap-4">
        {esim ? (
          <span className="grid size-20 shrink-0 place-items-center rounded-2xl bg-zinc-100 dark:bg-zinc-800">
            <CountryFlag code={product.countryCode} region={product.upstreamRegion} className="h-8 w-12" />
          </span>
        ) : (
          <ProductTile name={product.name} imageUrl={product.imageUrl} size="lg" />
        )}
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{esim && !product.testScenario ? t('esimTitle', { destination: product.destination }) : product.name}</h1>
          {product.testScenario && (
            <p className="inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800">
              {t('testScenario')}
            </p>
          )}
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            {!esim && <CountryFlag code={product.countryCode} region={product.upstreamRegion} className="h-3 w-[1.125rem]" />}
            <span>{esim ? (product.countryCode ? t('worksIn', { destination: product.destination }) : t('worksAcross', { destination: product.destination })) : product.destination}</span>
            {product.category && <span aria-hidden="true">·</span>}
            {product.category && <span>{product.category}</span>}
          </p>
        </div>
      </header>
      {product.description && <p className="max-w-2xl text-zinc-700 dark:text-zinc-300">{product.description}</p>}

      {/* With a buy form the options are chosen there; the plain price list is for pages without one. */}
      {!children && (
      <section aria-labelledby="prices-heading" className="space-y-3">
        <h2 id="prices-heading" className="text-lg font-semibold">
          {esim ? t('plans') : product.vertical === 'voucher' ? t('amounts') : t('packsAndAmounts')}
        </h2>
        {esim ? <EsimPlans product={product} storeCurrency={storeCurrency} display={display} /> : <OptionList product={product} storeCurrency={storeCurrency} display={display} />}
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('pricesIn', { currency: storeCurrency })}</p>
      </section>
      )}

      {children}
    </article>
  );
}
