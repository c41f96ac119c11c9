'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { verifyEmailAction } from '../actions';

export function VerifyEmailForm({ token }: { token: string }) {
  const [state, action] = useActionState(verifyEmailAction, { status: 'idle' });
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      {state.status === 'success' ? (
        <Link href="/" className="inline-block font-medium text-brand-600 hover:underline dark:text-brand-100">
          Continue shopping
        </Link>
      ) : (
        <SubmitButton className="w-full" pendingLabel="Confirming…">
          Confirm my email address
        </SubmitButton>
      )}
    </form>
  );
}
