import 'server-only';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { orders, webhookEvents, type WebhookEventRow } from '@/db/schema';
import { checkSupplierWallets } from '@/lib/admin/wallets';
import type { Job } from '@/lib/jobs/runner';
import { logger } from '@/lib/logger';
import { getOrderContext, type OrderContext } from '@/lib/orders/context';
import { refreshOrder } from '@/lib/orders/fulfilment';
import { isTerminal } from '@/lib/orders/status';
import { readStoreInfo } from '@/lib/store';
import { getStoreSettings } from '@/lib/store/settings';
import { forgetStoreWallet } from '@/lib/supplier/wallet';
import { WEBHOOK_JOB } from './octopus';

const LEASE_SECONDS = 60;
/** With backoff capped at a minute, about ten minutes: longer than a crashed process's 90 s order lease. */
const MAX_ATTEMPTS = 14;

/** Claims due queued events (FOR UPDATE SKIP LOCKED, then a lease in process_after): safe with many processes. */
async function claimEvents(ctx: OrderContext, limit: number): Promise<WebhookEventRow[]> {
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.status, 'queued'), lte(webhookEvents.processAfter, sql`now()`)))
      .orderBy(webhookEvents.receivedAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(webhookEvents)
      .set({ processAfter: sql`now() + make_interval(secs => ${LEASE_SECONDS})`, attempts: sql`${webhookEvents.attempts} + 1` })
      .where(inArray(webhookEvents.id, due.map((row) => row.id)))
      .returning();
  });
}

async function finish(ctx: OrderContext, id: string, status: 'processed' | 'ignored' | 'failed', note: string) {
  await ctx.db.update(webhookEvents).set({ status, note, processedAt: new Date() }).where(eq(webhookEvents.id, id));
}

async function later(ctx: OrderContext, event: WebhookEventRow, note: string, seconds: number) {
  if (event.attempts >= MAX_ATTEMPTS) return finish(ctx, event.id, 'failed', `${note} (gave up after ${event.attempts} attempts; the reconciler still watches the order)`);
  await ctx.db
    .update(webhookEvents)
    .set({ note, processAfter: sql`now() + make_interval(secs => ${Math.min(seconds, 60)})` })
    .where(eq(webhookEvents.id, event.id));
}

/** order.*: the event carries no codes, so ask GET /api/v1/orders/:id (through lib/supplier) and record the answer. */
async function processOrderEvent(ctx: OrderContext, event: WebhookEventRow) {
  if (!event.orderId) return finish(ctx, event.id, 'ignored', 'No matching order');
  const [order] = await ctx.db.select().from(orders).where(eq(orders.id, event.orderId));
  if (!order) return finish(ctx, event.id, 'ignored', 'The order no longer exists');
  if (isTerminal(order.status)) return finish(ctx, event.id, 'processed', `Order already ${order.status}: nothing to do`);
  if (order.leaseUntil && order.leaseUntil > new Date()) return later(ctx, event, 'Order busy; will look again', 2 ** event.attempts);
  const updated = await refreshOrder(ctx, order.id, 'webhook');
  if (updated.updatedAt.getTime() === order.updatedAt.getTime() && updated.status === order.status && order.status === 'SUBMITTING') {
    return later(ctx, event, 'Order still being submitted; will look again', 2 ** event.attempts);
  }
  return finish(ctx, event.id, 'processed', `Order refreshed from the supplier: ${updated.status}${updated.upstreamStatus ? ` (supplier ${updated.upstreamStatus})` : ''}`);
}

/** One pass: order events one by one, wallet events together (one wallet read refreshes the view and its alert). */
export async function processWebhookEvents(ctx: OrderContext, limit = 20): Promise<number> {
  const events = await claimEvents(ctx, limit);
  const walletEvents = events.filter((event) => event.type.startsWith('wallet.'));
  for (const event of events) {
    if (!event.type.startsWith('order.')) continue;
    try {
      await processOrderEvent(ctx, event);
    } catch (error) {
      logger.warn({ eventId: event.id, err: error }, 'webhook event processing failed');
      await later(ctx, event, `Processing failed: ${error instanceof Error ? error.message : String(error)}`, 2 ** event.attempts);
    }
  }
  if (walletEvents.length > 0) {
    try {
      forgetStoreWallet();
      const [store, settings] = await Promise.all([readStoreInfo(ctx.db), getStoreSettings(ctx.db)]);
      const check = await checkSupplierWallets(ctx.db, ctx.supplier, store.currency, settings.lowBalanceThreshold);
      const note = `Wallets refreshed: ${check.storeWallet ? `${check.storeWallet.currency} ${check.storeWallet.amount.toFixed()}` : `no ${store.currency} wallet`}${check.low ? ' (low-balance alert open)' : ''}`;
      for (const event of walletEvents) await finish(ctx, event.id, 'processed', note);
    } catch (error) {
      logger.warn({ err: error }, 'wallet webhook processing failed');
      for (const event of walletEvents) await later(ctx, event, `Wallet refresh failed: ${error instanceof Error ? error.message : String(error)}`, 2 ** event.attempts);
    }
  }
  return events.length;
}

/** Works through received supplier webhooks; woken by the endpoint, and every few seconds as a sweep. */
export const octopusWebhookJob: Job = {
  name: WEBHOOK_JOB,
  intervalMs: 5_000,
  async run() {
    const ctx = await getOrderContext();
    for (let batch = 0; batch < 10; batch++) if ((await processWebhookEvents(ctx)) === 0) break;
  },
};
