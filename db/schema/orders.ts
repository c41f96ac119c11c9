import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { products, productVariants, vertical } from './catalogue';

/**
 * Local order states (DESIGN.md "Orders"): (AWAITING_PAYMENT ->) SUBMITTING -> PENDING ->
 * DELIVERED | FAILED | CANCELLED, plus REJECTED for a request the supplier refused before creating
 * an order. A card order whose payment never completes goes AWAITING_PAYMENT -> CANCELLED.
 */
export const orderStatus = pgEnum('order_status', ['AWAITING_PAYMENT', 'SUBMITTING', 'PENDING', 'DELIVERED', 'FAILED', 'CANCELLED', 'REJECTED']);
export type OrderStatus = (typeof orderStatus.enumValues)[number];

/** What orders.delivery holds: facts safe to show as they are (secrets live in deliverySecret). */
export type OrderDelivery = {
  /** Vouchers: codes received; `partial` with `deliveredQuantity` when fewer than ordered arrived. */
  codes?: number;
  partial?: boolean;
  deliveredQuantity?: number | null;
  /** Top-ups. */
  variantName?: string | null;
  transactionId?: number | null;
  /** eSIM (installedAt, activatedAt: ISO text). */
  iccid?: string | null;
  activationStatus?: string | null;
  isInstalled?: boolean;
  installedAt?: string | null;
  activatedAt?: string | null;
  dataAmountGb?: string | null;
  validityDays?: number | null;
  /** Refunded while still open at the supplier: watched for a late delivery (lib/orders/late-delivery.ts). */
  supplierWatch?: 'open' | 'late_delivery' | 'closed';
  /** The operator who settled a late delivery. */
  lateDeliverySettledBy?: string;
};

export const orders = pgTable(
  'orders',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** Short number customers and operators quote (#1042). */
    number: integer('number').generatedAlwaysAsIdentity({ startWith: 1001 }).notNull(),
    /** Null for a guest's order until they sign up or in with its verified email. */
    userId: text('user_id').references(() => users.id, { onDelete: 'restrict' }),
    /** A guest's receipt address; their order page is reached with a link whose token is hashed here. */
    guestEmail: text('guest_email'),
    guestTokenHash: text('guest_token_hash'),
    vertical: vertical('vertical').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    variantId: text('variant_id').references(() => productVariants.id, { onDelete: 'restrict' }),
    productName: text('product_name').notNull(),
    variantName: text('variant_name'),
    /** Sent to the supplier on every create; the key that makes an order exactly-once. */
    clientReference: text('client_reference').notNull(),
    /** Guards against a double-clicked Buy: one checkout submission makes one order. */
    checkoutToken: text('checkout_token').notNull(),
    status: orderStatus('status').notNull().default('SUBMITTING'),

    quantity: integer('quantity').notNull().default(1),
    /** What the supplier is asked for, in the product's currency (denomination, top-up amount, plan price). */
    faceAmount: numeric('face_amount', { precision: 20, scale: 4 }).notNull(),
    faceCurrency: text('face_currency').notNull(),
    category: text('category'),
    /** Only keys the product declares in input_fields. */
    inputData: jsonb('input_data').$type<Record<string, string>>().notNull().default({}),
    /** Phone number, player ID or email, for display and operator search. */
    recipient: text('recipient'),

    retailAmount: numeric('retail_amount', { precision: 20, scale: 4 }).notNull(),
    retailCurrency: text('retail_currency').notNull(),
    /**
     * The supplier's quote at checkout (charges total_payable), in the paying wallet's currency,
     * at the supplier's own precision (8.76525): unconstrained numeric, rounded only for display,
     * so it compares exactly with the wallet debit.
     */
    wholesaleAmount: numeric('wholesale_amount').notNull(),
    wholesaleCurrency: text('wholesale_currency').notNull(),
    walletId: integer('wallet_id'),
    markupPercent: numeric('markup_percent', { precision: 7, scale: 3 }).notNull(),
    paymentProvider: text('payment_provider').notNull().default('balance'),
    paymentReference: text('payment_reference'),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),

    upstreamId: integer('upstream_id'),
    upstreamStatus: text('upstream_status'),
    statusText: text('status_text'),
    failureCode: text('failure_code'),
    failureReason: text('failure_reason'),
    isUserFixable: boolean('is_user_fixable').notNull().default(false),
    /** Codes, PINs and activation strings: AES-256-GCM ciphertext, never stored in clear. */
    deliverySecret: text('delivery_secret'),
    /** Non-secret delivery facts (eSIM activation status, ICCID suffix, delivered quantity...). */
    delivery: jsonb('delivery').$type<OrderDelivery>().notNull().default({}),
    revealedAt: timestamp('revealed_at', { withTimezone: true }),
    notificationEmail: text('notification_email'),

    submitAttempts: integer('submit_attempts').notNull().default(0),
    lastSubmittedAt: timestamp('last_submitted_at', { withTimezone: true }),
    /** Last time anyone asked the supplier about this order; throttles polling. */
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    /** When the reconciler should look next (backs off while nothing changes). */
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    /** Row lease: whoever holds it talks to the supplier about this order; others wait. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),

    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('orders_client_reference_idx').on(table.clientReference),
    uniqueIndex('orders_checkout_token_idx').on(table.userId, table.checkoutToken),
    uniqueIndex('orders_number_idx').on(table.number),
    uniqueIndex('orders_guest_checkout_idx').on(table.guestEmail, table.checkoutToken),
    index('orders_user_idx').on(table.userId, table.createdAt),
    index('orders_status_idx').on(table.status, table.nextCheckAt),
  ],
);

export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;

/** Every state change of an order, with what the supplier said: the operator's timeline. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromStatus: orderStatus('from_status'),
    toStatus: orderStatus('to_status').notNull(),
    source: text('source', { enum: ['checkout', 'supplier', 'poll', 'reconciler', 'operator', 'payment', 'webhook'] }).notNull(),
    message: text('message'),
    /** The supplier's answer, with secrets removed. */
    payload: jsonb('payload'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('order_events_order_idx').on(table.orderId, table.createdAt)],
);

export type OrderEvent = typeof orderEvents.$inferSelect;

/**
 * Things an operator must act on (the supplier wallet ran dry, a product went below cost...).
 * `key` de-duplicates: one open alert per cause, however often it happens.
 */
export const operatorAlerts = pgTable(
  'operator_alerts',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    key: text('key').notNull(),
    kind: text('kind', { enum: ['supplier_insufficient_funds', 'supplier_low_balance', 'order_stuck', 'catalogue', 'late_delivery', 'refund_refused'] }).notNull(),
    message: text('message').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    occurrences: integer('occurrences').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('operator_alerts_open_key_idx').on(table.key).where(sql`${table.resolvedAt} is null`)],
);

export type OperatorAlert = typeof operatorAlerts.$inferSelect;
