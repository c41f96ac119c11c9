import { integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orders } from './orders';

/**
 * Every voucher code the store delivered, findable by what a customer types without keeping the
 * code in clear: the codes themselves stay encrypted on their order, and these rows hold keyed
 * hashes of the normalised card and reference numbers. A code pays for at most one top-up at a
 * time: `redeemed_order_id` is taken by a conditional update in the transaction that records the
 * top-up, and a unique index backs it; a failed top-up gives the code back.
 */
export const giftCodes = pgTable(
  'gift_codes',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    voucherOrderId: text('voucher_order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** Which code of the order (0-based), as the order's encrypted delivery lists them. */
    position: integer('position').notNull(),
    cardHash: text('card_hash'),
    referenceHash: text('reference_hash'),
    /** The code's face value, in the voucher's currency. */
    value: numeric('value', { precision: 20, scale: 4 }).notNull(),
    currency: text('currency').notNull(),
    redeemedOrderId: text('redeemed_order_id').references(() => orders.id, { onDelete: 'set null' }),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('gift_codes_order_position_idx').on(table.voucherOrderId, table.position),
    uniqueIndex('gift_codes_card_hash_idx').on(table.cardHash),
    uniqueIndex('gift_codes_reference_hash_idx').on(table.referenceHash),
    uniqueIndex('gift_codes_redeemed_order_idx').on(table.redeemedOrderId),
  ],
);

export type GiftCode = typeof giftCodes.$inferSelect;
