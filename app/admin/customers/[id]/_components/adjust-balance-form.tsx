'use client';

import { useActionState, useEffect, useRef } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { adjustBalanceAction } from '../actions';

export function AdjustBalanceForm({ customerId, currency }: { customerId: string; currency: string }) {
  const [state, action] = useActionState(adjustBalanceAction, { status: 'idle' });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'success') formRef.current?.reset();
  }, [state]);
  const direction = state.values?.direction ?? 'credit';
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <fieldset>
        <legend className="text-sm font-medium">Adjustment</legend>
        <div className="mt-2 flex gap-2">
          {(['credit', 'debit'] as const).map((option) => (
            <label
              key={option}
              className="flex cursor-pointer items-center gap-2 rounded-full px-3 py-1.5 text-sm ring-1 ring-zinc-300 has-checked:bg-zinc-900 has-checked:text-white dark:ring-zinc-700 dark:has-checked:bg-white dark:has-checked:text-zinc-900"
            >
              <input type="radio" name="direction" value={option} defaultChecked={direction === option} className="sr-only" />
              {option === 'credit' ? 'Credit' : 'Debit'}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={`Amount (${currency})`} name="amount" inputMode="decimal" required defaultValue={state.values?.amount} errors={state.fieldErrors?.amount} />
      <Field
        label="Reason"
        name="reason"
        required
        hint="Shown to the customer in their balance history and kept in the audit log."
        defaultValue={state.values?.reason}
        errors={state.fieldErrors?.reason}
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving…">Apply adjustment</SubmitButton>
    </form>
  );
}
