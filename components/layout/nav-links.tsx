'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { verticals } from '@/lib/verticals';

const icons: Record<string, string> = { vouchers: '🎁', games: '🎮', mobile: '📱', esim: '🌍' };

/** The four verticals; highlights the one the customer is in. */
export function NavLinks({ variant }: { variant: 'bar' | 'inline' }) {
  const pathname = usePathname();
  return (
    <ul className={variant === 'bar' ? 'flex gap-2 overflow-x-auto px-4 pb-3 sm:hidden' : 'hidden items-center gap-1 sm:flex'}>
      {verticals.map((vertical) => {
        const href = `/${vertical.slug}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={vertical.slug} className="shrink-0">
            <Link
              href={href}
              aria-current={active ? 'page' : undefined}
              className={[
                'inline-flex items-center gap-1.5 rounded-full px-3.5 py-2 text-sm font-medium transition-colors',
                active
                  ? 'bg-brand-600 text-white'
                  : variant === 'bar'
                    ? 'bg-white text-zinc-700 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:text-zinc-200 dark:ring-zinc-800'
                    : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
              ].join(' ')}
            >
              <span aria-hidden="true">{icons[vertical.slug]}</span>
              {vertical.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
