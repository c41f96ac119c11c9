import Link from 'next/link';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { loadCustomersPage } from '@/lib/customers';
import { formatMoney } from '@/lib/money';
import { firstString, pageNumber, type SearchParams } from '@/lib/search-params';
import { Table } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { dateFormat } from '@/lib/format';

export const generateMetadata = operatorMetadata('Customers');

const PAGE_SIZE = 50;

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireOperator('/admin/customers');
  const params = await searchParams;
  const q = firstString(params.q);
  const page = pageNumber(params.page);
  const { currency, rows, total } = await loadCustomersPage({
    search: q,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (target: number) => `/admin/customers?${new URLSearchParams({ ...(q ? { q } : {}), page: String(target) })}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Customers</h1>
        <form role="search" className="flex gap-2">
          <label htmlFor="customer-search" className="sr-only">
            Search customers
          </label>
          <input
            id="customer-search"
            name="q"
            defaultValue={q}
            placeholder="Email or name"
            className="w-56 rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button type="submit" className="rounded-xl bg-zinc-900 px-3 py-2 text-sm font-semibold text-white dark:bg-white dark:text-zinc-900">
            Search
          </button>
        </form>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {total} customer{total === 1 ? '' : 's'}
        {q ? ` matching “${q}”` : ''}
      </p>
      <Table
        label="Customers"
        minWidth="min-w-[32rem]"
        columns={[
          { label: 'Customer' },
          { label: 'Joined' },
          { label: 'Balance', align: 'right' },
        ]}
        empty={{ show: rows.length === 0, message: 'No customers found.' }}
      >
        {rows.map((customer) => (
          <tr key={customer.id}>
            <td>
              <Link href={`/admin/customers/${customer.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                {customer.email}
              </Link>
              {customer.name && <span className="block text-zinc-500">{customer.name}</span>}
            </td>
            <td className="text-zinc-600 dark:text-zinc-400">{dateFormat.format(customer.createdAt)}</td>
            <td className="text-right font-medium tabular-nums">{formatMoney(customer.balance, currency)}</td>
          </tr>
        ))}
      </Table>
      <Pagination page={page} pages={pages} href={pageHref} label="Pagination" />
    </div>
  );
}
