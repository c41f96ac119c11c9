'use client';

import { useFormStatus } from 'react-dom';

type SubmitButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & {
  /** Shown while the form submits ("Placing your order…"): every caller names its own, translated. */
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
};

const variants = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700',
  secondary: 'bg-white text-zinc-900 ring-1 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800',
  danger: 'bg-red-600 text-white hover:bg-red-700',
};

/**
 * Disabled while its form is submitting, so a double click sends one request. Its words come
 * as props, so a page with only this button loads no translation runtime.
 */
export function SubmitButton({ children, pendingLabel, variant = 'primary', className = '', disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      className={`inline-flex items-center justify-center rounded-xl px-4 py-2.5 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${variants[variant]} ${className}`}
      {...props}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
