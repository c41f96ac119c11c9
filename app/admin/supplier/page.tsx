import Link from 'next/link';
import { Panel } from '@/components/admin/panel';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { loadSupplierView } from '@/lib/admin/wallets';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import type { TransactionMatch } from '@/lib/admin/reconcile';
import { formatMoney } from '@/lib/money';
import { loadLateDeliveries } from '@/lib/orders/late-delivery';
import { pageNumber, type SearchParams } from '@/lib/search-params';
import { Table } from '@/components/ui/table';
import { timestampFormat } from '@/lib/format';

export const generateMetadata = operatorMetadata('Supplier');

const PAGE_SIZE = 50;
const verticalNames = { voucher: 'Voucher order', topup: 'Top-up order', esim: 'eSIM order' } as const;

function MatchCell({ match }: { match: TransactionMatch }) {
  if (!match.ref) return <span className="text-zinc-500">Not an order (wallet top-up or adjustment)</span>;
  const label = `${match.ref.refund ? 'Refund of ' : ''}${verticalNames[match.ref.vertical]} #${match.ref.upstreamId}`;
  if (!match.order) {
    return (
      <span>
        {label}
        <strong className="block text-red-700 dark:text-red-300">Mismatch: no order in the store</strong>
      </span>
    );
  }
  return (
    <span>
      {label} ·{' '}
      <Link href={`/admin/orders/${match.order.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
        order #{match.order.number}
      </Link>{' '}
      <OrderStatusBadge status={match.order.status} />
      {match.problem === 'amount_differs' && (
        <strong className="block text-red-700 dark:text-red-300">Mismatch: the store recorded {match.order.wholesaleAmount} at checkout</strong>
      )}
    </span>
  );
}

export default async function SupplierPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireOperator('/admin/supplier');
  const page = pageNumber((await searchParams).page);

  const [view, late] = await Promise.all([loadSupplierView(page, PAGE_SIZE), loadLateDeliveries()]);
  let content: React.ReactNode;
  if (view.kind === 'unavailable') {
    content = (
      <p role="alert" className="rounded-xl bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
        The supplier did not answer: {view.message}
      </p>
    );
  } else if (view.kind === 'no_wallet') {
    content = <p role="alert">The supplier has no {view.currency} wallet, so the store cannot pay for orders.</p>;
  } else {
    const { transactions, missing, wallet, currency } = view;
    const problems = transactions.matches.filter((match) => match.problem).length;
    const totalPages = transactions.page.totalPages ?? (transactions.page.hasMore ? page + 1 : page);
    content = (
        <div className="space-y-6">
          <Panel title="Store orders the wallet never paid for (last 7 days)" id="missing-debits">
            {missing.orders.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="missing-debits">
                None: every order the supplier accepted has its debit.
              </p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="missing-debits">
                {missing.orders.map((order) => (
                  <li key={order.id} className="rounded-lg bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950 dark:text-red-100">
                    <Link href={`/admin/orders/${order.id}`} className="font-semibold hover:underline">
                      Order #{order.number}
                    </Link>{' '}
                    ({verticalNames[order.vertical]} #{order.upstreamId}, {formatMoney(order.wholesaleAmount, currency)}): no debit found in the {currency} wallet.
                  </li>
                ))}
              </ul>
            )}
            {!missing.complete && <p className="mt-2 text-xs text-zinc-500">Only the most recent transactions were compared; older orders were not checked.</p>}
          </Panel>

          <Panel title={`${currency} wallet transactions`} id="transactions" action={<span className="text-sm text-zinc-600 dark:text-zinc-400">Balance {formatMoney(wallet.amount, currency)}</span>}>
            <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
              {problems === 0 ? 'No mismatch on this page.' : `${problems} mismatch${problems === 1 ? '' : 'es'} on this page.`}
            </p>
            <Table
              label="Supplier transactions"
              caption="Wallet transactions, newest first, with the store order each belongs to"
              minWidth="min-w-[44rem]"
              density="panel"
              framed={false}
              className="-mx-5"
              columns={[
                { label: 'When (UTC)' },
                { label: 'Transaction' },
                { label: 'Amount', align: 'right' },
                { label: 'Store order' },
              ]}
              empty={{ show: transactions.matches.length === 0, message: 'No transactions on this page.' }}
            >
              {transactions.matches.map((match) => (
                <tr key={match.transaction.id} className={`align-top ${match.problem ? 'bg-red-50 dark:bg-red-950/40' : ''}`} data-mismatch={match.problem ?? undefined}>
                  <td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{timestampFormat.format(match.transaction.createdAt)}</td>
                  <td>
                    <span className="font-mono text-xs">#{match.transaction.id}</span> {match.transaction.status !== 'COMPLETED' && `(${match.transaction.status})`}
                    <span className="block text-xs text-zinc-500">{match.transaction.remarks}</span>
                  </td>
                  <td className={`whitespace-nowrap px-5 py-2 text-right tabular-nums ${match.transaction.type === 'CREDIT' ? 'text-emerald-700 dark:text-emerald-300' : ''}`}>
                    {match.transaction.type === 'CREDIT' ? '+' : '−'}
                    {match.transaction.amount.toFixed()}
                  </td>
                  <td>
                    <MatchCell match={match} />
                  </td>
                </tr>
              ))}
            </Table>
            {(page > 1 || transactions.page.hasMore) && (
              <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm">
                {page > 1 ? <Link href={`/admin/supplier?page=${page - 1}`}>← Newer</Link> : <span />}
                <span>
                  Page {page} of {totalPages}
                </span>
                {transactions.page.hasMore ? <Link href={`/admin/supplier?page=${page + 1}`}>Older →</Link> : <span />}
              </nav>
            )}
          </Panel>
        </div>
    );
  }

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Supplier</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Every debit and credit of the supplier wallet that pays for orders, beside the store’s own orders. Rows in red need a look: money moved for an order the store does not know, or a different amount than the store recorded.
      </p>
      {late.length > 0 && (
        <Panel title="Delivered after a refund" id="late-deliveries">
          <ul className="space-y-1 text-sm" data-testid="late-deliveries">
            {late.map((order) => (
              <li key={order.id} className="rounded-lg bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950 dark:text-red-100">
                <Link href={`/admin/orders/${order.id}`} className="font-semibold hover:underline">
                  Order #{order.number}
                </Link>{' '}
                ({verticalNames[order.vertical]} #{order.upstreamId}, {formatMoney(order.wholesaleAmount, order.wholesaleCurrency)}): the customer was refunded, then the supplier
                delivered and charged the wallet. Decide on the order&rsquo;s page.
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {content}
    </div>
  );
}
