import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { firstString, type SearchParams } from '@/lib/search-params';
import { VerifyEmailForm } from './_components/verify-email-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('verifyTitle'), referrer: 'no-referrer' };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = firstString((await searchParams).token) ?? '';
  const t = await getTranslations('auth');
  return (
    <div className="rounded-3xl bg-white p-6 ring-1 ring-zinc-200 sm:p-8 dark:bg-zinc-900 dark:ring-zinc-800">
      <h1 className="text-2xl font-bold tracking-tight">{t('verifyTitle')}</h1>
      <p className="mb-6 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {t('verifyBody')}
      </p>
      <VerifyEmailForm token={token} />
    </div>
  );
}
