import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/guards';
import { safeCallbackUrl } from '@/lib/auth/redirects';
import { env } from '@/lib/env';
import { formatMoney } from '@/lib/money';
import { getStoreInfo } from '@/lib/store';
import { currentStoreSettings, demoCreditOf } from '@/lib/store/settings';
import { SignUpForm } from './_components/sign-up-form';
import { Card } from '@/components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('createAnAccount') };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackUrl(callbackUrl));
  const config = env();
  const [store, settings, t, locale] = await Promise.all([getStoreInfo(), currentStoreSettings(), getTranslations('auth'), getLocale()]);
  const demoCredit = demoCreditOf(settings);
  return (
    <Card rounded="3xl" padded={false} className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold tracking-tight">{t('signUpTitle')}</h1>
      <p className="mb-6 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {t('signUpBody')}
        {config.OCTOPUS_SANDBOX && Number(demoCredit) > 0 && (
          <> {t('demoCredit', { amount: formatMoney(demoCredit, store.currency, locale) })}</>
        )}
      </p>
      <SignUpForm callbackUrl={callbackUrl ? safeCallbackUrl(callbackUrl) : undefined} />
    </Card>
  );
}
