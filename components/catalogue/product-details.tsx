import Link from 'next/link';
import type { StoreProductDetail, StoreVariant } from '@/lib/catalogue/queries';
import { formatApprox, type DisplayCurrency } from '@/lib/display-currency';
import { getDisplayCurrency } from '@/lib/display-currency/server';
import { Decimal, formatMoney } from '@/lib/money';
import { getVertical } from '@/lib/verticals';
import { CountryFlag } from './country-flag';
import { ProductTile } from './product-tile';
import { Card } from '@/components/ui/card';

function dataLabel(gb: string | null): string | null {
  if (gb === null) return null;
  const amount = new Decimal(gb);
  return amount.isZero() ? 'Unlimited' : `${amount.toFixed()} GB`;
}

function priceLabel(variant: StoreVariant, storeCurrency: string): string {
  return variant.priceMin === variant.priceMax
    ? formatMoney(variant.priceMin, storeCurrency)
    : `${formatMoney(variant.priceMin, storeCurrency)} – ${formatMoney(variant.priceMax, storeCurrency)}`;
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
function faceLabel(variant: StoreVariant): string {
  return variant.kind === 'range'
    ? `Any amount from ${formatMoney(variant.faceMin, variant.currency)} to ${formatMoney(variant.faceMax, variant.currency)}`
    : formatMoney(variant.faceMin, variant.currency);
}

function EsimPlans({ product, storeCurrency, display }: { product: StoreProductDetail; storeCurrency: string; display: DisplayCurrency | null }) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Plans">
      {product.variants.map((variant) => (
        <Card as="li" padded={false} key={variant.id} className="p-4" data-testid="plan">
          <p className="text-2xl font-bold tracking-tight">{dataLabel(variant.dataGb) ?? variant.name}</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {variant.validityDays ? `${variant.validityDays} day${variant.validityDays === 1 ? '' : 's'}` : variant.name}
          </p>
          <p className="mt-3 text-lg font-semibold tabular-nums">{priceLabel(variant, storeCurrency)}</p>
          <Approx amount={variant.priceMin} display={display} />
          {variant.currency !== storeCurrency && <p className="text-xs text-zinc-500">{faceLabel(variant)}</p>}
        </Card>
      ))}
    </ul>
  );
}

function OptionList({ product, storeCurrency, display }: { product: StoreProductDetail; storeCurrency: string; display: DisplayCurrency | null }) {
  const voucher = product.vertical === 'voucher';
  return (
    <Card as="ul" padded={false} className="divide-y divide-zinc-100 overflow-hidden dark:divide-zinc-800" aria-label="Options">
      {product.variants.map((variant) => {
        const title = voucher ? (variant.kind === 'range' ? 'Any amount' : `${formatMoney(variant.faceMin, variant.currency)} card`) : variant.name;
        const showFace = voucher || variant.currency !== storeCurrency || variant.kind === 'range';
        return (
          <li key={variant.id} className="flex items-center justify-between gap-3 px-4 py-3" data-testid="option">
            <div className="min-w-0">
              <p className="font-medium">{title}</p>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {[variant.category && !voucher ? variant.category : null, showFace ? faceLabel(variant) : null, variant.validityDays ? `${variant.validityDays} days` : null]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </div>
            <p className="shrink-0 text-right font-semibold tabular-nums">
              {variant.kind === 'range' && <span className="block text-xs font-normal text-zinc-500">from</span>}
              {variant.kind === 'range' ? formatMoney(variant.priceMin, storeCurrency) : priceLabel(variant, storeCurrency)}
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
  const { display } = await getDisplayCurrency();
  const section = getVertical(product.slug);
  const esim = product.vertical === 'esim';
  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${product.slug}`} className="text-brand-600 hover:underline dark:text-brand-100">
          ← {section.label}
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
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{esim && !product.testScenario ? `${product.destination} eSIM` : product.name}</h1>
          {product.testScenario && (
            <p className="inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800">
              Test scenario: each option plays a case to try; sandbox only
            </p>
          )}
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            {!esim && <CountryFlag code={product.countryCode} region={product.upstreamRegion} className="h-3 w-[1.125rem]" />}
            <span>{esim ? (product.countryCode ? 'Works in ' + product.destination : `Works across ${product.destination}`) : product.destination}</span>
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
          {esim ? 'Plans' : product.vertical === 'voucher' ? 'Amounts' : 'Packs and amounts'}
        </h2>
        {esim ? <EsimPlans product={product} storeCurrency={storeCurrency} display={display} /> : <OptionList product={product} storeCurrency={storeCurrency} display={display} />}
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Prices in {storeCurrency}. The exact price is confirmed before you pay.</p>
      </section>
      )}

      {children}
    </article>
  );
}
