import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Help pages an operator has edited (FAQ, terms, refund policy...). A topic without a row shows
 * the store's default text from lib/help, so a new store has complete help pages from the start.
 */
export const helpPages = pgTable('help_pages', {
  slug: text('slug').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});

export type HelpPageRow = typeof helpPages.$inferSelect;
