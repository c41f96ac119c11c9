import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { cardPayments, cardRefunds } from '@/db/schema';
import { creditCustomer, debitCustomer, InsufficientBalanceError } from '@/lib/ledger';
import { roundToMinor, type Decimal } from '@/lib/money';
import { toStripeAmount } from './amounts';
import { giftCodePaymentProvider } from './gift-code';

export type PaymentRequest = {
  /** Null for a guest (card only). */
  userId: string | null;
  orderId: string;
  amount: Decimal;
  currency: string;
  description: string;
};

export type CardCheckout = {
  email: string | null;
  successUrl: string;
  cancelUrl: string;
};

export type PaymentResult =
  | { status: 'paid'; reference: string }
  | { status: 'declined'; message: string }
  /** Card: the order waits for the customer to pay on Stripe's page; the payment row is written. */
  | { status: 'awaiting'; paymentId: string };

/** How long a customer has to pay on the hosted page (Stripe accepts 30 minutes to 24 hours). */
export const CHECKOUT_LIFETIME_MS = 60 * 60 * 1000;

/**
 * How a customer pays for an order. Both providers do their bookkeeping inside the caller's
 * transaction, so money and order never disagree:
 * - `balance` takes the money at once, in the transaction that creates the order;
 * - `card` only writes the payment (the Checkout Session is created once the order is committed)
 *   and the order waits in AWAITING_PAYMENT until Stripe confirms it (lib/orders/card-payment.ts).
 * `refund` runs in the transaction that records the terminal state. A balance refund is a ledger
 * entry; a card refund is written here and sent to Stripe by the refund job (lib/payments/card.ts).
 */
export interface PaymentProvider {
  readonly id: 'balance' | 'card' | 'gift_code';
  charge(tx: Transaction, request: PaymentRequest, card?: CardCheckout): Promise<PaymentResult>;
  /** Idempotent per order and amount: a second refund of the same amount does nothing and returns false. */
  refund(tx: Transaction, request: PaymentRequest): Promise<boolean>;
}

export const balancePaymentProvider: PaymentProvider = {
  id: 'balance',
  async charge(tx, request) {
    if (!request.userId) return { status: 'declined', message: 'Sign in to pay from a store balance.' };
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
      userId: request.userId!,
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

export const cardPaymentProvider: PaymentProvider = {
  id: 'card',
  async charge(tx, request, card) {
    if (!card) throw new Error('A card payment needs its return URLs');
    const [payment] = await tx
      .insert(cardPayments)
      .values({
        purpose: 'order',
        orderId: request.orderId,
        userId: request.userId,
        email: card.email,
        amount: request.amount.toFixed(),
        currency: request.currency,
        amountMinor: toStripeAmount(roundToMinor(request.amount, request.currency), request.currency),
        successUrl: card.successUrl,
        cancelUrl: card.cancelUrl,
        expiresAt: new Date(Date.now() + CHECKOUT_LIFETIME_MS),
      })
      .returning({ id: cardPayments.id });
    return { status: 'awaiting', paymentId: payment!.id };
  },
  async refund(tx, request) {
    const [payment] = await tx
      .select()
      .from(cardPayments)
      .where(and(eq(cardPayments.orderId, request.orderId), eq(cardPayments.status, 'paid')));
    // Nothing was captured (the order ended before payment): nothing to give back.
    if (!payment) return false;
    const amount = roundToMinor(request.amount, request.currency);
    const amountMinor = toStripeAmount(amount, request.currency);
    const [refund] = await tx
      .insert(cardRefunds)
      .values({
        paymentId: payment.id,
        orderId: request.orderId,
        amount: amount.toFixed(),
        currency: request.currency,
        amountMinor,
        reason: request.description,
        idempotencyKey: `refund:${request.orderId}:${amountMinor}`,
      })
      .onConflictDoNothing()
      .returning({ id: cardRefunds.id });
    return refund !== undefined;
  },
};

export function getPaymentProvider(id: string): PaymentProvider {
  if (id === balancePaymentProvider.id) return balancePaymentProvider;
  if (id === giftCodePaymentProvider.id) return giftCodePaymentProvider;
  if (id === cardPaymentProvider.id) return cardPaymentProvider;
  throw new Error(`Unknown payment provider: ${id}`);
}
