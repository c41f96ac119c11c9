import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { SandboxBadge } from '@/components/layout/sandbox-badge';
import { ClientIntl } from '@/components/i18n/client-intl';
import { Providers } from '@/components/providers';
import { signOutAction } from '@/lib/auth/actions';
import { requireOperator } from '@/lib/auth/guards';
import { getStoreInfo } from '@/lib/store';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Admin' } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const operator = await requireOperator();
  const store = await getStoreInfo();
  return (
    <div className="min-h-dvh bg-zinc-100 dark:bg-zinc-950">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-3 px-4">
          <div className="flex min-w-0 items-center gap-2">
            <Link href="/admin" className="truncate font-semibold">
              {store.name} <span className="font-normal text-zinc-500">Admin</span>
            </Link>
            {store.sandbox && <SandboxBadge inbox={env().MAIL_CATCHER} />}
          </div>
          <div className="flex items-center gap-2 text-sm">
            <span className="hidden text-zinc-600 sm:inline dark:text-zinc-400">{operator.email}</span>
            <Link href="/" className="whitespace-nowrap rounded-full px-3 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800">
              Store
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="whitespace-nowrap rounded-full px-3 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <div className="mx-auto grid max-w-7xl grid-cols-1 gap-6 px-4 py-6 lg:grid-cols-[12rem_1fr]">
        <nav aria-label="Admin" className="min-w-0">
          <AdminNav />
        </nav>
        <main id="content" className="min-w-0">
          {/* Shared client parts (submit and copy buttons, order status) are translated components. */}
          <ClientIntl namespaces={['orders']}>
            <Providers>{children}</Providers>
          </ClientIntl>
        </main>
      </div>
    </div>
  );
}
