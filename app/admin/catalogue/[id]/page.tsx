import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CountryFlag } from '@/components/catalogue/country-flag';
import { ProductTile } from '@/components/catalogue/product-tile';
import { destinationName } from '@/lib/catalogue/countries';
import { effectiveMarkup } from '@/lib/catalogue/pricing';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { loadProductForOperator } from '@/lib/catalogue/queries';
import { getVertical, productHref, verticalSlugOf } from '@/lib/verticals';
import { ProductSettingsForm } from './_components/product-settings-form';
import { ProductImageForm, ProductTextForm } from './_components/product-content-forms';
import { loadProductContentForOperator } from '@/lib/catalogue/product-content';
import { dateTimeFormat } from '@/lib/format';
import { Card } from '@/components/ui/card';

export const generateMetadata = operatorMetadata('Product');

export default async function AdminProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireOperator(`/admin/catalogue/${encodeURIComponent(id)}`);
  const [detail, content] = await Promise.all([loadProductForOperator(id), loadProductContentForOperator(id)]);
  if (!detail || !content) notFound();
  const { product, variants, fxRate, settings, currency } = detail;
  const fallbackMarkup = effectiveMarkup({ vertical: product.vertical, markupPercent: null }, settings).toFixed();
  const onSale = product.enabled && product.upstreamStatus === 'active' && !product.pausedReason;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/catalogue" className="text-brand-600 hover:underline dark:text-brand-100">
          ← Catalogue
        </Link>
      </nav>
      <header className="flex items-start gap-4">
        <ProductTile name={product.displayName ?? product.name} imageUrl={content.image?.src ?? null} size="md" />
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-bold tracking-tight">{product.displayName ?? product.name}</h1>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            <span>{getVertical(verticalSlugOf(product)).label}</span>
            <span className="inline-flex items-center gap-1.5">
              <CountryFlag code={product.countryCode} region={product.upstreamRegion} />
              {destinationName(product)}
            </span>
            <span>
              Supplier #{product.upstreamId} · {product.currency}
            </span>
            <span>Last synced {dateTimeFormat.format(product.lastSyncedAt)} UTC</span>
          </p>
          {product.upstreamStatus === 'removed' && (
            <p role="status" className="text-sm font-medium text-red-700 dark:text-red-300">
              The supplier no longer lists this product: customers cannot see it.
            </p>
          )}
          {product.pausedReason === 'below_cost' && (
            <p role="status" className="text-sm font-medium text-amber-700 dark:text-amber-300">
              Paused: its markup sells below wholesale cost. Raise the markup to put it back on sale.
            </p>
          )}
          {onSale && (
            <Link href={productHref(product)} className="text-sm text-brand-600 hover:underline dark:text-brand-100">
              View in the store
            </Link>
          )}
        </div>
      </header>
      <Card>
        <ProductSettingsForm
          product={product}
          variants={variants.map((variant) => ({
            id: variant.id,
            name: variant.name,
            kind: variant.kind,
            amount: variant.amount,
            minAmount: variant.minAmount,
            maxAmount: variant.maxAmount,
            discountPercent: variant.discountPercent,
            currency: variant.currency,
          }))}
          fxRate={fxRate}
          storeCurrency={currency}
          fallbackMarkup={fallbackMarkup}
        />
      </Card>
      <Card className="space-y-8">
        <ProductImageForm
          productId={product.id}
          name={product.displayName ?? product.name}
          image={content.image && { ...content.image, storedAt: content.image.storedAt.toISOString() }}
          supplierHasImage={content.supplierImageUrl !== null}
        />
        <ProductTextForm productId={product.id} storeDescription={content.storeDescription} redeemSteps={content.redeemSteps} />
      </Card>
    </div>
  );
}
