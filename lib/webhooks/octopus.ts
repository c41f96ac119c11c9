import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db';
import { orders, webhookEvents, type WebhookEventRow } from '@/db/schema';
import { operatorScope } from '@/lib/auth/guards';
import { env } from '@/lib/env';
import { wakeJob } from '@/lib/jobs/runner';
import { logger } from '@/lib/logger';

/** Documented: reject X-Timestamp older than 5 minutes (we also refuse one that far in the future). */
export const WEBHOOK_MAX_AGE_SECONDS = 300;
export const WEBHOOK_JOB = 'octopus-webhooks';

export const ORDER_EVENT_TYPES = ['order.delivered', 'order.partially_delivered', 'order.failed', 'order.cancelled'] as const;
export const WALLET_EVENT_TYPES = ['wallet.credited', 'wallet.debited'] as const;

const envelopeSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  created_at: z.string().max(64),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookEnvelope = z.infer<typeof envelopeSchema>;

export type VerifiedWebhook = { ok: true; envelope: WebhookEnvelope; sentAt: Date; webhookId: string | null };
export type RejectedWebhook = { ok: false; status: 400 | 401; error: string };

/** Lowercase hex HMAC-SHA256 of the raw body, as Octopus computes X-Signature. */
export function signWebhookBody(rawBody: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * Checks one delivery as the docs prescribe: the signature over the raw bytes (constant time),
 * then the timestamp, then the envelope. Nothing is parsed before the signature holds.
 */
export function verifyOctopusWebhook(rawBody: Buffer, headers: Headers, secret: string, nowMs = Date.now()): VerifiedWebhook | RejectedWebhook {
  const given = headers.get('x-signature')?.trim() ?? '';
  if (!given) return { ok: false, status: 401, error: 'Missing signature' };
  const expected = Buffer.from(signWebhookBody(rawBody, secret), 'hex');
  const received = /^[0-9a-fA-F]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(expected.length);
  const matches = timingSafeEqual(expected, received) && /^[0-9a-fA-F]{64}$/.test(given);
  if (!matches) return { ok: false, status: 401, error: 'Invalid signature' };

  const stamp = headers.get('x-timestamp')?.trim() ?? '';
  if (!/^\d{1,12}$/.test(stamp)) return { ok: false, status: 401, error: 'Missing or invalid X-Timestamp' };
  const ageSeconds = nowMs / 1000 - Number(stamp);
  if (ageSeconds > WEBHOOK_MAX_AGE_SECONDS) return { ok: false, status: 401, error: 'Webhook too old' };
  if (ageSeconds < -WEBHOOK_MAX_AGE_SECONDS) return { ok: false, status: 401, error: 'Webhook timestamp is in the future' };

  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, status: 400, error: 'Malformed JSON' };
  }
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) {
    return { ok: false, status: 400, error: `Invalid envelope: ${envelope.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ')}` };
  }
  const eventId = headers.get('x-event-id');
  if (eventId !== envelope.data.id) return { ok: false, status: 400, error: 'X-Event-ID does not match the event id' };
  const eventType = headers.get('x-event-type');
  if (eventType !== null && eventType !== envelope.data.type) return { ok: false, status: 400, error: 'X-Event-Type does not match the event type' };
  return { ok: true, envelope: envelope.data, sentAt: new Date(Number(stamp) * 1000), webhookId: headers.get('x-webhook-id') };
}

export type WebhookAnswer = { status: number; body: Record<string, unknown>; queued?: boolean };

const isOrderEvent = (type: string) => (ORDER_EVENT_TYPES as readonly string[]).includes(type);
const isWalletEvent = (type: string) => (WALLET_EVENT_TYPES as readonly string[]).includes(type);

/**
 * Our voucher order the event is about: by `reference_code` (our client_reference, unique per
 * order) when the event has one, else by the supplier's order id.
 */
async function findEventOrder(db: Database, data: Record<string, unknown>): Promise<{ id: string } | undefined> {
  const reference = typeof data.reference_code === 'string' && data.reference_code.length > 0 && data.reference_code.length <= 255 ? data.reference_code : null;
  if (reference !== null) {
    const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.clientReference, reference)).limit(1);
    return order;
  }
  const upstreamId = typeof data.id === 'number' && Number.isSafeInteger(data.id) && Math.abs(data.id) < 2 ** 31 ? data.id : null;
  if (upstreamId === null) return undefined;
  const [order] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.vertical, 'voucher'), eq(orders.upstreamId, upstreamId)))
    .limit(1);
  return order;
}

/**
 * POST /api/webhooks/octopus: verify, de-duplicate on X-Event-ID, queue, answer. The work
 * (asking the supplier for the order, reading the wallets) happens in the background job.
 * Bad deliveries get a 4xx and change nothing; a genuine event of a type we do not handle is
 * acknowledged (200) and recorded as ignored; an order event for an order we do not have gets
 * 404, so the supplier retries (it may have arrived before our own create answer was stored).
 */
export async function receiveOctopusWebhook(db: Database, rawBody: Buffer, headers: Headers, secret: string | undefined, nowMs = Date.now()): Promise<WebhookAnswer> {
  const eventIdHeader = headers.get('x-event-id')?.slice(0, 200) ?? null;
  if (!secret) {
    logger.error({ eventId: eventIdHeader }, 'octopus webhook received but OCTOPUS_WEBHOOK_SECRET is not set');
    return { status: 503, body: { error: 'Webhooks are not configured on this store' } };
  }
  const verified = verifyOctopusWebhook(rawBody, headers, secret, nowMs);
  if (!verified.ok) {
    logger.warn({ eventId: eventIdHeader, status: verified.status, reason: verified.error }, 'octopus webhook rejected');
    return { status: verified.status, body: { error: verified.error } };
  }
  const { envelope } = verified;
  const known = isOrderEvent(envelope.type) || isWalletEvent(envelope.type);
  let orderId: string | null = null;
  if (isOrderEvent(envelope.type)) {
    const order = await findEventOrder(db, envelope.data);
    if (!order) {
      logger.warn({ eventId: envelope.id, type: envelope.type, upstreamOrderId: envelope.data.id }, 'octopus webhook for an unknown order');
      return { status: 404, body: { error: 'Unknown order' } };
    }
    orderId = order.id;
  }
  const inserted = await db
    .insert(webhookEvents)
    .values({
      id: envelope.id,
      type: envelope.type,
      webhookId: verified.webhookId?.slice(0, 200) ?? null,
      status: known ? 'queued' : 'ignored',
      note: known ? null : 'Unknown event type: acknowledged, nothing done',
      upstreamOrderId: typeof envelope.data.id === 'number' && isOrderEvent(envelope.type) && Number.isSafeInteger(envelope.data.id) && Math.abs(envelope.data.id) < 2 ** 31 ? envelope.data.id : null,
      orderId,
      payload: envelope as unknown as Record<string, unknown>,
      sentAt: verified.sentAt,
      processedAt: known ? null : new Date(),
    })
    .onConflictDoNothing({ target: webhookEvents.id })
    .returning({ id: webhookEvents.id });
  if (inserted.length === 0) {
    logger.info({ eventId: envelope.id, type: envelope.type }, 'octopus webhook already seen');
    return { status: 200, body: { received: true, duplicate: true } };
  }
  if (!known) {
    logger.warn({ eventId: envelope.id, type: envelope.type }, 'octopus webhook of an unknown type ignored');
    return { status: 200, body: { received: true, ignored: true } };
  }
  logger.info({ eventId: envelope.id, type: envelope.type, orderId }, 'octopus webhook queued');
  return { status: 200, body: { received: true }, queued: true };
}

/** The supplier events received for one order, newest first (operator's order page). */
export async function listOrderWebhookEvents(orderId: string): Promise<WebhookEventRow[]> {
  const { db } = await operatorScope();
  return db.select().from(webhookEvents).where(eq(webhookEvents.orderId, orderId)).orderBy(desc(webhookEvents.receivedAt)).limit(100);
}

const MAX_BODY_BYTES = 256 * 1024;

/** The route handler's whole job: read the raw bytes, answer, and wake the job when work was queued. */
export async function handleOctopusWebhookRequest(request: Request): Promise<Response> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return Response.json({ error: 'Payload too large' }, { status: 413 });
  const raw = Buffer.from(await request.arrayBuffer());
  if (raw.length > MAX_BODY_BYTES) return Response.json({ error: 'Payload too large' }, { status: 413 });
  const answer = await receiveOctopusWebhook(await getDb(), raw, request.headers, env().OCTOPUS_WEBHOOK_SECRET);
  if (answer.queued) wakeJob(WEBHOOK_JOB);
  return Response.json(answer.body, { status: answer.status, headers: { 'Cache-Control': 'no-store' } });
}
