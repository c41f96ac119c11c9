import 'server-only';
import { and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { ledgerAccounts, users, type User } from '@/db/schema';
import { listOrdersForOperator } from '@/lib/admin/orders';
import { recordAudit } from '@/lib/audit';
import { operatorScope } from '@/lib/auth/guards';
import { creditCustomer, debitCustomer, getCustomerBalance, InsufficientBalanceError, listCustomerStatement } from '@/lib/ledger';
import { getStoreInfo } from '@/lib/store';
import { Decimal } from '@/lib/money';

export type CustomerRow = Pick<User, 'id' | 'email' | 'name' | 'createdAt'> & { balance: Decimal };

/** Customers with their balance in the store currency, newest first, optionally searched. */
export async function listCustomers(
  db: Database,
  currency: string,
  { search, limit = 50, offset = 0 }: { search?: string; limit?: number; offset?: number } = {},
): Promise<{ rows: CustomerRow[]; total: number }> {
  const term = search?.trim();
  const where = and(
    eq(users.role, 'customer'),
    term ? or(ilike(users.email, `%${term}%`), ilike(users.name, `%${term}%`)) : undefined,
  );
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        createdAt: users.createdAt,
        balance: sql<string>`coalesce(${ledgerAccounts.balance}, 0)`,
      })
      .from(users)
      .leftJoin(
        ledgerAccounts,
        and(eq(ledgerAccounts.userId, users.id), eq(ledgerAccounts.kind, 'customer'), eq(ledgerAccounts.currency, currency)),
      )
      .where(where)
      .orderBy(desc(users.createdAt))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { rows: rows.map((row) => ({ ...row, balance: new Decimal(row.balance) })), total: totalRow?.total ?? 0 };
}

/** How many customers there are, and the balances the store holds for them (a liability). */
export async function customerTotals(db: Database, currency: string): Promise<{ customers: number; balancesHeld: Decimal }> {
  const [[customers], [held]] = await Promise.all([
    db.select({ total: count() }).from(users).where(eq(users.role, 'customer')),
    db
      .select({ total: sql<string>`coalesce(sum(${ledgerAccounts.balance}), 0)` })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.kind, 'customer'), eq(ledgerAccounts.currency, currency))),
  ]);
  return { customers: customers?.total ?? 0, balancesHeld: new Decimal(held?.total ?? 0) };
}

export async function getCustomerById(db: Database, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(and(eq(users.id, id), eq(users.role, 'customer')));
  return user;
}

/** The customers list of the console, with balances in the store currency; operators only. */
export async function loadCustomersPage(filter: { search?: string; limit: number; offset: number }) {
  const { db } = await operatorScope();
  const { currency } = await getStoreInfo();
  return { currency, ...(await listCustomers(db, currency, filter)) };
}

/** One customer as the console shows them: balance, statement and latest orders; operators only. */
export async function loadCustomerDetail(id: string, { ordersShown }: { ordersShown: number }) {
  const { db } = await operatorScope();
  const customer = await getCustomerById(db, id);
  if (!customer) return undefined;
  const { currency } = await getStoreInfo();
  const [balance, statement, orders] = await Promise.all([
    getCustomerBalance(db, customer.id, currency),
    listCustomerStatement(db, customer.id, currency, { limit: 100 }),
    listOrdersForOperator(db, { userId: customer.id }, { limit: ordersShown }),
  ]);
  return { customer, currency, balance, statement, orders };
}

export type BalanceAdjustment = {
  customerId: string;
  direction: 'credit' | 'debit';
  amount: Decimal;
  currency: string;
  reason: string;
};

/**
 * An operator credits (money received outside the app) or debits a customer. The ledger
 * movement and its audit entry are one transaction: neither exists without the other.
 */
export async function adjustCustomerBalance(
  operator: Pick<User, 'id' | 'email'>,
  adjustment: BalanceAdjustment,
): Promise<'ok' | 'not_found' | 'insufficient_balance'> {
  const db = await getDb();
  const customer = await getCustomerById(db, adjustment.customerId);
  if (!customer) return 'not_found';
  try {
    await db.transaction(async (tx) => {
      const move = adjustment.direction === 'credit' ? creditCustomer : debitCustomer;
      await move(tx, {
        userId: customer.id,
        currency: adjustment.currency,
        amount: adjustment.amount,
        kind: adjustment.direction === 'credit' ? 'operator_credit' : 'operator_debit',
        memo: adjustment.reason,
        createdById: operator.id,
      });
      await recordAudit(tx, operator, {
        action: `customer.balance_${adjustment.direction}`,
        targetType: 'user',
        targetId: customer.id,
        reason: adjustment.reason,
        details: { email: customer.email, amount: adjustment.amount.toFixed(), currency: adjustment.currency },
      });
    });
  } catch (error) {
    if (error instanceof InsufficientBalanceError) return 'insufficient_balance';
    throw error;
  }
  return 'ok';
}
