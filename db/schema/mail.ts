import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * The transactional outbox: one row per email, inserted in the transaction of the event that
 * causes it and sent later by the `mail-outbox` job (lib/mail/sender.ts). `data` is the
 * template's input, AES-GCM encrypted (it can hold reset links). `messageId` is fixed at
 * insert so a resend after a crash carries the same Message-ID.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** One email per cause: a second queueEmail with the same key is a no-op. */
    dedupeKey: text('dedupe_key'),
    messageId: text('message_id').notNull(),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    data: text('data').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('email_outbox_dedupe_key_idx').on(table.dedupeKey),
    uniqueIndex('email_outbox_message_id_idx').on(table.messageId),
    index('email_outbox_due_idx').on(table.nextAttemptAt).where(sql`${table.status} = 'queued'`),
  ],
);

export type OutboxEmail = typeof emailOutbox.$inferSelect;

/** Addresses the mail server refused for good (invalid or bouncing): shown to operators, not retried. */
export const emailAddressProblems = pgTable('email_address_problems', {
  address: text('address').primaryKey(),
  reason: text('reason').notNull(),
  occurrences: integer('occurrences').notNull().default(1),
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
});

export type EmailAddressProblem = typeof emailAddressProblems.$inferSelect;

/** Single-use account tokens (password reset, email verification); only their SHA-256 is stored. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['password_reset', 'email_verification'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The address the token was sent to: a verification counts only while it is still the account's. */
    email: text('email').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('account_tokens_hash_idx').on(table.tokenHash)],
);

export type AccountToken = typeof accountTokens.$inferSelect;
