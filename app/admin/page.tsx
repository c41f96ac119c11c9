import Link from 'next/link';
import { Panel } from '@/components/admin/panel';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { loadDashboard } from '@/lib/admin/dashboard';
import { formatAge, formatRate, type OrderSummary } from '@/lib/admin/metrics';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { formatMoney } from '@/lib/money';
import { DismissAlertButton } from './_components/dismiss-alert-button';
import { SalesChart } from './_components/sales-chart';
import { WalletPanel } from './_components/wallet-panel';
import { dateTimeFormat } from '@/lib/format';
import { Card } from '@/components/ui/card';

export const generateMetadata = operatorMetadata('Overview');

function Figures({ label, summary, currency }: { label: string; summary: OrderSummary; currency: string }) {
  const figures = [
    { name: 'Orders', value: String(summary.orders) },
    { name: 'Revenue', value: formatMoney(summary.revenue, currency), hint: 'retail of delivered orders' },
    { name: 'Margin', value: formatMoney(summary.margin, currency), hint: 'revenue − wholesale' },
    { name: 'Failure rate', value: formatRate(summary.failureRate), hint: `${summary.failed} of ${summary.delivered + summary.failed} finished` },
  ];
  return (
    <Card as="section" aria-label={label}>
      <h2 className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">{label}</h2>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-3">
        {figures.map((figure) => (
          <div key={figure.name}>
            <dt className="text-xs text-zinc-500">{figure.name}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`${label}-${figure.name}`.toLowerCase().replace(/\s+/g, '-')}>
              {figure.value}
            </dd>
            {figure.hint && <dd className="text-xs text-zinc-500">{figure.hint}</dd>}
          </div>
        ))}
      </dl>
    </Card>
  );
}

export default async function AdminOverviewPage() {
  await requireOperator('/admin');
  const now = new Date();
  const { currency, today: todaySummary, week: weekSummary, days, waiting, wallets, customers, balancesHeld, openAlerts, byMethod } = await loadDashboard(now);
  const methodLabels = { balance: 'Paid from store balance', card: 'Paid by card', add_funds: 'Store balance added by card' } as const;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Overview</h1>

      {openAlerts.length > 0 && (
        <Panel title="Needs attention" id="alerts">
          <ul className="space-y-2" data-testid="operator-alerts">
            {openAlerts.map((alert) => (
              <li key={alert.id} className="flex items-start justify-between gap-3 rounded-xl bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
                <div className="min-w-0">
                  <p className="font-medium">{alert.message}</p>
                  <p className="text-xs opacity-80">
                    {alert.kind.replaceAll('_', ' ')} · since {dateTimeFormat.format(alert.createdAt)} UTC
                    {alert.occurrences > 1 ? ` · seen ${alert.occurrences} times` : ''}
                  </p>
                </div>
                <DismissAlertButton alertId={alert.id} label={alert.message} />
              </li>
            ))}
          </ul>
        </Panel>
      )}

      <Panel title="Supplier wallets" id="wallets" action={<Link href="/admin/supplier" className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">Transactions →</Link>}>
        <WalletPanel initial={wallets} spentLast7Days={weekSummary.spent.toFixed()} />
      </Panel>

      <div className="grid gap-4 md:grid-cols-2">
        <Figures label="Today (UTC)" summary={todaySummary} currency={currency} />
        <Figures label="Last 7 days" summary={weekSummary} currency={currency} />
      </div>

      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Panel title="Sales, last 14 days" id="sales">
          <SalesChart days={days} currency={currency} />
        </Panel>
        <Panel
          title="Waiting on the supplier"
          id="waiting"
          action={<Link href="/admin/orders?status=PENDING" className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">All →</Link>}
        >
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="waiting-summary">
            {waiting.total === 0
              ? 'No order is waiting.'
              : `${waiting.total} waiting; the oldest for ${formatAge(now.getTime() - waiting.oldest[0]!.createdAt.getTime())}.`}
          </p>
          {waiting.total > 0 && (
            <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
              {waiting.oldest.map((order) => (
                <li key={order.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                  <Link href={`/admin/orders/${order.id}`} className="min-w-0 truncate font-medium hover:underline">
                    #{order.number} {order.productName}
                  </Link>
                  <span className="flex shrink-0 items-center gap-2">
                    <span className="text-xs text-zinc-500 tabular-nums">{formatAge(now.getTime() - order.createdAt.getTime())}</span>
                    <OrderStatusBadge status={order.status} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>

      <ul className="grid gap-4 sm:grid-cols-2">
        <li>
          <Card as={Link} href="/admin/customers" className="block hover:ring-zinc-400">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Customers</p>
            <p className="mt-1 text-2xl font-semibold">{customers}</p>
          </Card>
        </li>
        <li>
          <Card as={Link} href="/admin/customers" className="block hover:ring-zinc-400">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Customer balances held</p>
            <p className="mt-1 text-2xl font-semibold">{formatMoney(balancesHeld, currency)}</p>
          </Card>
        </li>
      </ul>
      <Panel title="Sales by payment method, last 7 days" id="methods">
        <dl className="grid gap-3 sm:grid-cols-3" data-testid="sales-by-method">
          {byMethod.map((row) => (
            <div key={row.method}>
              <dt className="text-xs text-zinc-500">{methodLabels[row.method]}</dt>
              <dd className="text-xl font-semibold tabular-nums">{formatMoney(row.revenue, currency)}</dd>
              <dd className="text-xs text-zinc-500">
                {row.orders} {row.method === 'add_funds' ? 'top-ups' : 'delivered orders'}
              </dd>
            </div>
          ))}
        </dl>
      </Panel>
    </div>
  );
}
