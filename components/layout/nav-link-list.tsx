'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/**
 * The four verticals; highlights the one the customer is in. A tab bar on phones, links on wider
 * screens. Addresses, icons and labels come rendered from the server (nav-links.tsx), so no
 * catalogue of sections, icon code or messages is shipped.
 */
export function NavLinkList({ variant, links }: { variant: 'bar' | 'inline'; links: { href: string; content: React.ReactNode }[] }) {
  const pathname = usePathname();
  return (
    <ul className={variant === 'bar' ? 'grid grid-cols-4 gap-1 px-2 pb-2 sm:hidden' : 'hidden items-center gap-1 sm:flex'}>
      {links.map(({ href, content }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={active ? 'page' : undefined}
              className={[
                'transition-colors',
                variant === 'bar'
                  ? 'flex flex-col items-center gap-0.5 rounded-xl py-1.5 text-xs font-medium'
                  : 'inline-flex items-center gap-1.5 rounded-full px-3 py-2 text-sm font-medium',
                active
                  ? 'bg-brand-600 text-white'
                  : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
              ].join(' ')}
            >
              {content}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
