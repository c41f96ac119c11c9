'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { requestPasswordResetAction } from '../actions';

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestPasswordResetAction, { status: 'idle' });
  const t = useTranslations('auth');
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel={t('sending')}>
        {t('emailResetLink')}
      </SubmitButton>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        {t('remembered')}{' '}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline dark:text-brand-100">
          {t('signIn')}
        </Link>
      </p>
    </form>
  );
}
