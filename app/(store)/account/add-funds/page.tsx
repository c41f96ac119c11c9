import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/guards';
import { balanceOf } from '@/lib/ledger';
import { formatMoney } from '@/lib/money';
import { addFundsOptions, settleAddFundsReturn } from '@/lib/payments/add-funds';
import { firstString, type SearchParams } from '@/lib/search-params';
import { getStoreInfo } from '@/lib/store';
import { AddFundsForm } from './_components/add-funds-form';

export const metadata: Metadata = { title: 'Add funds' };

export default async function AddFundsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser('/account/add-funds');
  const query = await searchParams;
  const { currency } = await getStoreInfo();
  const paymentId = firstString(query.payment);
  // Back from Stripe: the page checks the session itself rather than wait for the webhook.
  const returned = paymentId ? await settleAddFundsReturn(paymentId, firstString(query.cancelled) === '1').catch(() => null) : null;
  const [options, balance] = await Promise.all([addFundsOptions(currency), balanceOf(user.id, currency)]);

  return (
    <div className="mx-auto max-w-md space-y-5">
      <div>
        <Link href="/account" className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
          ← Your account
        </Link>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">Add funds</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          Balance: <span data-testid="add-funds-balance" className="font-semibold text-zinc-900 dark:text-zinc-100">{formatMoney(balance, currency)}</span>
        </p>
      </div>
      {returned && (
        <p
          role="status"
          className={`rounded-2xl p-4 text-sm ${returned.outcome === 'credited' ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100' : 'bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100'}`}
        >
          {returned.outcome === 'credited'
            ? `${formatMoney(returned.payment.amount, returned.payment.currency)} was added to your balance.`
            : returned.outcome === 'cancelled'
              ? 'Payment cancelled. Nothing was charged.'
              : 'Your payment is being confirmed. Your balance updates in a moment.'}
        </p>
      )}
      {options.enabled ? (
        <div className="rounded-3xl bg-white p-5 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <AddFundsForm
            presets={options.presets.map((value) => ({ value, label: formatMoney(value, currency).replace(/\.00$/, '') }))}
            min={formatMoney(options.min, currency)}
            max={formatMoney(options.max, currency)}
            currencySymbol={currency}
          />
        </div>
      ) : (
        <p className="rounded-2xl bg-zinc-100 p-4 text-sm dark:bg-zinc-800">Adding funds by card is not available in this store right now.</p>
      )}
    </div>
  );
}
