'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { requestPasswordResetAction } from '../actions';

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestPasswordResetAction, { status: 'idle' });
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel="Sending…">
        Email me a reset link
      </SubmitButton>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        Remembered it?{' '}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline dark:text-brand-100">
          Sign in
        </Link>
      </p>
    </form>
  );
}
