import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/guards';
import { safeCallbackUrl } from '@/lib/auth/redirects';
import { env } from '@/lib/env';
import { formatMoney } from '@/lib/money';
import { getStoreInfo } from '@/lib/store';
import { currentStoreSettings, demoCreditOf } from '@/lib/store/settings';
import { SignUpForm } from './_components/sign-up-form';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackUrl(callbackUrl));
  const config = env();
  const [store, settings] = await Promise.all([getStoreInfo(), currentStoreSettings()]);
  const demoCredit = demoCreditOf(settings);
  return (
    <Card rounded="3xl" padded={false} className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold tracking-tight">Create your account</h1>
      <p className="mb-6 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Track your orders and pay from your store balance.
        {config.OCTOPUS_SANDBOX && Number(demoCredit) > 0 && (
          <> New accounts get {formatMoney(demoCredit, store.currency)} of sandbox demo credit to try the store.</>
        )}
      </p>
      <SignUpForm callbackUrl={callbackUrl ? safeCallbackUrl(callbackUrl) : undefined} />
    </Card>
  );
}
