import Link from 'next/link';
import { Download } from 'lucide';
import { Icon } from '@/components/ui/icon';
import { GiftCodeNote } from '@/components/admin/gift-code-note';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { loadOrdersPage, orderFiltersQuery, orderVerticalFilters, parseOrderFilters } from '@/lib/admin/orders';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { formatMoney } from '@/lib/money';
import { ORDER_STATUSES, statusLabels } from '@/lib/orders/status';
import { pageNumber, type SearchParams } from '@/lib/search-params';
import { Table } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { dateTimeFormat } from '@/lib/format';
import { Card } from '@/components/ui/card';

export const generateMetadata = operatorMetadata('Orders');

const PAGE_SIZE = 25;
const paymentLabels = { balance: 'Store balance', card: 'Card', gift_code: 'Gift code' } as const;
const inputClass = 'mt-1 block w-full rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900';
const verticalLabel = (vertical: string, topupType: string | null) =>
  vertical === 'voucher' ? 'Voucher' : vertical === 'esim' ? 'eSIM' : topupType === 'MOBILE' ? 'Mobile' : 'Game top-up';

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireOperator('/admin/orders');
  const params = await searchParams;
  const filters = parseOrderFilters(params);
  const page = pageNumber(params.page);
  const { rows, total } = await loadOrdersPage(filters, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (target: number) => `/admin/orders?${orderFiltersQuery(filters, { page: String(target) })}`;
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Orders</h1>
        <a
          href={`/api/admin/orders/export?${orderFiltersQuery(filters)}`}
          className="inline-flex items-center gap-1.5 rounded-xl px-3 py-2 text-sm font-semibold ring-1 ring-zinc-300 hover:bg-white dark:ring-zinc-700 dark:hover:bg-zinc-900"
          download
        >
          <Icon icon={Download} className="size-4" />
          Export CSV
        </a>
      </div>

      <Card as="form" padded={false} role="search" aria-label="Filter orders" className="grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-6">
        <div className="sm:col-span-2">
          <label htmlFor="order-search" className="block text-sm font-medium">
            Search orders
          </label>
          <input id="order-search" name="q" type="search" defaultValue={filters.q} placeholder="Number, reference, email or recipient" className={inputClass} />
        </div>
        <div>
          <label htmlFor="order-vertical" className="block text-sm font-medium">
            Type
          </label>
          <select id="order-vertical" name="vertical" defaultValue={filters.vertical ?? ''} className={inputClass}>
            <option value="">All types</option>
            {orderVerticalFilters.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="order-status" className="block text-sm font-medium">
            Status
          </label>
          <select id="order-status" name="status" defaultValue={filters.status ?? ''} className={inputClass}>
            <option value="">All statuses</option>
            {ORDER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]} ({status.toLowerCase()})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="order-from" className="block text-sm font-medium">
            From (UTC)
          </label>
          <input id="order-from" name="from" type="date" defaultValue={filters.from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="order-to" className="block text-sm font-medium">
            To (UTC)
          </label>
          <input id="order-to" name="to" type="date" defaultValue={filters.to} className={inputClass} />
        </div>
        <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-6">
          <button type="submit" className="rounded-xl bg-zinc-900 px-4 py-2 text-sm font-semibold text-white dark:bg-white dark:text-zinc-900">
            Apply filters
          </button>
          {filtered && (
            <Link href="/admin/orders" className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
              Clear
            </Link>
          )}
          <p className="ml-auto text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
            {total} order{total === 1 ? '' : 's'}
          </p>
        </div>
      </Card>

      <Table
        label="Orders"
        caption="Orders, newest first"
        minWidth="min-w-[52rem]"
        columns={[
          { label: 'Order' },
          { label: 'Product' },
          { label: 'Customer' },
          { label: 'Recipient' },
          { label: 'Status' },
          { label: 'Retail', align: 'right' },
          { label: 'Wholesale', align: 'right' },
        ]}
        empty={{ show: rows.length === 0, message: filtered ? 'No order matches these filters.' : 'No orders yet.' }}
      >
        {rows.map((order) => (
          <tr key={order.id} className="align-top">
            <td>
              <Link href={`/admin/orders/${order.id}`} className="font-semibold text-brand-600 hover:underline dark:text-brand-100">
                #{order.number}
              </Link>
              <span className="block whitespace-nowrap text-xs text-zinc-500">{dateTimeFormat.format(order.createdAt)}</span>
            </td>
            <td>
              <span className="block">{order.productName}</span>
              <span className="block text-xs text-zinc-500">
                {verticalLabel(order.vertical, order.topupType)}
                {order.variantName ? ` · ${order.variantName}` : ''}
              </span>
            </td>
            <td className="max-w-48 truncate">{order.customerEmail}</td>
            <td className="font-mono text-xs">{order.recipient ?? '—'}</td>
            <td>
              <OrderStatusBadge status={order.status} />
              {order.refundedAt && <span className="block text-xs text-zinc-500">{order.giftCodeFrom !== null ? 'Gift code given back' : 'Refunded'}</span>}
              <GiftCodeNote giftCodeFrom={order.giftCodeFrom} redeemedOn={order.redeemedOn} />
            </td>
            <td className="text-right tabular-nums">
              {formatMoney(order.retailAmount, order.retailCurrency)}
              <span className="block text-xs text-zinc-500">{paymentLabels[order.paymentProvider as keyof typeof paymentLabels] ?? order.paymentProvider}</span>
            </td>
            <td className="text-right tabular-nums text-zinc-600 dark:text-zinc-400">{formatMoney(order.wholesaleAmount, order.wholesaleCurrency)}</td>
          </tr>
        ))}
      </Table>
      <Pagination page={page} pages={pages} href={pageHref} label="Pagination" />
    </div>
  );
}
