/** The form-level outcome, announced by screen readers when it changes. */
export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  return (
    <p
      aria-live="polite"
      role={state.status === 'error' ? 'alert' : 'status'}
      className={
        state.message
          ? state.status === 'error'
            ? 'rounded-xl bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200'
            : 'rounded-xl bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'
          : 'sr-only'
      }
    >
      {state.message}
    </p>
  );
}
