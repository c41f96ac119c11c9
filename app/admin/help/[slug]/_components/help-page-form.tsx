'use client';

import { useActionState, useId } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { resetHelpPageAction, saveHelpPageAction } from '../../actions';

const idle: ActionState = { status: 'idle' };

export function HelpPageForm({ page }: { page: { slug: string; title: string; body: string; edited: boolean } }) {
  const [state, save] = useActionState(saveHelpPageAction, idle);
  const [resetState, reset] = useActionState(resetHelpPageAction, idle);
  const bodyId = useId();
  const errors = state.fieldErrors ?? {};
  const bodyErrors = errors.body;
  return (
    <div className="space-y-4">
      <form action={save} className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" noValidate>
        <input type="hidden" name="slug" value={page.slug} />
        <Field label="Title" name="title" required maxLength={80} defaultValue={state.values?.title ?? page.title} errors={errors.title} />
        <div>
          <label htmlFor={bodyId} className="block text-sm font-medium">
            Text (Markdown)
          </label>
          <textarea
            id={bodyId}
            name="body"
            rows={22}
            required
            defaultValue={state.values?.body ?? page.body}
            aria-invalid={bodyErrors?.length ? true : undefined}
            aria-describedby={`${bodyId}-hint${bodyErrors?.length ? ` ${bodyId}-error` : ''}`}
            className="mt-1 block w-full rounded-xl border border-zinc-300 bg-white px-3 py-2.5 font-mono text-sm shadow-sm aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <p id={`${bodyId}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            ## for a heading, - for a list, **bold**, [text](/help/refunds) for a link. {'{{store}}'} and {'{{currency}}'} become the store’s name and currency. HTML is shown as
            text.
          </p>
          {bodyErrors?.length ? (
            <ul id={`${bodyId}-error`} className="mt-1 space-y-0.5 text-sm text-red-600 dark:text-red-400">
              {bodyErrors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <FormMessage state={state} />
        <SubmitButton pendingLabel="Saving…">Save page</SubmitButton>
      </form>
      {page.edited ? (
        <form action={reset} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="slug" value={page.slug} />
          <SubmitButton variant="secondary" pendingLabel="Resetting…">
            Reset to the default text
          </SubmitButton>
          <FormMessage state={resetState} />
        </form>
      ) : (
        <FormMessage state={resetState} />
      )}
    </div>
  );
}
