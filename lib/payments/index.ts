import 'server-only';
import type { Transaction } from '@/db';
import { creditCustomer, debitCustomer, InsufficientBalanceError } from '@/lib/ledger';
import type { Decimal } from '@/lib/money';
import { giftCodePaymentProvider } from './gift-code';

export type PaymentRequest = {
  userId: string;
  orderId: string;
  amount: Decimal;
  currency: string;
  description: string;
};

export type PaymentResult = { status: 'paid'; reference: string } | { status: 'declined'; message: string };

/**
 * How a customer pays for an order. The store balance is the first provider; card providers
 * plug in here later. `charge` runs inside the transaction that creates the order, and
 * `refund` inside the one that records its terminal state, so money and order never disagree.
 */
export interface PaymentProvider {
  readonly id: string;
  charge(tx: Transaction, request: PaymentRequest): Promise<PaymentResult>;
  /** Idempotent per order: a second refund of the same order does nothing and returns false. */
  refund(tx: Transaction, request: PaymentRequest): Promise<boolean>;
}

export const balancePaymentProvider: PaymentProvider = {
  id: 'balance',
  async charge(tx, request) {
    try {
      const transactionId = await debitCustomer(tx, {
        userId: request.userId,
        currency: request.currency,
        amount: request.amount,
        kind: 'order_payment',
        memo: request.description,
        orderId: request.orderId,
        idempotencyKey: `payment:${request.orderId}`,
      });
      return { status: 'paid', reference: transactionId ?? `payment:${request.orderId}` };
    } catch (error) {
      if (error instanceof InsufficientBalanceError) return { status: 'declined', message: error.message };
      throw error;
    }
  },
  async refund(tx, request) {
    const transactionId = await creditCustomer(tx, {
      userId: request.userId,
      currency: request.currency,
      amount: request.amount,
      kind: 'order_refund',
      memo: request.description,
      orderId: request.orderId,
      idempotencyKey: `refund:${request.orderId}`,
    });
    return transactionId !== undefined;
  },
};

export function getPaymentProvider(id: string): PaymentProvider {
  if (id === balancePaymentProvider.id) return balancePaymentProvider;
  if (id === giftCodePaymentProvider.id) return giftCodePaymentProvider;
  throw new Error(`Unknown payment provider: ${id}`);
}
