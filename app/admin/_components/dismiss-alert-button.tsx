'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions';
import { dismissAlertAction } from '../actions';

export function DismissAlertButton({ alertId, label }: { alertId: string; label: string }) {
  const [state, dismiss, pending] = useActionState<ActionState, FormData>(dismissAlertAction, { status: 'idle' });
  return (
    <form action={dismiss} className="shrink-0">
      <input type="hidden" name="alertId" value={alertId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Dismiss: ${label}`}
        className="rounded-lg px-2 py-1 text-xs font-semibold ring-1 ring-amber-300 hover:bg-amber-100 disabled:opacity-60 dark:ring-amber-800 dark:hover:bg-amber-900"
      >
        {pending ? 'Dismissing…' : 'Dismiss'}
      </button>
      {state.status === 'error' && (
        <p role="alert" className="mt-1 text-xs">
          {state.message}
        </p>
      )}
    </form>
  );
}
