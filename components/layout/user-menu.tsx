import Link from 'next/link';
import { signOutAction } from '@/lib/auth/actions';
import { loadHeaderAccount } from '@/lib/customers/account';
import { formatMoney } from '@/lib/money';

/** Balance and account links for a signed-in customer; sign-in links otherwise. */
export async function UserMenu() {
  const account = await loadHeaderAccount();
  if (!account) {
    return (
      <div className="flex items-center gap-2 text-sm">
        <Link href="/sign-in" className="rounded-full px-3 py-1.5 font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800">
          Sign in
        </Link>
        <Link href="/sign-up" className="hidden rounded-full bg-zinc-900 px-3 py-1.5 font-medium text-white sm:inline-block dark:bg-white dark:text-zinc-900">
          Create account
        </Link>
      </div>
    );
  }
  const { role, currency, balance } = account;
  return (
    <div className="flex items-center gap-1.5 text-sm">
      {role === 'operator' && (
        <Link href="/admin" className="rounded-full px-3 py-1.5 font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800">
          Admin
        </Link>
      )}
      <Link
        href="/account"
        className="rounded-full bg-brand-50 px-3 py-1.5 font-semibold text-brand-700 ring-1 ring-brand-100 dark:bg-zinc-900 dark:text-brand-100 dark:ring-zinc-700"
        aria-label={`Your account, balance ${formatMoney(balance, currency)}`}
      >
        {formatMoney(balance, currency)}
      </Link>
      {/* On phones sign-out lives on the account page, keeping the header on one line. */}
      <form action={signOutAction} className="hidden sm:block">
        <button type="submit" className="rounded-full px-3 py-1.5 font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
          Sign out
        </button>
      </form>
    </div>
  );
}
