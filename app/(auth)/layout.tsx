import { connection } from 'next/server';
import { ClientIntl } from '@/components/i18n/client-intl';
import { LanguageSwitcher } from '@/components/layout/language-switcher';
import { SiteHeader } from '@/components/layout/site-header';

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="content" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
        <ClientIntl namespaces={['auth']}>{children}</ClientIntl>
      </main>
      <LanguageSwitcher />
    </div>
  );
}
