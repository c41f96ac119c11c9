import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import {
  creditCustomer,
  debitCustomer,
  getCustomerBalance,
  InsufficientBalanceError,
  ledgerTotal,
  listCustomerStatement,
} from '@/lib/ledger';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

async function newCustomer(email: string): Promise<string> {
  const [user] = await database.db.insert(users).values({ email }).returning({ id: users.id });
  return user!.id;
}

describe('ledger', () => {
  it('credits and debits a customer with balanced entries and a statement', async () => {
    const userId = await newCustomer('statement@example.com');
    await database.db.transaction((tx) =>
      creditCustomer(tx, { userId, currency: 'USD', amount: '25.50', kind: 'operator_credit', memo: 'Bank transfer' }),
    );
    await database.db.transaction((tx) =>
      debitCustomer(tx, { userId, currency: 'USD', amount: '0.10', kind: 'operator_debit', memo: 'Correction' }),
    );

    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('25.40');
    const statement = await listCustomerStatement(database.db, userId, 'USD');
    expect(statement.map((line) => [line.memo, line.amount.toFixed(2), line.balanceAfter.toFixed(2)])).toEqual([
      ['Correction', '-0.10', '25.40'],
      ['Bank transfer', '25.50', '25.50'],
    ]);
    expect((await ledgerTotal(database.db)).isZero()).toBe(true);
  });

  it('refuses a debit larger than the balance and changes nothing', async () => {
    const userId = await newCustomer('short@example.com');
    await database.db.transaction((tx) =>
      creditCustomer(tx, { userId, currency: 'USD', amount: '5', kind: 'demo_credit', memo: 'Demo credit' }),
    );
    await expect(
      database.db.transaction((tx) =>
        debitCustomer(tx, { userId, currency: 'USD', amount: '5.01', kind: 'order_payment', memo: 'Order' }),
      ),
    ).rejects.toBeInstanceOf(InsufficientBalanceError);
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('5.00');
    expect(await listCustomerStatement(database.db, userId, 'USD')).toHaveLength(1);
  });

  it('applies a movement with the same idempotency key exactly once', async () => {
    const userId = await newCustomer('refund-once@example.com');
    const refund = () =>
      database.db.transaction((tx) =>
        creditCustomer(tx, {
          userId,
          currency: 'USD',
          amount: '3.00',
          kind: 'order_refund',
          memo: 'Refund',
          idempotencyKey: `refund:order-${userId}`,
        }),
      );
    const results = await Promise.allSettled([refund(), refund(), refund()]);
    expect(results.filter((result) => result.status === 'fulfilled' && result.value !== undefined)).toHaveLength(1);
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('3.00');
  });

  it('never overdraws under 100 concurrent debits and the ledger still sums to zero', async () => {
    const userId = await newCustomer('concurrent@example.com');
    await database.db.transaction((tx) =>
      creditCustomer(tx, { userId, currency: 'USD', amount: '50.00', kind: 'operator_credit', memo: 'Top up' }),
    );
    const attempts = await Promise.allSettled(
      Array.from({ length: 100 }, (_, index) =>
        database.db.transaction((tx) =>
          debitCustomer(tx, { userId, currency: 'USD', amount: '1.00', kind: 'order_payment', memo: `Order ${index}` }),
        ),
      ),
    );
    const succeeded = attempts.filter((attempt) => attempt.status === 'fulfilled').length;
    const refused = attempts.filter(
      (attempt) => attempt.status === 'rejected' && attempt.reason instanceof InsufficientBalanceError,
    ).length;
    expect(succeeded).toBe(50);
    expect(refused).toBe(50);
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe('0.00');
    expect((await ledgerTotal(database.db)).isZero()).toBe(true);
  });
});
