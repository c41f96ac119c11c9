import type { OrderStatus, VerticalKind } from '@/db/schema';
import { Decimal } from '@/lib/money';
import type { Transaction } from '@/lib/octopus';

/**
 * Which supplier order a wallet transaction belongs to. The API only says so in `remarks`:
 * "USD Wallet debited by amount 4.7405 - Topup Order #9123456" and "... - Refund for Topup
 * Order #9123456"; voucher orders are plain "Order #id", eSIMs "eSIM Order #id".
 */
export type TransactionOrderRef = { vertical: VerticalKind; upstreamId: number; refund: boolean };

const ORDER_REMARK = /(?:-\s*)(Refund for )?(Topup Order|eSIM Order|Order) #(\d+)\s*$/i;

export function parseTransactionRemarks(remarks: string | null): TransactionOrderRef | null {
  const match = remarks ? ORDER_REMARK.exec(remarks) : null;
  if (!match) return null;
  const label = match[2]!.toLowerCase();
  const vertical: VerticalKind = label === 'topup order' ? 'topup' : label === 'esim order' ? 'esim' : 'voucher';
  return { vertical, upstreamId: Number(match[3]), refund: Boolean(match[1]) };
}

/** The local side of the comparison: only what matching needs. */
export type LocalOrderRef = {
  id: string;
  number: number;
  vertical: VerticalKind;
  upstreamId: number | null;
  status: OrderStatus;
  wholesaleAmount: string;
  createdAt: Date;
};

export type TransactionProblem = 'no_local_order' | 'amount_differs';

export type TransactionMatch = {
  transaction: Transaction;
  ref: TransactionOrderRef | null;
  order: LocalOrderRef | null;
  problem: TransactionProblem | null;
};

const keyOf = (vertical: VerticalKind, upstreamId: number) => `${vertical}:${upstreamId}`;

/**
 * Pairs each wallet transaction with the store's order. A debit or refund naming a supplier
 * order the store does not know is a mismatch (money left the wallet for nothing we sold); so
 * is a debit that differs from the wholesale price the order recorded at checkout.
 * Transactions that name no order (top-ups of the wallet, adjustments) are not judged.
 */
export function matchTransactions(transactions: readonly Transaction[], orders: readonly LocalOrderRef[]): TransactionMatch[] {
  const byUpstream = new Map(orders.filter((order) => order.upstreamId !== null).map((order) => [keyOf(order.vertical, order.upstreamId!), order]));
  return transactions.map((transaction) => {
    const ref = parseTransactionRemarks(transaction.remarks);
    if (!ref) return { transaction, ref, order: null, problem: null };
    const order = byUpstream.get(keyOf(ref.vertical, ref.upstreamId)) ?? null;
    let problem: TransactionProblem | null = null;
    if (!order) problem = 'no_local_order';
    else if (!ref.refund && transaction.type === 'DEBIT' && !new Decimal(transaction.amount).eq(order.wholesaleAmount)) problem = 'amount_differs';
    return { transaction, ref, order, problem };
  });
}

/**
 * Orders the supplier accepted (they carry its id and were not refused) with no debit among
 * the given transactions: the wallet never paid for something the store believes it sold.
 * Call with every transaction of the period the orders come from.
 */
export function ordersWithoutDebit(orders: readonly LocalOrderRef[], transactions: readonly Transaction[]): LocalOrderRef[] {
  const debited = new Set<string>();
  for (const transaction of transactions) {
    const ref = parseTransactionRemarks(transaction.remarks);
    if (ref && !ref.refund && transaction.type === 'DEBIT') debited.add(keyOf(ref.vertical, ref.upstreamId));
  }
  return orders.filter((order) => order.upstreamId !== null && order.status !== 'REJECTED' && !debited.has(keyOf(order.vertical, order.upstreamId)));
}
