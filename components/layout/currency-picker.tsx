'use client';

import { useRef } from 'react';
import { setDisplayCurrencyAction } from '@/app/(store)/actions';

/**
 * The display-currency picker: store currency only, or an estimate in a currency whose rate the
 * store knows (its words come translated from the footer). Choosing submits at once (the page re-renders with the cookie); without
 * JavaScript a Save button does it.
 */
export function CurrencyPicker({ options, selected, label, save }: { options: { value: string; label: string }[]; selected: string; label: string; save: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={setDisplayCurrencyAction} className="flex items-center gap-2">
      <label htmlFor="display-currency" className="shrink-0">
        {label}
      </label>
      <select
        id="display-currency"
        name="currency"
        defaultValue={selected}
        key={selected}
        onChange={() => formRef.current?.requestSubmit()}
        className="min-h-11 w-full min-w-0 rounded-lg bg-white px-2 py-1 text-sm text-zinc-900 ring-1 ring-zinc-300 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="min-h-11 rounded-lg px-3 ring-1 ring-zinc-300 dark:ring-zinc-700">
          {save}
        </button>
      </noscript>
    </form>
  );
}
