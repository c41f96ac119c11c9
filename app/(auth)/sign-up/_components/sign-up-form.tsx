'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { signUpAction } from '../actions';

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signUpAction, { status: 'idle' });
  const [dismissed, setDismissed] = useState<ActionState>();
  const t = useTranslations('auth');
  if (state.status === 'success' && dismissed !== state) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-xl bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          {state.message}
        </p>
        <button type="button" onClick={() => setDismissed(state)} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">
          {t('anotherEmail')}
        </button>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      <Field label={t('nameOptional')} name="name" autoComplete="name" defaultValue={state.values?.name} errors={state.fieldErrors?.name} />
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
      <Field
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('passwordHint')}
        errors={state.fieldErrors?.password}
      />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel={t('creating')}>
        {t('createAccount')}
      </SubmitButton>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        {t('haveAccount')}{' '}
        <Link href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/sign-in'} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
          {t('signIn')}
        </Link>
      </p>
    </form>
  );
}
