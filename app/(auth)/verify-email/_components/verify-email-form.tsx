'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { verifyEmailAction } from '../actions';

export function VerifyEmailForm({ token }: { token: string }) {
  const [state, action] = useActionState(verifyEmailAction, { status: 'idle' });
  const t = useTranslations('auth');
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      {state.status === 'success' ? (
        <Link href="/" className="inline-block font-medium text-brand-600 hover:underline dark:text-brand-100">
          {t('continueShopping')}
        </Link>
      ) : (
        <SubmitButton className="w-full" pendingLabel={t('confirming')}>
          {t('confirmEmail')}
        </SubmitButton>
      )}
    </form>
  );
}
