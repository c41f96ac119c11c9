import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getStoreInfo } from '@/lib/store';
import { NavLinks } from './nav-links';
import { SandboxBadge } from './sandbox-badge';
import { UserMenu } from './user-menu';
import { env } from '@/lib/env';

export async function SiteHeader() {
  const [store, t] = await Promise.all([getStoreInfo(), getTranslations('shell')]);
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-zinc-50/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <nav aria-label={t('mainNav')} className="mx-auto max-w-6xl">
        <div className="flex h-14 items-center justify-between gap-3 px-4">
          <div className="flex min-w-0 items-center gap-2">
            <Link href="/" className="flex min-w-0 items-center gap-2 font-semibold tracking-tight">
              <span
                aria-hidden="true"
                className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white"
              >
                {store.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="truncate">{store.name}</span>
            </Link>
            {store.sandbox && <SandboxBadge inbox={env().MAIL_CATCHER} />}
          </div>
          <div className="flex items-center gap-2">
            <NavLinks variant="inline" />
            <UserMenu />
          </div>
        </div>
        <NavLinks variant="bar" />
      </nav>
    </header>
  );
}
