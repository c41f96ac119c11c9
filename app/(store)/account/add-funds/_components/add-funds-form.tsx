'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { addFundsAction } from '../actions';

/** Preset amounts as big buttons, or any amount within the store's bounds. */
export function AddFundsForm({ presets, min, max, currencySymbol }: { presets: { value: string; label: string }[]; min: string; max: string; currencySymbol: string }) {
  const [state, action] = useActionState<ActionState, FormData>(addFundsAction, { status: 'idle' });
  const t = useTranslations('accountForms');
  const [amount, setAmount] = useState(state.values?.amount ?? presets[1]?.value ?? presets[0]?.value ?? '');
  return (
    <form action={action} className="space-y-4" noValidate>
      <fieldset>
        <legend className="text-sm font-semibold">{t('amount')}</legend>
        <div className="mt-2 grid grid-cols-3 gap-2">
          {presets.map((preset) => (
            <button
              key={preset.value}
              type="button"
              aria-pressed={amount === preset.value}
              onClick={() => setAmount(preset.value)}
              className="rounded-2xl bg-white px-3 py-3 text-lg font-semibold ring-1 ring-zinc-200 aria-pressed:ring-2 aria-pressed:ring-brand-600 dark:bg-zinc-900 dark:ring-zinc-700"
            >
              {preset.label}
            </button>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="add-funds-amount" className="block text-sm font-medium">
          {t('otherAmount', { currency: currencySymbol })}
        </label>
        <input
          id="add-funds-amount"
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          aria-invalid={state.fieldErrors?.amount ? true : undefined}
          aria-describedby="add-funds-hint"
          className="mt-1 block w-full rounded-xl border border-zinc-300 bg-white px-3 py-2.5 text-base aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <p id="add-funds-hint" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {t('amountHint', { min, max })}
        </p>
        {state.fieldErrors?.amount && <p className="mt-1 text-sm text-red-600">{state.fieldErrors.amount[0]}</p>}
      </div>
      <FormMessage state={state.fieldErrors ? { status: 'idle' } : state} />
      <SubmitButton className="w-full py-3 text-base" pendingLabel={t('openingCheckout')}>
        {t('continueToPayment')}
      </SubmitButton>
    </form>
  );
}
