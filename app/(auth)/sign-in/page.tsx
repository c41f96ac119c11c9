import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/guards';
import { postSignInPath, safeCallbackUrl } from '@/lib/auth/redirects';
import { SignInForm } from './_components/sign-in-form';
import { Card } from '@/components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signIn') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const { callbackUrl, reset } = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(postSignInPath(callbackUrl, user.role));
  const t = await getTranslations('auth');
  return (
    <Card rounded="3xl" padded={false} className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold tracking-tight">{t('signIn')}</h1>
      <p className="mb-6 mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('signInWelcome')}</p>
      <SignInForm
        callbackUrl={callbackUrl ? safeCallbackUrl(callbackUrl) : undefined}
        notice={reset === 'done' ? t('resetDone') : undefined}
      />
    </Card>
  );
}
