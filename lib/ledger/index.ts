import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db';
import { ledgerAccounts, ledgerEntries, ledgerTransactions, type LedgerTransaction } from '@/db/schema';
import { Decimal, type MoneyInput } from '@/lib/money';

type Executor = Database | Transaction;
type StoreAccountKind = 'funding' | 'sales' | 'promotions';
type TransactionKind = LedgerTransaction['kind'];

export class InsufficientBalanceError extends Error {
  constructor(readonly balance: Decimal) {
    super('Your balance is too low for this payment.');
    this.name = 'InsufficientBalanceError';
  }
}

export async function getOrCreateCustomerAccount(tx: Executor, userId: string, currency: string): Promise<string> {
  const [created] = await tx
    .insert(ledgerAccounts)
    .values({ kind: 'customer', userId, currency })
    .onConflictDoNothing()
    .returning({ id: ledgerAccounts.id });
  if (created) return created.id;
  const [existing] = await tx
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.kind, 'customer'), eq(ledgerAccounts.userId, userId), eq(ledgerAccounts.currency, currency)));
  return existing!.id;
}

async function getOrCreateStoreAccount(tx: Executor, kind: StoreAccountKind, currency: string): Promise<string> {
  const [created] = await tx
    .insert(ledgerAccounts)
    .values({ kind, currency })
    .onConflictDoNothing()
    .returning({ id: ledgerAccounts.id });
  if (created) return created.id;
  const [existing] = await tx
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.kind, kind), eq(ledgerAccounts.currency, currency)));
  return existing!.id;
}

export type PostTransactionInput = {
  kind: TransactionKind;
  memo: string;
  currency: string;
  entries: { accountId: string; amount: MoneyInput }[];
  idempotencyKey?: string;
  orderId?: string;
  createdById?: string;
};

/**
 * Writes one balanced transaction and moves the balances it touches, inside the caller's
 * database transaction. A customer balance can never go below zero: the guarded UPDATE
 * fails instead, so concurrent debits cannot overdraw. Returns undefined when a transaction
 * with the same idempotency key already exists (the movement already happened).
 */
export async function postTransaction(tx: Transaction, input: PostTransactionInput): Promise<string | undefined> {
  const entries = input.entries.map((entry) => ({ accountId: entry.accountId, amount: new Decimal(entry.amount) }));
  const total = entries.reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0));
  if (!total.isZero()) throw new Error(`Unbalanced ledger transaction (${input.kind}): entries sum to ${total}`);

  const [transaction] = await tx
    .insert(ledgerTransactions)
    .values({
      kind: input.kind,
      memo: input.memo,
      idempotencyKey: input.idempotencyKey,
      orderId: input.orderId,
      createdById: input.createdById,
    })
    .onConflictDoNothing()
    .returning({ id: ledgerTransactions.id });
  if (!transaction) return undefined;

  // A stable lock order keeps two transfers between the same accounts from deadlocking.
  const ordered = [...entries].sort((a, b) => a.accountId.localeCompare(b.accountId));
  for (const entry of ordered) {
    const [updated] = await tx
      .update(ledgerAccounts)
      .set({ balance: sql`${ledgerAccounts.balance} + ${entry.amount.toFixed()}` })
      .where(
        and(
          eq(ledgerAccounts.id, entry.accountId),
          sql`(${ledgerAccounts.kind} <> 'customer' or ${ledgerAccounts.balance} + ${entry.amount.toFixed()} >= 0)`,
        ),
      )
      .returning({ balance: ledgerAccounts.balance });
    if (!updated) {
      const [account] = await tx
        .select({ balance: ledgerAccounts.balance })
        .from(ledgerAccounts)
        .where(eq(ledgerAccounts.id, entry.accountId));
      throw new InsufficientBalanceError(new Decimal(account?.balance ?? 0));
    }
    await tx.insert(ledgerEntries).values({
      transactionId: transaction.id,
      accountId: entry.accountId,
      amount: entry.amount.toFixed(),
      currency: input.currency,
      balanceAfter: updated.balance,
    });
  }
  return transaction.id;
}

const counterpart: Record<TransactionKind, StoreAccountKind> = {
  operator_credit: 'funding',
  operator_debit: 'funding',
  demo_credit: 'promotions',
  order_payment: 'sales',
  order_refund: 'sales',
  // Card top-ups come in from outside, like an operator's credit.
  card_top_up: 'funding',
};

export type CustomerMovement = {
  userId: string;
  currency: string;
  amount: MoneyInput;
  kind: TransactionKind;
  memo: string;
  idempotencyKey?: string;
  orderId?: string;
  createdById?: string;
};

/** Moves money between a customer's balance and the store account the kind implies. */
async function moveCustomerMoney(tx: Transaction, movement: CustomerMovement, direction: 1 | -1) {
  const amount = new Decimal(movement.amount);
  if (amount.lte(0)) throw new Error('Ledger amounts must be positive');
  const customer = await getOrCreateCustomerAccount(tx, movement.userId, movement.currency);
  const store = await getOrCreateStoreAccount(tx, counterpart[movement.kind], movement.currency);
  const signed = amount.times(direction);
  return postTransaction(tx, {
    ...movement,
    entries: [
      { accountId: customer, amount: signed },
      { accountId: store, amount: signed.negated() },
    ],
  });
}

export const creditCustomer = (tx: Transaction, movement: CustomerMovement) => moveCustomerMoney(tx, movement, 1);
export const debitCustomer = (tx: Transaction, movement: CustomerMovement) => moveCustomerMoney(tx, movement, -1);

/** A customer's balance, for callers outside lib/ that hold no database handle. */
export async function balanceOf(userId: string, currency: string): Promise<Decimal> {
  return getCustomerBalance(await getDb(), userId, currency);
}

export async function getCustomerBalance(db: Executor, userId: string, currency: string): Promise<Decimal> {
  const [account] = await db
    .select({ balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.kind, 'customer'), eq(ledgerAccounts.userId, userId), eq(ledgerAccounts.currency, currency)));
  return new Decimal(account?.balance ?? 0);
}

export type StatementLine = {
  id: string;
  kind: TransactionKind;
  memo: string;
  amount: Decimal;
  balanceAfter: Decimal;
  orderId: string | null;
  createdAt: Date;
};

/** A customer's balance history, newest first. */
export async function listCustomerStatement(
  db: Executor,
  userId: string,
  currency: string,
  { limit = 50, offset = 0 } = {},
): Promise<StatementLine[]> {
  const rows = await db
    .select({
      id: ledgerEntries.id,
      kind: ledgerTransactions.kind,
      memo: ledgerTransactions.memo,
      amount: ledgerEntries.amount,
      balanceAfter: ledgerEntries.balanceAfter,
      orderId: ledgerTransactions.orderId,
      createdAt: ledgerEntries.createdAt,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerEntries.transactionId, ledgerTransactions.id))
    .innerJoin(ledgerAccounts, eq(ledgerEntries.accountId, ledgerAccounts.id))
    .where(and(eq(ledgerAccounts.kind, 'customer'), eq(ledgerAccounts.userId, userId), eq(ledgerAccounts.currency, currency)))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
    .limit(limit)
    .offset(offset);
  return rows.map((row) => ({ ...row, amount: new Decimal(row.amount), balanceAfter: new Decimal(row.balanceAfter) }));
}

/** Sum of every entry in the ledger: zero whenever the books are balanced. */
export async function ledgerTotal(db: Executor): Promise<Decimal> {
  const [row] = await db.select({ total: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)` }).from(ledgerEntries);
  return new Decimal(row?.total ?? 0);
}
