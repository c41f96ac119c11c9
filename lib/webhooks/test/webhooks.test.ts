import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { operatorAlerts, orderEvents, orders, webhookEvents } from '@/db/schema';
import { decryptJson } from '@/lib/crypto';
import { getCustomerBalance } from '@/lib/ledger';
import type { OrderContext } from '@/lib/orders/context';
import { applyUpstream, recordedCodeCounts, submitOrder, voucherCodeCounts } from '@/lib/orders/fulfilment';
import type { DeliverySecrets, UpstreamOrder } from '@/lib/supplier/orders';
import { processWebhookEvents } from '@/lib/webhooks/jobs';
import { receiveOctopusWebhook, signWebhookBody, verifyOctopusWebhook } from '@/lib/webhooks/octopus';
import { WebhookBook } from '@/sandbox/engine/webhooks';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { createFundedCustomer, recordTestOrder } from '@/test/helpers/orders';
import { eventually, setupSandbox, testClient } from '@/test/helpers/sandbox';

const SECRET = 'store-webhook-secret-0123456789';
const harness = setupSandbox({ webhookRedeliveryRate: 0 });
let database: TestDatabase;
let ctx: OrderContext;

/** Stands in for the route: raw bytes in, the store's answer out (every answer recorded). */
let endpoint: Server;
let endpointUrl: string;
const answers: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, supplier: testClient(harness.sandbox.url, { logger: false }).client };
  endpoint = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const answer = await receiveOctopusWebhook(database.db, Buffer.concat(chunks), headers, SECRET);
      answers.push(answer.status);
      res.statusCode = answer.status;
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/api/webhooks/octopus`;
});
afterAll(async () => {
  endpoint?.closeAllConnections();
  await new Promise((resolve) => endpoint?.close(resolve));
  await database?.destroy();
});
beforeEach(async () => {
  answers.length = 0;
  await harness.control.clearWebhooks();
});

function signed(body: string, { secret = SECRET, timestamp = Math.floor(Date.now() / 1000), eventId }: { secret?: string; timestamp?: number; eventId?: string } = {}) {
  let id = eventId;
  let type = 'order.delivered';
  try {
    const parsed = JSON.parse(body) as { id?: string; type?: string };
    id ??= parsed.id;
    type = parsed.type ?? type;
  } catch {
    id ??= 'evt_x';
  }
  const headers = WebhookBook.headersFor({ id: id ?? 'evt_x', type: type as 'order.delivered', body }, { id: 'wh_test', secret }, timestamp * 1000);
  return new Headers(headers);
}

const envelope = (id: string, data: Record<string, unknown>, type = 'order.delivered') => JSON.stringify({ id, type, created_at: '2026-01-15T14:30:00Z', data });

describe('verifying a delivery', () => {
  const body = envelope('evt_verify', { id: 1 });

  it('accepts the documented signature and timestamp', () => {
    const result = verifyOctopusWebhook(Buffer.from(body), signed(body), SECRET);
    expect(result.ok).toBe(true);
    expect(signWebhookBody(body, SECRET)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a forged signature, a wrong secret, a missing signature, with 401', () => {
    const forged = signed(body);
    forged.set('X-Signature', 'a'.repeat(64));
    expect(verifyOctopusWebhook(Buffer.from(body), forged, SECRET)).toEqual({ ok: false, status: 401, error: 'Invalid signature' });
    expect(verifyOctopusWebhook(Buffer.from(body), signed(body, { secret: 'another-secret-0123456789' }), SECRET)).toEqual({ ok: false, status: 401, error: 'Invalid signature' });
    const short = signed(body);
    short.set('X-Signature', 'abc');
    expect(verifyOctopusWebhook(Buffer.from(body), short, SECRET)).toMatchObject({ ok: false, status: 401 });
    const none = signed(body);
    none.delete('X-Signature');
    expect(verifyOctopusWebhook(Buffer.from(body), none, SECRET)).toEqual({ ok: false, status: 401, error: 'Missing signature' });
    // The signature covers the raw bytes: re-serialised JSON does not verify.
    const reformatted = JSON.stringify(JSON.parse(body), null, 1);
    expect(verifyOctopusWebhook(Buffer.from(reformatted), signed(body), SECRET)).toMatchObject({ ok: false, status: 401 });
  });

  it('rejects a timestamp older than 5 minutes (401 Webhook too old), or far in the future', () => {
    const now = Date.now();
    const old = Math.floor(now / 1000) - 301;
    expect(verifyOctopusWebhook(Buffer.from(body), signed(body, { timestamp: old }), SECRET, now)).toEqual({ ok: false, status: 401, error: 'Webhook too old' });
    expect(verifyOctopusWebhook(Buffer.from(body), signed(body, { timestamp: old + 2 }), SECRET, now).ok).toBe(true);
    expect(verifyOctopusWebhook(Buffer.from(body), signed(body, { timestamp: Math.floor(now / 1000) + 3600 }), SECRET, now)).toMatchObject({ ok: false, status: 401 });
  });

  it('a correctly signed but malformed body is a 400', () => {
    const junk = '{"id": "evt_1", ';
    expect(verifyOctopusWebhook(Buffer.from(junk), signed(junk, { eventId: 'evt_1' }), SECRET)).toEqual({ ok: false, status: 400, error: 'Malformed JSON' });
    const noData = JSON.stringify({ id: 'evt_2', type: 'order.delivered', created_at: 'x' });
    expect(verifyOctopusWebhook(Buffer.from(noData), signed(noData), SECRET)).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/^Invalid envelope: data/) });
    const mismatch = signed(body, { eventId: 'evt_other' });
    expect(verifyOctopusWebhook(Buffer.from(body), mismatch, SECRET)).toMatchObject({ ok: false, status: 400, error: 'X-Event-ID does not match the event id' });
  });
});

async function voucherOrder(quantity: number, denomination: string, balance = '100.00') {
  const userId = await createFundedCustomer(database.db, balance);
  const order = await recordTestOrder(ctx, {
    vertical: 'voucher',
    upstreamId: 999,
    name: 'Sandbox Test Gift Card',
    faceAmount: denomination,
    quantity,
    retail: (Number(denomination) * quantity * 1.1).toFixed(2),
    wholesale: (Number(denomination) * quantity * 0.95).toFixed(4),
    userId,
  });
  return { userId, order };
}

const reload = async (id: string) => (await database.db.select().from(orders).where(eq(orders.id, id)))[0]!;
const codesOf = (order: { deliverySecret: string | null }) => (order.deliverySecret ? (decryptJson<DeliverySecrets>(order.deliverySecret).vouchers ?? []) : []);

describe('receiving and queueing', () => {
  it('queues a genuine event once; a repeat answers 200 and does nothing; bad ones change nothing', async () => {
    const { order } = await voucherOrder(1, '1');
    const submitted = await submitOrder(ctx, order.id);
    const body = envelope('evt_dedupe_1', { id: submitted.upstreamId, reference_code: order.clientReference, status: 'DELIVERED' });
    const first = await receiveOctopusWebhook(database.db, Buffer.from(body), signed(body), SECRET);
    expect(first).toMatchObject({ status: 200, queued: true });
    const again = await receiveOctopusWebhook(database.db, Buffer.from(body), signed(body), SECRET);
    expect(again).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(again.queued).toBeUndefined();
    const rows = await database.db.select().from(webhookEvents).where(eq(webhookEvents.id, 'evt_dedupe_1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ orderId: order.id, status: 'queued', upstreamOrderId: submitted.upstreamId });

    // Unknown order: 404 (the supplier retries), nothing stored.
    const stranger = envelope('evt_unknown_order', { id: 987654, reference_code: 'not-ours' });
    expect(await receiveOctopusWebhook(database.db, Buffer.from(stranger), signed(stranger), SECRET)).toMatchObject({ status: 404, body: { error: 'Unknown order' } });
    // Unknown but genuine type: 200, recorded as ignored.
    const odd = envelope('evt_odd_type', { id: 1 }, 'topup.delivered');
    expect(await receiveOctopusWebhook(database.db, Buffer.from(odd), signed(odd), SECRET)).toMatchObject({ status: 200, body: { ignored: true } });
    // Forged: 401, nothing stored.
    const forged = envelope('evt_forged', { id: submitted.upstreamId });
    expect(await receiveOctopusWebhook(database.db, Buffer.from(forged), signed(forged, { secret: 'not-the-secret-012345' }), SECRET)).toMatchObject({ status: 401 });
    expect(await receiveOctopusWebhook(database.db, Buffer.from(forged), signed(forged), undefined)).toMatchObject({ status: 503 });
    const stored = (await database.db.select({ id: webhookEvents.id, status: webhookEvents.status }).from(webhookEvents)).map((r) => `${r.id}:${r.status}`);
    expect(stored.sort()).toEqual(['evt_dedupe_1:queued', 'evt_odd_type:ignored']);
    await processWebhookEvents(ctx);
    expect((await database.db.select().from(webhookEvents).where(eq(webhookEvents.id, 'evt_dedupe_1')))[0]).toMatchObject({ status: 'processed', note: expect.stringMatching(/already DELIVERED/) });
  });
});

describe('code counts', () => {
  it('pending codes are never counted as failed; final statuses fail what did not arrive', () => {
    expect(voucherCodeCounts(7, 'PARTIALLY_DELIVERED', 4)).toEqual({ quantity: 7, delivered: 4, pending: 3, failed: 0 });
    expect(voucherCodeCounts(7, 'FAILED', 4)).toEqual({ quantity: 7, delivered: 4, pending: 0, failed: 3 });
    expect(voucherCodeCounts(7, 'DELIVERED', null)).toEqual({ quantity: 7, delivered: 7, pending: 0, failed: 0 });
    expect(voucherCodeCounts(7, 'PENDING', null)).toEqual({ quantity: 7, delivered: 0, pending: 7, failed: 0 });
    expect(voucherCodeCounts(7, 'CANCELLED', null)).toEqual({ quantity: 7, delivered: 0, pending: 0, failed: 7 });
  });
});

describe('partial deliveries driven by sandbox webhooks', () => {
  const advance = (ms: number) => harness.control.advanceClock(harness.sandbox.core.delay(ms));

  it('PARTIALLY_DELIVERED keeps the order watched with its first codes; the rest arrive; nothing is refunded', async () => {
    await harness.control.addWebhook({ url: endpointUrl, secret: SECRET, events: ['order.delivered', 'order.partially_delivered', 'order.failed', 'order.cancelled'] });
    await harness.control.setConfig({ partialRestMs: 3_600_000 }); // the rest only when the clock is moved
    const { userId, order } = await voucherOrder(7, '2');
    const paid = (await getCustomerBalance(database.db, userId, 'USD')).toFixed(2);
    expect((await submitOrder(ctx, order.id)).status).toBe('PENDING');

    await advance(harness.sandbox.core.config.voucherAsyncDelayMs);
    await eventually(async () => (answers.length >= 1 ? true : undefined));
    expect(answers).toEqual([200]);
    expect(await processWebhookEvents(ctx)).toBe(1);
    const partial = await reload(order.id);
    expect(partial.status).toBe('PENDING');
    expect(partial.upstreamStatus).toBe('PARTIALLY_DELIVERED');
    expect(codesOf(partial)).toHaveLength(4);
    expect(recordedCodeCounts(partial)).toEqual({ quantity: 7, delivered: 4, pending: 3, failed: 0 });
    expect(partial.refundedAt).toBeNull();
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe(paid);

    await advance(3_600_000);
    await eventually(async () => (answers.length >= 2 ? true : undefined));
    await processWebhookEvents(ctx);
    const done = await reload(order.id);
    expect(done.status).toBe('DELIVERED');
    expect(codesOf(done)).toHaveLength(7);
    expect(codesOf(done).slice(0, 4)).toEqual(codesOf(partial));
    expect(done.refundedAt).toBeNull();
    expect(done.delivery).toMatchObject({ partial: false, deliveredQuantity: 7, pendingQuantity: 0, failedQuantity: 0 });
    expect((await getCustomerBalance(database.db, userId, 'USD')).toFixed(2)).toBe(paid);
    const timeline = await database.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(timeline.map((e) => `${e.toStatus}:${e.source}`)).toEqual(['SUBMITTING:checkout', 'PENDING:supplier', 'PENDING:webhook', 'DELIVERED:webhook']);

    // A late re-delivery of the partial event moves nothing backwards.
    const [firstEvent] = await harness.control.webhookEvents();
    await harness.control.redeliverWebhook(firstEvent!.id);
    await eventually(async () => (answers.length >= 3 ? true : undefined));
    expect(answers[2]).toBe(200);
    expect(await processWebhookEvents(ctx)).toBe(0); // already seen: nothing queued
    expect((await reload(order.id)).status).toBe('DELIVERED');
  });

  it('a partial order whose rest fails keeps the delivered codes and refunds only the failed ones, once', async () => {
    await harness.control.addWebhook({ url: endpointUrl, secret: SECRET, events: ['order.partially_delivered', 'order.failed'] });
    await harness.control.injectWebhookFault({ kind: 'duplicate', type: 'order.failed' });
    const { userId, order } = await voucherOrder(4, '7', '50.00');
    const submitted = await submitOrder(ctx, order.id); // quantity 4: answered inline, PARTIALLY_DELIVERED
    expect(submitted.status).toBe('PENDING');
    expect(codesOf(submitted)).toHaveLength(2);
    const afterPay = await getCustomerBalance(database.db, userId, 'USD');
    await advance(harness.sandbox.core.config.partialRestMs);
    await eventually(async () => (answers.length >= 3 ? true : undefined));
    await processWebhookEvents(ctx);
    const end = await reload(order.id);
    expect(end.status).toBe('DELIVERED');
    expect(end.delivery).toMatchObject({ partial: true, deliveredQuantity: 2, failedQuantity: 2, pendingQuantity: 0 });
    expect(codesOf(end)).toEqual(codesOf(submitted));
    // 2 of 4 codes failed: half of the 30.80 paid comes back, once (the duplicate changed nothing).
    expect((await getCustomerBalance(database.db, userId, 'USD')).minus(afterPay).toFixed(2)).toBe('15.40');
    expect((await database.db.select().from(webhookEvents).where(eq(webhookEvents.orderId, order.id))).length).toBe(2);
  });

  it('codes never go backwards: a stale answer with fewer codes keeps what was stored', async () => {
    const { order } = await voucherOrder(4, '2');
    const submitted = await submitOrder(ctx, order.id);
    const codes = codesOf(submitted);
    expect(codes).toHaveLength(2);
    const stale: UpstreamOrder = {
      id: submitted.upstreamId!, clientReference: order.clientReference, status: 'PARTIALLY_DELIVERED', statusText: null, failureCode: null,
      failureReason: null, isUserFixable: false, deliveredQuantity: 1, secrets: { vouchers: codes.slice(0, 1) }, delivery: { codes: 1 },
    };
    const after = await applyUpstream(ctx, order.id, stale, 'webhook');
    expect(codesOf(after)).toEqual(codes);
    expect(recordedCodeCounts(after).delivered).toBe(2);
  });

  it('wallet events refresh the wallets and their low-balance alert', async () => {
    await harness.control.addWebhook({ url: endpointUrl, secret: SECRET, events: ['wallet.debited', 'wallet.credited'] });
    await harness.control.setWalletBalance('USD', 5);
    await eventually(async () => (answers.length >= 1 ? true : undefined));
    await processWebhookEvents(ctx);
    const [alert] = await database.db.select().from(operatorAlerts).where(eq(operatorAlerts.kind, 'supplier_low_balance'));
    expect(alert).toMatchObject({ resolvedAt: null });
    const [event] = await database.db.select().from(webhookEvents).where(eq(webhookEvents.type, 'wallet.debited'));
    expect(event).toMatchObject({ status: 'processed', note: expect.stringMatching(/USD 5.*low-balance alert open/) });
    await harness.control.setWalletBalance('USD', 10000);
    await eventually(async () => (answers.length >= 2 ? true : undefined));
    await processWebhookEvents(ctx);
    const [resolved] = await database.db.select().from(operatorAlerts).where(eq(operatorAlerts.kind, 'supplier_low_balance'));
    expect(resolved!.resolvedAt).not.toBeNull();
  });
});
