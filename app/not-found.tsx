import { getTranslations } from 'next-intl/server';

/**
 * The store's 404. Its way home is a plain link: this page sits in every page's tree as the
 * not-found boundary, and next/link here put a second copy of the Link runtime in every first load.
 */
export default async function NotFound() {
  const [t, tc] = await Promise.all([getTranslations('shell'), getTranslations('common')]);
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-bold tracking-tight">{t('notFoundTitle')}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t('notFoundBody')}</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load home is fine from a 404, and keeps Link's runtime out of every first load (see above). */}
      <a href="/" className="mt-2 rounded-full bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
        {tc('backToStore')}
      </a>
    </main>
  );
}
