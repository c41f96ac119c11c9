import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ProductCard } from '@/components/catalogue/product-card';
import { getFeaturedBySection } from '@/lib/catalogue/storefront';
import { getStoreInfo } from '@/lib/store';
import { getVertical, verticals } from '@/lib/verticals';
import { Card } from '@/components/ui/card';

const accents: Record<string, string> = {
  vouchers: 'from-rose-500 to-orange-400',
  games: 'from-violet-600 to-fuchsia-500',
  mobile: 'from-sky-500 to-cyan-400',
  esim: 'from-emerald-500 to-teal-400',
};

export default async function HomePage() {
  const [featured, { currency }, t, ts] = await Promise.all([getFeaturedBySection(), getStoreInfo(), getTranslations('home'), getTranslations('shell')]);
  return (
    <div className="space-y-10">
      <section className="rounded-3xl bg-gradient-to-br from-brand-600 to-brand-700 px-6 py-10 text-white sm:px-10 sm:py-14">
        <h1 className="max-w-xl text-3xl font-bold tracking-tight sm:text-4xl">
          {t('heroTitle')}
        </h1>
        <p className="mt-3 max-w-xl text-brand-100">
          {t('heroBody')}
        </p>
      </section>

      <section aria-labelledby="shop-by-category">
        <h2 id="shop-by-category" className="text-xl font-semibold tracking-tight">
          {t('shopByCategory')}
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {verticals.map((vertical) => (
            <li key={vertical.slug}>
              <Card as={Link} padded={false}
                href={`/${vertical.slug}`}
                className="group flex h-full flex-col overflow-hidden transition hover:-translate-y-0.5 hover:shadow-lg"
              >
                <span aria-hidden="true" className={`h-2 bg-gradient-to-r ${accents[vertical.slug]}`} />
                <span className="flex flex-1 flex-col p-5">
                  <span className="text-lg font-semibold group-hover:text-brand-600 dark:group-hover:text-brand-100">
                    {ts(`verticals.${vertical.slug}.title`)}
                  </span>
                  <span className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{ts(`verticals.${vertical.slug}.description`)}</span>
                </span>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      {featured
        .filter((section) => section.products.length > 0)
        .map((section) => {
          const vertical = getVertical(section.slug);
          return (
            <section key={section.slug} aria-labelledby={`featured-${section.slug}`} className="space-y-3">
              <div className="flex items-baseline justify-between gap-3">
                <h2 id={`featured-${section.slug}`} className="text-xl font-semibold tracking-tight">
                  {t(`featured.${section.slug}`)}
                </h2>
                <Link href={`/${section.slug}`} className="shrink-0 text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">
                  {t('seeAll')}<span className="sr-only"> {ts(`verticals.${vertical.slug}.title`).toLowerCase()}</span>
                </Link>
              </div>
              <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {section.products.map((product) => (
                  <li key={product.id}>
                    <ProductCard product={product} storeCurrency={currency} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
    </div>
  );
}
