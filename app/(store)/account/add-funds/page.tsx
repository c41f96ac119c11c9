import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/guards';
import { balanceOf } from '@/lib/ledger';
import { formatMoney } from '@/lib/money';
import { addFundsOptions, settleAddFundsReturn } from '@/lib/payments/add-funds';
import { firstString, type SearchParams } from '@/lib/search-params';
import { getStoreInfo } from '@/lib/store';
import { ClientIntl } from '@/components/i18n/client-intl';
import { AddFundsForm } from './_components/add-funds-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('addFunds') };
}

export default async function AddFundsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser('/account/add-funds');
  const query = await searchParams;
  const [{ currency }, t, locale] = await Promise.all([getStoreInfo(), getTranslations('account'), getLocale()]);
  const paymentId = firstString(query.payment);
  // Back from Stripe: the page checks the session itself rather than wait for the webhook.
  const returned = paymentId ? await settleAddFundsReturn(paymentId, firstString(query.cancelled) === '1').catch(() => null) : null;
  const [options, balance] = await Promise.all([addFundsOptions(currency), balanceOf(user.id, currency)]);

  return (
    <div className="mx-auto max-w-md space-y-5">
      <div>
        <Link href="/account" className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
          {t('backToAccount')}
        </Link>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{t('addFunds')}</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          {t('balanceLabel')} <span data-testid="add-funds-balance" className="font-semibold text-zinc-900 dark:text-zinc-100">{formatMoney(balance, currency, locale)}</span>
        </p>
      </div>
      {returned && (
        <p
          role="status"
          className={`rounded-2xl p-4 text-sm ${returned.outcome === 'credited' ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100' : 'bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100'}`}
        >
          {returned.outcome === 'credited'
            ? t('credited', { amount: formatMoney(returned.payment.amount, returned.payment.currency, locale) })
            : returned.outcome === 'cancelled'
              ? t('cancelled')
              : t('confirming')}
        </p>
      )}
      {options.enabled ? (
        <div className="rounded-3xl bg-white p-5 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <ClientIntl namespaces={['accountForms']}>
          <AddFundsForm
            presets={options.presets.map((value) => ({ value, label: formatMoney(value, currency, locale).replace(/[.,]00$/, '') }))}
            min={formatMoney(options.min, currency, locale)}
            max={formatMoney(options.max, currency, locale)}
            currencySymbol={currency}
          />
          </ClientIntl>
        </div>
      ) : (
        <p className="rounded-2xl bg-zinc-100 p-4 text-sm dark:bg-zinc-800">{t('addFundsUnavailable')}</p>
      )}
    </div>
  );
}
