import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Store-wide settings the operator edits (name, currency, markups...), one row per key. */
export const storeSettings = pgTable('store_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type StoreSetting = typeof storeSettings.$inferSelect;
