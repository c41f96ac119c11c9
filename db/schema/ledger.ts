import { sql } from 'drizzle-orm';
import { check, index, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * Double-entry ledger of store balances. Each account's `balance` is the sum of its entries,
 * kept in step in the transaction that writes them; every transaction's entries sum to zero.
 * Customer accounts hold what the store owes the customer (never negative); store accounts
 * (`funding`, `sales`, `promotions`) are their counterparts and may be negative.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    kind: text('kind', { enum: ['customer', 'funding', 'sales', 'promotions'] }).notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'restrict' }),
    currency: text('currency').notNull(),
    balance: numeric('balance', { precision: 20, scale: 4 }).notNull().default('0'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('ledger_accounts_customer_idx').on(table.userId, table.currency).where(sql`${table.kind} = 'customer'`),
    uniqueIndex('ledger_accounts_store_idx').on(table.kind, table.currency).where(sql`${table.kind} <> 'customer'`),
    check('ledger_accounts_customer_not_negative', sql`${table.kind} <> 'customer' or ${table.balance} >= 0`),
    check('ledger_accounts_owner', sql`(${table.kind} = 'customer') = (${table.userId} is not null)`),
  ],
);

export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    kind: text('kind', {
      enum: ['operator_credit', 'operator_debit', 'demo_credit', 'order_payment', 'order_refund', 'card_top_up'],
    }).notNull(),
    /** Shown to the customer in their history. */
    memo: text('memo').notNull(),
    /** Makes a money movement happen at most once (e.g. `refund:<order id>`). */
    idempotencyKey: text('idempotency_key'),
    orderId: text('order_id'),
    createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('ledger_transactions_idempotency_idx').on(table.idempotencyKey),
    index('ledger_transactions_order_idx').on(table.orderId),
  ],
);

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    transactionId: text('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id, { onDelete: 'restrict' }),
    accountId: text('account_id')
      .notNull()
      .references(() => ledgerAccounts.id, { onDelete: 'restrict' }),
    /** Signed: positive raises the account's balance. */
    amount: numeric('amount', { precision: 20, scale: 4 }).notNull(),
    currency: text('currency').notNull(),
    /** The account's balance right after this entry, for statements. */
    balanceAfter: numeric('balance_after', { precision: 20, scale: 4 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ledger_entries_account_idx').on(table.accountId, table.createdAt)],
);

export type LedgerAccount = typeof ledgerAccounts.$inferSelect;
export type LedgerTransaction = typeof ledgerTransactions.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
