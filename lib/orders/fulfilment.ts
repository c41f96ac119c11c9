import 'server-only';
import { logger } from '@/lib/logger';
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db';
import { orderEvents, orders, products, type Order, type OrderEvent, type OrderStatus } from '@/db/schema';
import { insufficientFundsAlertKey, raiseAlert } from '@/lib/alerts';
import { decryptJson, encryptJson } from '@/lib/crypto';
import { Decimal, roundToMinor } from '@/lib/money';
import { isOctopusApiError, type OctopusApiError } from '@/lib/octopus';
import { getPaymentProvider } from '@/lib/payments';
import type { OrderContext } from './context';
import { giftCodeToRedeem, indexDeliveredCodes } from './gift-code';
import { ACTIVE_STATUSES, isTerminal, localStatusOf, REFUNDED_STATUSES } from './status';
import { createSupplierOrder, findSupplierOrder, getSupplierOrder, type DeliverySecrets, type UpstreamOrder } from '@/lib/supplier/orders';
import { outcomeEmailFor, queueOrderEmail } from '@/lib/mail/order-emails';

type EventSource = OrderEvent['source'];

/** However many browsers poll one order, the supplier hears about it at most this often. */
export const POLL_THROTTLE_SECONDS = 3;
/** The documented cadence for eSIM install status is every 30–60 seconds. */
const ACTIVATION_THROTTLE_SECONDS = 30;
/** A submit that started less than this long ago may still be in flight: do not resubmit. */
const SUBMIT_GRACE_SECONDS = 15;
const LEASE_SECONDS = 90;


/** When the reconciler should look again: soon for young orders, backing off to 10 minutes. */
export function nextCheckDelaySeconds(order: Pick<Order, 'createdAt'>, now = new Date()): number {
  const ageSeconds = Math.max(0, (now.getTime() - order.createdAt.getTime()) / 1000);
  if (ageSeconds < 60) return 5;
  if (ageSeconds < 600) return 30;
  if (ageSeconds < 3600) return 120;
  return 600;
}

async function addEvent(
  tx: Transaction,
  order: Pick<Order, 'id'>,
  from: OrderStatus | null,
  to: OrderStatus,
  source: EventSource,
  message: string | null,
  payload?: unknown,
) {
  await tx.insert(orderEvents).values({ orderId: order.id, fromStatus: from, toStatus: to, source, message, payload: payload ?? null });
}

/** The supplier's answer as recorded in the timeline: everything except codes. */
function eventPayload(upstream: UpstreamOrder): Record<string, unknown> {
  const { secrets, ...rest } = upstream;
  return { ...rest, secrets: secrets ? '[encrypted]' : null };
}

/** How a voucher order's codes stand: delivered, still pending at the supplier, or definitively failed. */
export type CodeCounts = { quantity: number; delivered: number; pending: number; failed: number };

/**
 * The one place that says how many of an order's codes failed and how many are still pending
 * (refunds are owed for `failed` only, never for `pending`). PARTIALLY_DELIVERED is not final:
 * its missing codes are pending. DELIVERED, FAILED and CANCELLED are final: whatever did not
 * arrive has failed.
 */
export function voucherCodeCounts(quantity: number, upstreamStatus: string, deliveredQuantity: number | null): CodeCounts {
  const final = ['DELIVERED', 'FAILED', 'CANCELLED'].includes(upstreamStatus);
  const delivered = Math.min(quantity, Math.max(0, deliveredQuantity ?? (upstreamStatus === 'DELIVERED' ? quantity : 0)));
  const missing = quantity - delivered;
  return { quantity, delivered, pending: final ? 0 : missing, failed: final ? missing : 0 };
}

/** The counts as recorded on an order (`delivery` facts written by applyUpstream). */
export function recordedCodeCounts(order: Pick<Order, 'quantity' | 'status' | 'delivery'>): CodeCounts {
  const delivery = order.delivery as { deliveredQuantity?: number; pendingQuantity?: number; failedQuantity?: number };
  if (typeof delivery.deliveredQuantity !== 'number') {
    const delivered = order.status === 'DELIVERED' ? order.quantity : 0;
    const failed = order.status === 'FAILED' || order.status === 'CANCELLED' || order.status === 'REJECTED' ? order.quantity : 0;
    return { quantity: order.quantity, delivered, failed, pending: order.quantity - delivered - failed };
  }
  return {
    quantity: order.quantity,
    delivered: delivery.deliveredQuantity,
    pending: delivery.pendingQuantity ?? 0,
    failed: delivery.failedQuantity ?? (isTerminal(order.status) ? order.quantity - delivery.deliveredQuantity : 0),
  };
}

type CodeList = NonNullable<NonNullable<UpstreamOrder['secrets']>['vouchers']>;

/** Codes already stored plus any new ones: a stale or out-of-order answer never takes a code away. */
function mergeCodes(existing: CodeList, incoming: CodeList): CodeList {
  const key = (code: CodeList[number]) => `${code.referenceNumber ?? ''}|${code.cardNumber ?? ''}|${code.claimUrl ?? ''}`;
  const seen = new Set(existing.map(key));
  return [...existing, ...incoming.filter((code) => !seen.has(key(code)))];
}

/** While webhooks are arriving the reconciler is only the safety net: it looks less often. */
const WEBHOOK_QUIET_POLL_FACTOR = 6;

async function webhooksArriving(tx: Transaction): Promise<boolean> {
  const rows = await tx.execute(sql`select 1 from webhook_events where received_at > now() - interval '10 minutes' limit 1`);
  return (Array.isArray(rows) ? rows.length : ((rows as { rows?: unknown[] }).rows?.length ?? 0)) > 0;
}

/**
 * Records what the supplier says about an order, in one transaction with the money: a
 * transition to FAILED, CANCELLED or REJECTED refunds the customer in the same transaction,
 * and the row lock plus the refund's idempotency key make that happen exactly once. Terminal
 * orders are final: later answers are ignored. A voucher order that is PARTIALLY_DELIVERED stays
 * PENDING here (its codes so far are stored and shown) until the supplier says DELIVERED, FAILED
 * or CANCELLED; only then are the codes that never arrived refunded.
 */
export async function applyUpstream(ctx: OrderContext, orderId: string, upstream: UpstreamOrder, source: EventSource): Promise<Order> {
  return ctx.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order) throw new Error(`Order ${orderId} not found`);
    if (isTerminal(order.status)) return order;

    let status = localStatusOf(upstream.status);
    const counts = order.vertical === 'voucher' ? voucherCodeCounts(order.quantity, upstream.status, upstream.deliveredQuantity) : null;
    // A partial order that ends FAILED or CANCELLED still gave the customer its delivered codes.
    if (counts && counts.delivered > 0 && (status === 'FAILED' || status === 'CANCELLED')) status = 'DELIVERED';
    const before = recordedCodeCounts(order);
    const partial = counts !== null && counts.delivered < order.quantity && counts.delivered > 0;

    let secrets = upstream.secrets;
    if (order.vertical === 'voucher' && order.deliverySecret && secrets?.vouchers) {
      const stored = decryptJson<DeliverySecrets>(order.deliverySecret).vouchers ?? [];
      secrets = { ...secrets, vouchers: mergeCodes(stored, secrets.vouchers) };
    }
    const codeFacts = counts
      ? {
          deliveredQuantity: Math.max(counts.delivered, before.delivered),
          pendingQuantity: counts.pending,
          failedQuantity: counts.failed,
          partial,
        }
      : {};
    const changes: Partial<Order> = {
      upstreamId: upstream.id,
      upstreamStatus: upstream.status,
      statusText: upstream.statusText,
      failureCode: upstream.failureCode,
      failureReason: upstream.failureReason,
      isUserFixable: upstream.isUserFixable,
      delivery: { ...order.delivery, ...upstream.delivery, ...codeFacts },
      status,
      updatedAt: new Date(),
    };
    if (secrets && (secrets.vouchers?.length ?? 1) > 0) changes.deliverySecret = encryptJson(secrets);
    // Codes are indexed as they arrive (a partial delivery's too): a gift code from an order not yet
    // fully delivered is then refused by name rather than as unknown (lib/orders/gift-code.ts).
    await indexDeliveredCodes(tx, order, secrets ?? null);
    if (isTerminal(status)) changes.completedAt = new Date();
    else {
      // Only voucher orders get webhooks (topup.* and esim.* do not exist): only they may be polled less.
      const delay = nextCheckDelaySeconds(order) * (order.vertical === 'voucher' && (await webhooksArriving(tx)) ? WEBHOOK_QUIET_POLL_FACTOR : 1);
      changes.nextCheckAt = new Date(Date.now() + delay * 1000);
    }

    if (status !== order.status) {
      await addEvent(tx, order, order.status, status, source, upstream.statusText, eventPayload(upstream));
    } else if (counts && counts.delivered > before.delivered) {
      await addEvent(tx, order, order.status, status, source, `${counts.delivered} of ${order.quantity} codes delivered; the rest are on the way`, eventPayload(upstream));
    }
    if (REFUNDED_STATUSES.includes(status)) {
      changes.refundedAt = await refundOrder(tx, order, order.retailAmount, `Refund for order #${order.number}`);
    } else if (counts && isTerminal(status) && counts.failed > 0) {
      const share = roundToMinor(new Decimal(order.retailAmount).times(counts.failed).dividedBy(order.quantity), order.retailCurrency);
      changes.refundedAt = await refundOrder(tx, order, share, `Refund for ${counts.failed} undelivered code(s), order #${order.number}`);
    }
    const [updated] = await tx.update(orders).set(changes).where(eq(orders.id, order.id)).returning();
    const outcome = outcomeEmailFor(status);
    if (outcome) await queueOrderEmail(tx, order, outcome);
    return updated!;
  });
}

/** Returns the refund time when this call refunded, the earlier time when it already had. */
async function refundOrder(tx: Transaction, order: Order, amount: Decimal | string, description: string): Promise<Date | null> {
  const refunded = await getPaymentProvider(order.paymentProvider).refund(tx, {
    userId: order.userId,
    orderId: order.id,
    amount: new Decimal(amount),
    currency: order.retailCurrency,
    description,
  });
  return refunded ? new Date() : order.refundedAt;
}

/** The supplier refused the request outright: no order exists there, so refund and stop. */
async function rejectOrder(ctx: OrderContext, orderId: string, error: OctopusApiError, source: EventSource): Promise<Order> {
  const supplierShort = error.kind === 'insufficient_funds';
  const message = supplierShort
    ? 'This product is temporarily unavailable. Your balance has been refunded.'
    : `The supplier refused this order: ${error.message}`;
  const order = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!current || isTerminal(current.status)) return current!;
    await addEvent(tx, current, current.status, 'REJECTED', source, message, { kind: error.kind, code: error.code, message: error.message, requestId: error.requestId });
    const refundedAt = await refundOrder(tx, current, current.retailAmount, `Refund for order #${current.number}`);
    if (supplierShort) {
      await raiseAlert(tx, {
        key: insufficientFundsAlertKey(current.wholesaleCurrency),
        kind: 'supplier_insufficient_funds',
        message: `The supplier wallet (${current.wholesaleCurrency}) could not pay for orders. Top it up: customers are being refused.`,
        details: { lastOrder: current.number, supplierMessage: error.message },
      });
    }
    const [updated] = await tx
      .update(orders)
      .set({
        status: 'REJECTED',
        statusText: message,
        failureCode: error.code,
        failureReason: supplierShort ? 'This product is temporarily unavailable. Please try again later.' : error.message,
        isUserFixable: error.kind === 'validation',
        refundedAt,
        completedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(orders.id, current.id))
      .returning();
    await queueOrderEmail(tx, current, 'order-failed');
    return updated!;
  });
  return order;
}

async function noteStillSubmitting(ctx: OrderContext, order: Order, source: EventSource, message: string, retryAfterSeconds: number) {
  await ctx.db.transaction(async (tx) => {
    await addEvent(tx, order, order.status, order.status, source, message);
    await tx
      .update(orders)
      .set({ nextCheckAt: new Date(Date.now() + retryAfterSeconds * 1000), updatedAt: new Date() })
      .where(eq(orders.id, order.id));
  });
}

async function releaseLease(ctx: OrderContext, orderId: string) {
  await ctx.db.update(orders).set({ leaseUntil: null }).where(eq(orders.id, orderId));
}

/** Takes the order's row lease if nobody holds it; the holder alone talks to the supplier. */
async function claimOrder(
  ctx: OrderContext,
  orderId: string,
  extra: PgUpdateSetSource<typeof orders> = {},
  throttleSeconds: number | null = null,
  deliveredThrottleSeconds: number | null = throttleSeconds,
): Promise<Order | undefined> {
  // A delivered eSIM is only watched for its installation, which takes minutes: ask rarely.
  const throttleFor = sql`case when ${orders.status} = 'DELIVERED' then ${deliveredThrottleSeconds} else ${throttleSeconds} end`;
  const [claimed] = await ctx.db
    .update(orders)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})`, lastCheckedAt: sql`now()`, ...extra })
    .where(
      and(
        eq(orders.id, orderId),
        or(isNull(orders.leaseUntil), lt(orders.leaseUntil, sql`now()`)),
        throttleSeconds !== null
          ? or(isNull(orders.lastCheckedAt), lt(orders.lastCheckedAt, sql`now() - make_interval(secs => ${throttleFor}::int)`))
          : undefined,
      ),
    )
    .returning();
  return claimed;
}

/**
 * Sends a SUBMITTING order to the supplier with its client_reference and maps the answer
 * (DESIGN.md "Orders" step 3). Never marks an order failed for lack of an answer: a timeout,
 * 5xx or dropped connection leaves it SUBMITTING for the reconciler.
 */
export async function submitOrder(ctx: OrderContext, orderId: string, source: EventSource = 'checkout'): Promise<Order> {
  const order = await claimOrder(ctx, orderId, {
    submitAttempts: sql`${orders.submitAttempts} + 1`,
    lastSubmittedAt: sql`now()`,
  });
  if (!order || order.status !== 'SUBMITTING') {
    if (order) await releaseLease(ctx, orderId);
    return (await ctx.db.select().from(orders).where(eq(orders.id, orderId)))[0]!;
  }
  try {
    return await sendToSupplier(ctx, order, source);
  } finally {
    await releaseLease(ctx, orderId);
  }
}

async function sendToSupplier(ctx: OrderContext, order: Order, source: EventSource): Promise<Order> {
  const outcome = await createSupplierOrder(ctx.supplier, {
    vertical: order.vertical,
    upstreamProductId: await upstreamProductId(ctx, order),
    faceAmount: new Decimal(order.faceAmount),
    quantity: order.quantity,
    category: order.category,
    inputData: order.inputData,
    walletId: order.walletId ?? undefined,
    clientReference: order.clientReference,
    redeemVoucherCode: await giftCodeToRedeem(ctx.db, order),
  });
  logger.info({ order: order.number, outcome: outcome.outcome, attempt: order.submitAttempts }, 'order submitted');
  switch (outcome.outcome) {
    case 'accepted':
      return applyUpstream(ctx, order.id, outcome.order, 'supplier');
    case 'duplicate_reference': {
      // The supplier already has it (an earlier attempt got through): adopt that order.
      const existing = await findSupplierOrder(ctx.supplier, order.vertical, order.clientReference);
      if (existing) return applyUpstream(ctx, order.id, existing, 'supplier');
      await noteStillSubmitting(ctx, order, source, 'Supplier reports a duplicate reference but no order yet; will look again.', 5);
      return order;
    }
    case 'rejected':
      if (outcome.error.retryable) {
        const wait = Math.ceil((outcome.error.retryAfterMs ?? 5_000) / 1000);
        await noteStillSubmitting(ctx, order, source, `Supplier busy (${outcome.error.code ?? outcome.error.kind}); will retry.`, wait);
        return order;
      }
      return rejectOrder(ctx, order.id, outcome.error, source);
    case 'unknown':
      await noteStillSubmitting(ctx, order, source, `No answer from the supplier (${outcome.error.kind}); will check by reference.`, 5);
      return order;
  }
}

async function upstreamProductId(ctx: OrderContext, order: Order): Promise<number> {
  const [product] = await ctx.db.select({ upstreamId: products.upstreamId }).from(products).where(eq(products.id, order.productId));
  return product!.upstreamId;
}

/**
 * Asks the supplier about an order that is not final yet and records the answer. A SUBMITTING
 * order is looked up by client_reference: found, it is adopted; not found, it is resubmitted
 * with the same reference. Call with `throttle` from pollers so many watchers cost one request.
 */
export async function refreshOrder(ctx: OrderContext, orderId: string, source: EventSource, { throttle = false } = {}): Promise<Order> {
  const claimed = await claimOrder(ctx, orderId, {}, throttle ? POLL_THROTTLE_SECONDS : null, throttle ? ACTIVATION_THROTTLE_SECONDS : null);
  if (!claimed) return (await ctx.db.select().from(orders).where(eq(orders.id, orderId)))[0]!;
  return processClaimed(ctx, claimed, source);
}

async function processClaimed(ctx: OrderContext, order: Order, source: EventSource): Promise<Order> {
  try {
    if (order.status === 'SUBMITTING') {
      const recentlySubmitted = order.lastSubmittedAt && Date.now() - order.lastSubmittedAt.getTime() < SUBMIT_GRACE_SECONDS * 1000;
      if (recentlySubmitted) return order;
      const existing = await findSupplierOrder(ctx.supplier, order.vertical, order.clientReference);
      if (existing) return await applyUpstream(ctx, order.id, existing, source);
      await releaseLease(ctx, order.id);
      return await submitOrder(ctx, order.id, source);
    }
    if (order.status === 'PENDING' && order.upstreamId !== null) {
      return await applyUpstream(ctx, order.id, await getSupplierOrder(ctx.supplier, order.vertical, order.upstreamId), source);
    }
    if (order.status === 'DELIVERED' && order.vertical === 'esim' && order.upstreamId !== null) {
      return await refreshEsimActivation(ctx, order);
    }
    return order;
  } catch (error) {
    if (!isOctopusApiError(error)) throw error;
    logger.warn({ order: order.number, kind: error.kind, code: error.code }, 'order refresh failed');
    await ctx.db
      .update(orders)
      .set({ nextCheckAt: new Date(Date.now() + nextCheckDelaySeconds(order) * 1000) })
      .where(eq(orders.id, order.id));
    return order;
  } finally {
    await releaseLease(ctx, order.id);
  }
}

/** eSIM install status keeps changing after delivery; the detail endpoint refreshes it on read. */
async function refreshEsimActivation(ctx: OrderContext, order: Order): Promise<Order> {
  const upstream = await getSupplierOrder(ctx.supplier, 'esim', order.upstreamId!);
  const delivery = { ...order.delivery, ...upstream.delivery };
  if (JSON.stringify(delivery) === JSON.stringify(order.delivery)) return order;
  const [updated] = await ctx.db.transaction(async (tx) => {
    if (delivery.activationStatus !== order.delivery.activationStatus) {
      await addEvent(tx, order, order.status, order.status, 'supplier', `eSIM ${String(delivery.activationStatus).toLowerCase().replace('_', ' ')}`, {
        activationStatus: delivery.activationStatus,
        installedAt: delivery.installedAt,
      });
    }
    return tx.update(orders).set({ delivery, updatedAt: new Date() }).where(eq(orders.id, order.id)).returning();
  });
  return updated!;
}

/** eSIMs whose install the order page should keep watching. */
export const watchesActivation = (order: Pick<Order, 'vertical' | 'status' | 'delivery'>) =>
  order.vertical === 'esim' && order.status === 'DELIVERED' && order.delivery.activationStatus !== 'EXPIRED';

/**
 * One reconciler pass: claims due orders with `FOR UPDATE SKIP LOCKED` and a lease, so any
 * number of processes can run it without two asking about the same order.
 */
export async function reconcileDueOrders(ctx: OrderContext, limit = 10): Promise<number> {
  const claimed = await ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(
          inArray(orders.status, [...ACTIVE_STATUSES]),
          or(isNull(orders.nextCheckAt), lte(orders.nextCheckAt, sql`now()`)),
          or(isNull(orders.leaseUntil), lt(orders.leaseUntil, sql`now()`)),
        ),
      )
      .orderBy(sql`${orders.nextCheckAt} nulls first`)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(orders)
      .set({ leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})`, lastCheckedAt: sql`now()` })
      .where(inArray(orders.id, due.map((row) => row.id)))
      .returning();
  });
  for (const order of claimed) await processClaimed(ctx, order, 'reconciler');
  return claimed.length;
}
