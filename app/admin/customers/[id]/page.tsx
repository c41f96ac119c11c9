import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StatementList } from '@/components/account/statement-list';
import { getDb } from '@/db';
import { getCustomerById } from '@/lib/customers';
import { getCustomerBalance, listCustomerStatement } from '@/lib/ledger';
import { formatMoney } from '@/lib/money';
import { getStoreInfo } from '@/lib/store';
import { AdjustBalanceForm } from './_components/adjust-balance-form';

export const metadata: Metadata = { title: 'Customer' };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  const customer = await getCustomerById(db, id);
  if (!customer) notFound();
  const { currency } = await getStoreInfo();
  const [balance, statement] = await Promise.all([
    getCustomerBalance(db, customer.id, currency),
    listCustomerStatement(db, customer.id, currency, { limit: 100 }),
  ]);
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
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="ledger" className="rounded-2xl bg-white p-5 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <div className="flex items-baseline justify-between">
            <h2 id="ledger" className="text-lg font-semibold">
              Balance history
            </h2>
            <p className="text-lg font-semibold" data-testid="customer-balance">
              {formatMoney(balance, currency)}
            </p>
          </div>
          <StatementList lines={statement} currency={currency} />
        </section>
        <section aria-labelledby="adjust" className="rounded-2xl bg-white p-5 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <h2 id="adjust" className="mb-3 text-lg font-semibold">
            Credit or debit
          </h2>
          <AdjustBalanceForm customerId={customer.id} currency={currency} />
        </section>
      </div>
    </div>
  );
}
