import type { Metadata } from 'next';
import { ForgotPasswordForm } from './_components/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <div className="rounded-3xl bg-white p-6 ring-1 ring-zinc-200 sm:p-8 dark:bg-zinc-900 dark:ring-zinc-800">
      <h1 className="text-2xl font-bold tracking-tight">Forgot your password?</h1>
      <p className="mb-6 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Enter your account&apos;s email address and we will send you a link to choose a new password. Your balance and orders stay as they are.
      </p>
      <ForgotPasswordForm />
    </div>
  );
}
