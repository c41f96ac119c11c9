import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const linkClass = 'rounded-xl px-3 py-2 font-medium ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800';

/**
 * Previous / "Page n of m" / Next for server-paginated lists; `href` builds a page's URL. A page
 * past the last (an old link, a typed URL) lists nothing and leads back to the last page.
 */
export async function Pagination({ page, pages, href, label }: { page: number; pages: number; href: (page: number) => string; label?: string }) {
  const pastTheEnd = page > pages;
  const t = await getTranslations('common');
  if (pages <= 1 && !pastTheEnd) return null;
  return (
    <nav aria-label={label ?? t('pages')} className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} className={linkClass}>
          {pastTheEnd ? t('lastPage') : t('previous')}
        </Link>
      ) : (
        <span />
      )}
      <span>{pastTheEnd ? t('pageCount', { pages }) : t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className={linkClass}>
          {t('next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
