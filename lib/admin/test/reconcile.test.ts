import { describe, expect, it } from 'vitest';
import { Decimal } from '@/lib/money';
import type { Transaction } from '@/lib/octopus';
import { matchTransactions, ordersWithoutDebit, parseTransactionRemarks, type LocalOrderRef } from '../reconcile';

let nextId = 7401001;
function txn(type: 'DEBIT' | 'CREDIT', amount: string, remarks: string | null): Transaction {
  return {
    id: nextId++,
    walletId: 1,
    currencyId: 1,
    amount: new Decimal(amount),
    type,
    status: 'COMPLETED',
    sourceCurrency: null,
    destinationCurrency: null,
    forexRate: null,
    conversionCharges: null,
    remarks,
    createdAt: new Date('2025-01-15T14:30:00Z'),
  };
}

function order(vertical: LocalOrderRef['vertical'], upstreamId: number | null, wholesaleAmount: string, status: LocalOrderRef['status'] = 'DELIVERED'): LocalOrderRef {
  return { id: `order-${upstreamId}`, number: 1000 + (upstreamId ?? 0), vertical, upstreamId, status, wholesaleAmount, createdAt: new Date() };
}

describe('parseTransactionRemarks', () => {
  it('reads the order each sandbox and documented remark names', () => {
    expect(parseTransactionRemarks('USD Wallet debited by amount 50.00 - Order #12345')).toEqual({ vertical: 'voucher', upstreamId: 12345, refund: false });
    expect(parseTransactionRemarks('USD Wallet debited by amount 4.7405 - Topup Order #9123456')).toEqual({ vertical: 'topup', upstreamId: 9123456, refund: false });
    expect(parseTransactionRemarks('USD Wallet credited by amount 4.7405 - Refund for Topup Order #9123456')).toEqual({ vertical: 'topup', upstreamId: 9123456, refund: true });
    expect(parseTransactionRemarks('USD Wallet debited by amount 4.275 - eSIM Order #88')).toEqual({ vertical: 'esim', upstreamId: 88, refund: false });
  });

  it('names no order for wallet top-ups, FX and adjustments', () => {
    expect(parseTransactionRemarks('FX conversion from EUR wallet')).toBeNull();
    expect(parseTransactionRemarks('USD Wallet debited by amount 9000.00 - Sandbox balance adjustment')).toBeNull();
    expect(parseTransactionRemarks(null)).toBeNull();
  });
});

describe('matchTransactions', () => {
  it('flags a supplier debit with no local order and a debit that differs from the recorded wholesale', () => {
    const orders = [order('topup', 9123456, '4.7405'), order('voucher', 12345, '48.50')];
    const matches = matchTransactions(
      [
        txn('DEBIT', '4.7405', 'USD Wallet debited by amount 4.7405 - Topup Order #9123456'),
        txn('DEBIT', '49.00', 'USD Wallet debited by amount 49.00 - Order #12345'),
        txn('DEBIT', '4.275', 'USD Wallet debited by amount 4.275 - eSIM Order #77'),
        // Same number, other vertical: not the voucher order.
        txn('DEBIT', '48.50', 'USD Wallet debited by amount 48.50 - Topup Order #12345'),
        txn('DEBIT', '9000', 'USD Wallet debited by amount 9000.00 - Sandbox balance adjustment'),
      ],
      orders,
    );
    expect(matches.map((match) => match.problem)).toEqual([null, 'amount_differs', 'no_local_order', 'no_local_order', null]);
    expect(matches[0]!.order?.number).toBe(orders[0]!.number);
    expect(matches[4]!.ref).toBeNull();
  });

  it('matches refunds to their order without judging the amount (partial refunds)', () => {
    const matches = matchTransactions(
      [txn('CREDIT', '2.00', 'USD Wallet credited by amount 2.00 - Refund for Order #5')],
      [order('voucher', 5, '4.00', 'DELIVERED')],
    );
    expect(matches[0]!.problem).toBeNull();
  });
});

describe('ordersWithoutDebit', () => {
  it('lists accepted orders the wallet never paid for, ignoring refused and unsent ones', () => {
    const orders = [
      order('topup', 1, '4.7405'),
      order('topup', 2, '4.7405', 'FAILED'),
      order('esim', 3, '4.275', 'PENDING'),
      order('voucher', 4, '10', 'REJECTED'),
      order('voucher', null, '10', 'SUBMITTING'),
    ];
    const missing = ordersWithoutDebit(orders, [
      txn('DEBIT', '4.7405', 'USD Wallet debited by amount 4.7405 - Topup Order #1'),
      // A refund alone does not prove the debit happened.
      txn('CREDIT', '4.7405', 'USD Wallet credited by amount 4.7405 - Refund for Topup Order #2'),
    ]);
    expect(missing.map((entry) => entry.upstreamId)).toEqual([2, 3]);
  });
});
