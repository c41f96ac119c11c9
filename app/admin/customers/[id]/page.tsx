import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StatementList } from '@/components/account/statement-list';
import { Panel } from '@/components/admin/panel';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { loadCustomerDetail } from '@/lib/customers';
import { formatMoney } from '@/lib/money';
import { AdjustBalanceForm } from './_components/adjust-balance-form';
import { Card } from '@/components/ui/card';

export const generateMetadata = operatorMetadata('Customer');

const ORDERS_SHOWN = 10;

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireOperator(`/admin/customers/${encodeURIComponent(id)}`);
  const detail = await loadCustomerDetail(id, { ordersShown: ORDERS_SHOWN });
  if (!detail) notFound();
  const { customer, currency, balance, statement, orders } = detail;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/customers" className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
          ← Customers
        </Link>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{customer.email}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {customer.name ?? 'No name given'} · joined {customer.createdAt.toISOString().slice(0, 10)}
        </p>
      </div>
      <Panel
        title={`Orders (${orders.total})`}
        id="orders"
        action={
          orders.total > ORDERS_SHOWN ? (
            <Link href={`/admin/orders?userId=${customer.id}`} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">
              All orders →
            </Link>
          ) : undefined
        }
      >
        {orders.rows.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No orders yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {orders.rows.map((order) => (
              <li key={order.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 text-sm">
                <Link href={`/admin/orders/${order.id}`} className="min-w-0 font-medium hover:underline">
                  #{order.number} {order.productName}
                  {order.variantName ? ` · ${order.variantName}` : ''}
                </Link>
                <span className="flex items-center gap-3">
                  <span className="text-xs text-zinc-500">{order.createdAt.toISOString().slice(0, 10)}</span>
                  <span className="tabular-nums">{formatMoney(order.retailAmount, order.retailCurrency)}</span>
                  <OrderStatusBadge status={order.status} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card as="section" aria-labelledby="ledger">
          <div className="flex items-baseline justify-between">
            <h2 id="ledger" className="text-lg font-semibold">
              Balance history
            </h2>
            <p className="text-lg font-semibold" data-testid="customer-balance">
              {formatMoney(balance, currency)}
            </p>
          </div>
          <StatementList lines={statement} currency={currency} />
        </Card>
        <Card as="section" aria-labelledby="adjust">
          <h2 id="adjust" className="mb-3 text-lg font-semibold">
            Credit or debit
          </h2>
          <AdjustBalanceForm customerId={customer.id} currency={currency} />
        </Card>
      </div>
    </div>
  );
}
