import Link from 'next/link';
import { and, count, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { ledgerAccounts, users } from '@/db/schema';
import { formatMoney } from '@/lib/money';
import { getStoreInfo } from '@/lib/store';

export default async function AdminOverviewPage() {
  const db = await getDb();
  const { currency } = await getStoreInfo();
  const [[customers], [liability]] = await Promise.all([
    db.select({ total: count() }).from(users).where(eq(users.role, 'customer')),
    db
      .select({ total: sql<string>`coalesce(sum(${ledgerAccounts.balance}), 0)` })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.kind, 'customer'), eq(ledgerAccounts.currency, currency))),
  ]);
  const cards = [
    { label: 'Customers', value: String(customers?.total ?? 0), href: '/admin/customers' },
    { label: 'Customer balances held', value: formatMoney(liability?.total ?? 0, currency), href: '/admin/customers' },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Overview</h1>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {cards.map((card) => (
          <li key={card.label}>
            <Link href={card.href} className="block rounded-2xl bg-white p-5 ring-1 ring-zinc-200 hover:ring-zinc-400 dark:bg-zinc-900 dark:ring-zinc-800">
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{card.label}</p>
              <p className="mt-1 text-2xl font-semibold">{card.value}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
