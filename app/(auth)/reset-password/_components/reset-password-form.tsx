'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { resetPasswordAction } from '../actions';

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(resetPasswordAction, { status: 'idle' });
  const t = useTranslations('auth');
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers save the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field
        label={t('newPassword')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('newPasswordHint')}
        errors={state.fieldErrors?.password}
      />
      <Field label={t('repeatPassword')} name="confirmPassword" type="password" autoComplete="new-password" required errors={state.fieldErrors?.confirmPassword} />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel={t('saving')}>
        {t('setNewPassword')}
      </SubmitButton>
    </form>
  );
}
