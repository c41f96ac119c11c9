import type { Metadata } from 'next';
import Link from 'next/link';
import { describeResetLink } from '@/lib/auth/account-forms';
import { firstString, type SearchParams } from '@/lib/search-params';
import { ResetPasswordForm } from './_components/reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = firstString((await searchParams).token);
  const link = await describeResetLink(token);
  return (
    <div className="rounded-3xl bg-white p-6 ring-1 ring-zinc-200 sm:p-8 dark:bg-zinc-900 dark:ring-zinc-800">
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      {link.ok ? (
        <>
          <p className="mb-6 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            For {link.email}. Saving it signs this account out everywhere; then sign in with the new password.
          </p>
          <ResetPasswordForm token={token!} email={link.email} />
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 rounded-xl bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {link.message}
          </p>
          <p className="mt-6 text-sm">
            <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline dark:text-brand-100">
              Get a new reset link
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
