import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { signOutAction } from '@/lib/auth/actions';
import { loadHeaderAccount } from '@/lib/customers/account';
import { formatMoney } from '@/lib/money';

/** Balance and account links for a signed-in customer; sign-in links otherwise. */
export async function UserMenu() {
  const [account, t, locale] = await Promise.all([loadHeaderAccount(), getTranslations('shell'), getLocale()]);
  if (!account) {
    return (
      <div className="flex items-center gap-2 text-sm">
        <Link href="/sign-in" className="rounded-full px-3 py-1.5 font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800">
          {t('signIn')}
        </Link>
        <Link href="/sign-up" className="hidden rounded-full bg-zinc-900 px-3 py-1.5 font-medium text-white sm:inline-block dark:bg-white dark:text-zinc-900">
          {t('createAccount')}
        </Link>
      </div>
    );
  }
  const { role, currency, balance } = account;
  return (
    <div className="flex items-center gap-1.5 text-sm">
      {role === 'operator' && (
        <Link href="/admin" className="rounded-full px-3 py-1.5 font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800">
          {t('admin')}
        </Link>
      )}
      <Link
        href="/account"
        className="rounded-full bg-brand-50 px-3 py-1.5 font-semibold text-brand-700 ring-1 ring-brand-100 dark:bg-zinc-900 dark:text-brand-100 dark:ring-zinc-700"
        aria-label={t('accountBalance', { balance: formatMoney(balance, currency, locale) })}
      >
        {formatMoney(balance, currency, locale)}
      </Link>
      {/* On phones sign-out lives on the account page, keeping the header on one line. */}
      <form action={signOutAction} className="hidden sm:block">
        <button type="submit" className="rounded-full px-3 py-1.5 font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
          {t('signOut')}
        </button>
      </form>
    </div>
  );
}
