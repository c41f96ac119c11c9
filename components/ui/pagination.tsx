import Link from 'next/link';

const linkClass = 'rounded-xl px-3 py-2 font-medium ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800';

/**
 * Previous / "Page n of m" / Next for server-paginated lists; `href` builds a page's URL. A page
 * past the last (an old link, a typed URL) lists nothing and leads back to the last page.
 */
export function Pagination({ page, pages, href, label = 'Pages' }: { page: number; pages: number; href: (page: number) => string; label?: string }) {
  const pastTheEnd = page > pages;
  if (pages <= 1 && !pastTheEnd) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} className={linkClass}>
          {pastTheEnd ? '← Last page' : '← Previous'}
        </Link>
      ) : (
        <span />
      )}
      <span>{pastTheEnd ? `There ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}` : `Page ${page} of ${pages}`}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className={linkClass}>
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
