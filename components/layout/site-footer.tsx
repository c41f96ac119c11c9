import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { STORE_ONLY } from '@/lib/display-currency';
import { getDisplayCurrency } from '@/lib/display-currency/server';
import { LanguageSwitcher } from './language-switcher';
import { listHelpPages } from '@/lib/help';
import { getStoreInfo } from '@/lib/store';
import { verticals } from '@/lib/verticals';
import { CurrencyPicker } from './currency-picker';

export async function SiteFooter() {
  const [store, helpPages, displayCurrency, t] = await Promise.all([getStoreInfo(), listHelpPages(), getDisplayCurrency(), getTranslations('shell')]);
  return (
    <footer className="mt-16 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <p className="font-semibold">{store.name}</p>
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            {t('footerAbout', { currency: store.currency })}
          </p>
          {displayCurrency.options.length > 0 && (
            <div className="mt-3 text-zinc-600 dark:text-zinc-400">
              <CurrencyPicker
                options={[{ value: STORE_ONLY, label: t('storeCurrencyOnly', { currency: store.currency }) }, ...displayCurrency.options]}
                selected={displayCurrency.selected}
                label={t('showPricesAlsoIn')}
                save={t('save')}
              />
              <p className="mt-1 text-xs">{t('estimatesOnly', { currency: store.currency })}</p>
            </div>
          )}
        </div>
        <nav aria-label={t('shop')}>
          <p className="font-semibold">{t('shop')}</p>
          <ul className="mt-2 space-y-1.5">
            {verticals.map((vertical) => (
              <li key={vertical.slug}>
                <Link href={`/${vertical.slug}`} className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
                  {t(`verticals.${vertical.slug}.title`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={t('help')}>
          <p className="font-semibold">{t('help')}</p>
          <ul className="mt-2 space-y-1.5">
            {helpPages.map((page) => (
              <li key={page.slug}>
                <Link href={`/help/${page.slug}`} className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
                  {page.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div>
          <p className="font-semibold">{t('goodToKnow')}</p>
          <ul className="mt-2 space-y-1.5 text-zinc-600 dark:text-zinc-400">
            <li>{t('goodToKnowCodes')}</li>
            <li>{t('goodToKnowRefund')}</li>
          </ul>
        </div>
      </div>
      <LanguageSwitcher />
      <p className="pb-8 text-center text-xs text-zinc-600 dark:text-zinc-400">
        © {new Date().getFullYear()} {store.name}
      </p>
    </footer>
  );
}
