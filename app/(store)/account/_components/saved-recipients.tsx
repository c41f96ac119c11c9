'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import type { SavedRecipient } from '@/lib/recipients';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { addRecipientAction, deleteRecipientAction } from '../actions';

type Recipient = Pick<SavedRecipient, 'id' | 'kind' | 'label' | 'values'> & { display: string };

function DeleteRecipient({ recipient }: { recipient: Recipient }) {
  const [state, action] = useActionState(deleteRecipientAction, { status: 'idle' });
  const t = useTranslations('accountForms');
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={recipient.id} />
      {state.status === 'error' && <span className="text-sm text-red-600">{state.message}</span>}
      <SubmitButton variant="secondary" className="px-3 py-1.5" pendingLabel={t('removing')} aria-label={t('removeLabel', { label: recipient.label })}>
        {t('remove')}
      </SubmitButton>
    </form>
  );
}

export function SavedRecipients({ recipients }: { recipients: Recipient[] }) {
  const [state, action] = useActionState(addRecipientAction, { status: 'idle' });
  const t = useTranslations('accountForms');
  const [kind, setKind] = useState<'phone' | 'player'>((state.values?.kind as 'phone' | 'player') ?? 'phone');
  return (
    <div className="space-y-5">
      {recipients.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noRecipients')}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {recipients.map((recipient) => (
            <li key={recipient.id} className="flex items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-medium">{recipient.label}</p>
                <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{recipient.display}</p>
              </div>
              <DeleteRecipient recipient={recipient} />
            </li>
          ))}
        </ul>
      )}

      <form action={action} className="space-y-3 rounded-2xl bg-zinc-50 p-4 dark:bg-zinc-950" noValidate>
        <fieldset>
          <legend className="text-sm font-medium">{t('addRecipient')}</legend>
          <div className="mt-2 flex gap-2">
            {(['phone', 'player'] as const).map((option) => (
              <label
                key={option}
                className="flex cursor-pointer items-center gap-2 rounded-full px-3 py-1.5 text-sm ring-1 ring-zinc-300 has-checked:bg-brand-600 has-checked:text-white has-checked:ring-brand-600 dark:ring-zinc-700"
              >
                <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} className="sr-only" />
                {option === 'phone' ? t('phoneNumber') : t('playerId')}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('name')} name="label" required defaultValue={state.values?.label} errors={state.fieldErrors?.label} placeholder={kind === 'phone' ? t('namePhonePlaceholder') : t('namePlayerPlaceholder')} />
        {kind === 'phone' ? (
          <Field
            label={t('mobileNumber')}
            name="phone_number"
            type="tel"
            autoComplete="tel"
            required
            placeholder="+44 7700 900123"
            hint={t('withCountryCode')}
            defaultValue={state.values?.phone_number}
            errors={state.fieldErrors?.phone_number}
          />
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t('playerId')} name="player_id" required defaultValue={state.values?.player_id} errors={state.fieldErrors?.player_id} />
            <Field label={t('serverOptional')} name="server" defaultValue={state.values?.server} errors={state.fieldErrors?.server} />
          </div>
        )}
        <FormMessage state={state} />
        <SubmitButton pendingLabel={t('saving')}>{t('saveRecipient')}</SubmitButton>
      </form>
    </div>
  );
}
