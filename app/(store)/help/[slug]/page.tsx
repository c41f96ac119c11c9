import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Markdown } from '@/components/ui/markdown';
import { formatDate } from '@/lib/format';
import { fillPlaceholders, getHelpPage, listHelpPages } from '@/lib/help';
import { pageMetadata } from '@/lib/seo/server';
import { getStoreInfo } from '@/lib/store';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getHelpPage((await params).slug);
  return page ? pageMetadata({ title: page.title, description: page.summary, path: `/help/${page.slug}` }) : {};
}

export default async function HelpTopicPage({ params }: Props) {
  const [page, pages, store, t, locale] = await Promise.all([getHelpPage((await params).slug), listHelpPages(), getStoreInfo(), getTranslations('help'), getLocale()]);
  if (!page) notFound();
  return (
    <div className="mx-auto grid max-w-5xl gap-10 lg:grid-cols-[1fr_14rem]">
      <article className="min-w-0">
        <nav aria-label={t('breadcrumb')} className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href="/help" className="hover:underline">
            {t('title')}
          </Link>
        </nav>
        <h1 className="mt-1 text-3xl font-bold tracking-tight">{page.title}</h1>
        {page.updatedAt ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('updated', { date: formatDate(page.updatedAt, locale) })}</p> : null}
        <div className="mt-6">
          <Markdown>{fillPlaceholders(page.body, store)}</Markdown>
        </div>
      </article>
      <nav aria-label={t('topics')} className="text-sm">
        <p className="font-semibold">{t('more')}</p>
        <ul className="mt-2 space-y-1.5">
          {pages
            .filter((other) => other.slug !== page.slug)
            .map((other) => (
              <li key={other.slug}>
                <Link href={`/help/${other.slug}`} className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
                  {other.title}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
    </div>
  );
}
