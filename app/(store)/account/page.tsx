import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { StatementList } from '@/components/account/statement-list';
import { OrderList } from '@/components/orders/order-list';
import { signOutAction } from '@/lib/auth/actions';
import { requireUser } from '@/lib/auth/guards';
import { loadMyAccount } from '@/lib/customers/account';
import { formatMoney } from '@/lib/money';
import { formatInternational } from '@/lib/phone';
import { ChangePasswordForm } from './_components/change-password-form';
import { SavedRecipients } from './_components/saved-recipients';
import { Card } from '@/components/ui/card';
import { ClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = title.toLowerCase().replace(/\W+/g, '-');
  return (
    <Card as="section" rounded="3xl" aria-labelledby={id} className="min-w-0 sm:p-6">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </Card>
  );
}

export default async function AccountPage() {
  await requireUser('/account');
  const { user, currency, balance, statement, recipients, orders, orderProducts } = await loadMyAccount();
  const [t, locale] = await Promise.all([getTranslations('account'), getLocale()]);

  return (
    <div className="space-y-6">
      <header className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
          <p className="truncate text-zinc-600 dark:text-zinc-400">{user.name ? `${user.name} · ${user.email}` : user.email}</p>
        </div>
        <form action={signOutAction}>
          <button type="submit" className="rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-zinc-300 hover:bg-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800">
            {t('signOut')}
          </button>
        </form>
      </header>

      <div className="rounded-3xl bg-gradient-to-br from-brand-600 to-brand-700 p-6 text-white">
        <p className="text-sm text-brand-100">{t('storeBalance')}</p>
        <p className="mt-1 text-4xl font-bold tracking-tight" data-testid="account-balance">
          {formatMoney(balance, currency, locale)}
        </p>
        <p className="mt-2 text-sm text-brand-100">{t('balanceNote')}</p>
        <Link href="/account/add-funds" className="mt-4 inline-flex rounded-xl bg-white px-4 py-2.5 text-sm font-semibold text-brand-700 hover:bg-brand-50">
          {t('addFunds')}
        </Link>
      </div>

      {/* minmax(0, 1fr) tracks: a wide order row must not widen the page past a phone (431 px on 412). */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Section title={t('balanceHistory')}>
          <StatementList lines={statement} currency={currency} />
        </Section>
        <div className="min-w-0 space-y-6">
          <Section title={t('orders')}>
            <OrderList orders={orders} products={orderProducts} />
          </Section>
          <Section title={t('savedRecipients')}>
            <ClientIntl namespaces={['accountForms']}>
            <SavedRecipients
              recipients={recipients.map((recipient) => ({
                id: recipient.id,
                kind: recipient.kind,
                label: recipient.label,
                values: recipient.values,
                display:
                  recipient.kind === 'phone'
                    ? formatInternational(recipient.values.phone_number ?? '')
                    : [recipient.values.player_id, recipient.values.server].filter(Boolean).join(' · '),
              }))}
            />
            </ClientIntl>
          </Section>
          <Section title={t('password')}>
            <ClientIntl namespaces={['accountForms']}>
              <ChangePasswordForm email={user.email} />
            </ClientIntl>
          </Section>
        </div>
      </div>
    </div>
  );
}
