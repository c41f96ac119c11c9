'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { changePasswordAction } from '../actions';

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, { status: 'idle' });
  const t = useTranslations('accountForms');
  return (
    <form action={action} className="space-y-3" noValidate>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('changePasswordNote')}</p>
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <Field
        label={t('currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.currentPassword}
      />
      <Field
        label={t('newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={t('passwordHint')}
        errors={state.fieldErrors?.newPassword}
      />
      <Field
        label={t('confirmNewPassword')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.confirmPassword}
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('changing')}>{t('changePassword')}</SubmitButton>
    </form>
  );
}
