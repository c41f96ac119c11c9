import { sql } from 'drizzle-orm';
import { bigint, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { orders } from './orders';

/**
 * One card payment through a Stripe Checkout Session: for an order, or to add funds to a
 * customer's balance. Amounts are decimal in our books; `amountMinor` is what went on the wire.
 */
export const cardPayments = pgTable(
  'card_payments',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    purpose: text('purpose', { enum: ['order', 'add_funds'] }).notNull(),
    orderId: text('order_id').references(() => orders.id, { onDelete: 'restrict' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'restrict' }),
    email: text('email'),
    amount: numeric('amount', { precision: 20, scale: 4 }).notNull(),
    currency: text('currency').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    /**
     * created: the session is not known yet (created after the order's transaction commits);
     * open: the customer may pay; paid: captured, acted on once; expired: ended unpaid.
     */
    status: text('status', { enum: ['created', 'open', 'paid', 'expired'] }).notNull().default('created'),
    checkoutSessionId: text('checkout_session_id'),
    checkoutUrl: text('checkout_url'),
    paymentIntentId: text('payment_intent_id'),
    /** Fixed when the row is written (with the return URLs), so a retried session create sends the same body. */
    successUrl: text('success_url').notNull(),
    cancelUrl: text('cancel_url').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('card_payments_order_idx').on(table.orderId).where(sql`${table.orderId} is not null`),
    uniqueIndex('card_payments_session_idx').on(table.checkoutSessionId),
    index('card_payments_user_idx').on(table.userId, table.createdAt),
  ],
);

export type CardPayment = typeof cardPayments.$inferSelect;

/**
 * A refund to the card, written in the transaction that decides it and sent to Stripe by the
 * refund job with `idempotencyKey`, retried with that same key until Stripe answers.
 */
export const cardRefunds = pgTable(
  'card_refunds',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    paymentId: text('payment_id')
      .notNull()
      .references(() => cardPayments.id, { onDelete: 'restrict' }),
    orderId: text('order_id').references(() => orders.id, { onDelete: 'restrict' }),
    amount: numeric('amount', { precision: 20, scale: 4 }).notNull(),
    currency: text('currency').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** to_send: Stripe has not answered yet; then Stripe's own refund status; refused: Stripe said no. */
    status: text('status', { enum: ['to_send', 'pending', 'requires_action', 'succeeded', 'failed', 'canceled', 'refused'] })
      .notNull()
      .default('to_send'),
    stripeRefundId: text('stripe_refund_id'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('card_refunds_idempotency_idx').on(table.idempotencyKey),
    uniqueIndex('card_refunds_stripe_idx').on(table.stripeRefundId),
    index('card_refunds_due_idx').on(table.status, table.nextAttemptAt),
  ],
);

export type CardRefund = typeof cardRefunds.$inferSelect;
