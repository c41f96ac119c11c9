import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { describeResetLink } from '@/lib/auth/account-forms';
import { firstString, type SearchParams } from '@/lib/search-params';
import { ResetPasswordForm } from './_components/reset-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('resetTitle'), referrer: 'no-referrer' };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = firstString((await searchParams).token);
  const link = await describeResetLink(token);
  const t = await getTranslations('auth');
  return (
    <div className="rounded-3xl bg-white p-6 ring-1 ring-zinc-200 sm:p-8 dark:bg-zinc-900 dark:ring-zinc-800">
      <h1 className="text-2xl font-bold tracking-tight">{t('resetTitle')}</h1>
      {link.ok ? (
        <>
          <p className="mb-6 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {t('resetFor', { email: link.email })}
          </p>
          <ResetPasswordForm token={token!} email={link.email} />
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 rounded-xl bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {link.message}
          </p>
          <p className="mt-6 text-sm">
            <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline dark:text-brand-100">
              {t('newResetLink')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
