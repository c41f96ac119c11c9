import { index, jsonb, pgTable, text, timestamp, integer } from 'drizzle-orm/pg-core';
import { orders } from './orders';

/**
 * Supplier webhook events as received (POST /api/webhooks/octopus), one row per X-Event-ID:
 * the primary key is the de-duplication. The background job processes `queued` rows.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    /** X-Event-ID (the envelope's `id`). */
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    webhookId: text('webhook_id'),
    status: text('status', { enum: ['queued', 'processed', 'ignored', 'failed'] }).notNull().default('queued'),
    /** The supplier's order id from `data.id` (order.* events). */
    upstreamOrderId: integer('upstream_order_id'),
    /** Our order, once the job has matched it. */
    orderId: text('order_id').references(() => orders.id, { onDelete: 'set null' }),
    /** The envelope as received (order events carry no codes). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** What the job did or why it did nothing. */
    note: text('note'),
    attempts: integer('attempts').notNull().default(0),
    /** When the event was sent (X-Timestamp). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processAfter: timestamp('process_after', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (table) => [
    index('webhook_events_queue_idx').on(table.status, table.processAfter),
    index('webhook_events_order_idx').on(table.orderId, table.receivedAt),
    index('webhook_events_received_idx').on(table.receivedAt),
  ],
);

export type WebhookEventRow = typeof webhookEvents.$inferSelect;
