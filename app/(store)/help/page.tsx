import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listHelpPages } from '@/lib/help';
import { pageMetadata } from '@/lib/seo/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('help');
  return pageMetadata({ title: t('title'), description: t('description'), path: '/help' });
}

export default async function HelpIndexPage() {
  const [pages, t] = await Promise.all([listHelpPages(), getTranslations('help')]);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      <ul className="mt-8 grid gap-3 sm:grid-cols-2">
        {pages.map((page) => (
          <li key={page.slug}>
            <Link
              href={`/help/${page.slug}`}
              className="block h-full rounded-2xl bg-white p-5 ring-1 ring-zinc-200 transition hover:ring-brand-500 dark:bg-zinc-900 dark:ring-zinc-800"
            >
              <span className="font-semibold">{page.title}</span>
              <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{page.summary}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
