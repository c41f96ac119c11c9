import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { StoreErrorTextProvider } from '@/components/i18n/store-error-text';

export default async function StoreLayout({ children }: { children: React.ReactNode }) {
  // Store name and supplier mode are runtime configuration, never baked into the build.
  await connection();
  const [t, tc] = await Promise.all([getTranslations('shell'), getTranslations('common')]);
  const errorText = {
    kicker: tc('somethingWrong'),
    title: t('errorTitle'),
    body: t('errorBody'),
    retry: tc('tryAgain'),
    reference: tc('reference'),
    home: { href: '/', label: tc('backToStore') },
  };
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900">
        {t('skipToContent')}
      </a>
      <SiteHeader />
      <main id="content" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
        <StoreErrorTextProvider text={errorText}>{children}</StoreErrorTextProvider>
      </main>
      <SiteFooter />
    </div>
  );
}
