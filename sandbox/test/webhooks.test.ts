import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness, Json } from './helpers';
import { boot, waitFor } from './helpers';

/** A receiver that records every delivery and answers what the test scripts (200 by default). */
type Received = { headers: Record<string, string>; body: string; json: Json };
let receiver: Server;
let receiverUrl: string;
let received: Received[] = [];
let answers: (number | 'hang')[] = [];

let h: Harness;
const SECRET = 'whsec_test_secret_value';

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers as Record<string, string>, body, json: JSON.parse(body) });
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') return; // never answers: the sandbox times out
      res.statusCode = answer;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  h = await boot({ webhookRedeliveryRate: 0, webhookTimeoutMs: 300 });
});

afterAll(async () => {
  await h.sandbox.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(async () => {
  await h.control.reset();
  await h.control.clearWebhooks();
  received = [];
  answers = [];
});

const order = (denomination: number, quantity: number, extra: Record<string, unknown> = {}) =>
  h.api.post('/api/v1/orders', { product_id: 999, denomination, quantity, ...extra });
const orderEvents = () => received.filter((r) => r.json.type.startsWith('order.'));

describe('webhook configuration (control API)', () => {
  it('registers a URL with its secret and events, lists it without the secret, removes it', async () => {
    const created = await h.control.addWebhook({ url: receiverUrl, secret: SECRET, events: ['order.delivered'] });
    expect(created).toMatchObject({ url: receiverUrl, events: ['order.delivered'], enabled: true, secret: SECRET });
    expect(created.id).toMatch(/^wh_/);
    const listed = await h.control.listWebhooks();
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('secret');
    await h.control.removeWebhook(created.id);
    expect(await h.control.listWebhooks()).toEqual([]);
  });

  it('refuses a bad configuration with a clear 400', async () => {
    await expect(h.control.addWebhook({ url: 'ftp://example.com', secret: SECRET })).rejects.toThrow(/400.*url/);
    await expect(h.control.addWebhook({ url: receiverUrl, secret: 'short' })).rejects.toThrow(/400.*secret/);
    await expect(h.control.addWebhook({ url: receiverUrl, secret: SECRET, events: ['topup.delivered' as never] })).rejects.toThrow(/400/);
  });
});

describe('deliveries as documented', () => {
  it('sends the envelope with all eight headers and a lowercase hex HMAC-SHA256 of the raw body', async () => {
    const hook = await h.control.addWebhook({ url: receiverUrl, secret: SECRET });
    const res = await order(1, 1, { client_reference: 'wh-ref-1' });
    await waitFor(async () => orderEvents().length, (n) => n >= 1);
    const [delivery] = orderEvents();
    const { headers, body, json } = delivery!;
    expect(Object.keys(json).sort()).toEqual(['created_at', 'data', 'id', 'type']);
    expect(json.type).toBe('order.delivered');
    expect(json.data).toMatchObject({ id: res.body.id, reference_code: 'wh-ref-1', status: 'DELIVERED', product_name: 'Sandbox Test Gift Card', denomination: 1, quantity: 1, amount: 1, delivered_quantity: 1 });
    expect(Object.keys(json.data).sort()).toEqual(['amount', 'created_at', 'delivered_on', 'delivered_quantity', 'denomination', 'id', 'product_name', 'quantity', 'reference_code', 'status']);
    expect(JSON.stringify(json.data)).not.toMatch(/card_number|pin_code|vouchers/);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['user-agent']).toBe('octopusrewards.com/webhook-agent');
    expect(headers['x-octopus-webhook-token']).toBe(SECRET);
    expect(headers['x-webhook-id']).toBe(hook.id);
    expect(headers['x-event-id']).toBe(json.id);
    expect(headers['x-event-type']).toBe(json.type);
    expect(Math.abs(Number(headers['x-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    expect(headers['x-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(headers['x-signature']).toBe(createHmac('sha256', SECRET).update(body).digest('hex'));
    // The order's debit fires wallet.debited (every credit and debit does).
    await waitFor(async () => received.filter((r) => r.json.type === 'wallet.debited').length, (n) => n >= 1);
    const wallet = received.find((r) => r.json.type === 'wallet.debited')!.json.data;
    expect(wallet).toMatchObject({ wallet_id: 1, currency: 'USD', transaction_type: 'DEBIT' });
    expect(wallet.remarks).toMatch(new RegExp(`Order #${res.body.id}$`));
  });

  it('only subscribed events are sent', async () => {
    await h.control.addWebhook({ url: receiverUrl, secret: SECRET, events: ['order.failed'] });
    await order(1, 1);
    await order(3, 1);
    await waitFor(async () => received.length, (n) => n >= 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(received.map((r) => r.json.type)).toEqual(['order.failed']);
  });

  it('a partial order sends order.partially_delivered, then order.delivered when the rest arrive', async () => {
    await h.control.addWebhook({ url: receiverUrl, secret: SECRET, events: ['order.delivered', 'order.partially_delivered', 'order.failed'] });
    const res = await order(2, 7);
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.voucherAsyncDelayMs));
    await waitFor(async () => received.length, (n) => n >= 1);
    expect(received[0]!.json).toMatchObject({ type: 'order.partially_delivered', data: { id: res.body.id, status: 'PARTIALLY_DELIVERED', quantity: 7, delivered_quantity: 4 } });
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.partialRestMs));
    await waitFor(async () => received.length, (n) => n >= 2);
    expect(received[1]!.json).toMatchObject({ type: 'order.delivered', data: { status: 'DELIVERED', delivered_quantity: 7 } });
    // And one whose rest fails ends with order.failed carrying the delivered count.
    await order(7, 4);
    await h.control.advanceClock(h.sandbox.core.delay(h.sandbox.core.config.partialRestMs));
    await waitFor(async () => received.length, (n) => n >= 4);
    expect(received.slice(2).map((r) => [r.json.type, r.json.data.delivered_quantity])).toEqual([
      ['order.partially_delivered', 2],
      ['order.failed', 2],
    ]);
  });
});

describe('retries, faults and re-deliveries', () => {
  it('retries non-2xx and timeouts with exponential backoff until acknowledged; the same bytes every time', async () => {
    await h.control.addWebhook({ url: receiverUrl, secret: SECRET, events: ['order.delivered'] });
    answers = [500, 'hang', 503];
    await order(1, 1);
    const deliveries = await waitFor(() => h.control.webhookDeliveries({ type: 'order.delivered' }), (d) => d.some((x) => x.outcome === 'delivered'), 8000);
    expect(deliveries.map((d) => [d.kind, d.attempt, d.outcome, d.status])).toEqual([
      ['first', 1, 'failed', 500],
      ['retry', 2, 'timeout', null],
      ['retry', 3, 'failed', 503],
      ['retry', 4, 'delivered', 200],
    ]);
    expect(deliveries[1]!.error).toMatch(/no answer within 300 ms/);
    expect(deliveries[0]!.nextAttemptAt).not.toBeNull();
    const bodies = new Set(received.map((r) => r.body));
    expect(bodies.size).toBe(1);
    expect(new Set(received.map((r) => r.headers['x-event-id'])).size).toBe(1);
  });

  it('gives up after webhookMaxAttempts', async () => {
    await h.control.setConfig({ webhookMaxAttempts: 2 });
    await h.control.addWebhook({ url: receiverUrl, secret: SECRET, events: ['order.delivered'] });
    answers = [500, 500, 500];
    await order(1, 1);
    await waitFor(() => h.control.webhookDeliveries(), (d) => d.length === 2 && d.every((x) => x.outcome !== 'scheduled'), 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(2);
  });

  it('drops, duplicates and delays deliveries on request; re-delivers an acknowledged event', async () => {
    await h.control.addWebhook({ url: receiverUrl, secret: SECRET, events: ['order.delivered'] });
    await h.control.injectWebhookFault({ kind: 'drop', type: 'order.delivered' });
    await h.control.injectWebhookFault({ kind: 'duplicate', type: 'order.' });
    await h.control.injectWebhookFault({ kind: 'delay', ms: 60_000, type: 'order.delivered' });
    await order(1, 1); // dropped
    await order(1, 1); // duplicated
    await order(1, 1); // delayed
    await waitFor(async () => received.length, (n) => n >= 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(2);
    expect(received[0]!.json.id).toBe(received[1]!.json.id);
    const deliveries = await h.control.webhookDeliveries();
    expect(deliveries.map((d) => [d.kind, d.outcome])).toEqual([
      ['first', 'dropped'],
      ['first', 'delivered'],
      ['duplicate', 'delivered'],
      ['first', 'scheduled'],
    ]);
    await h.control.advanceClock(60_000);
    await waitFor(async () => received.length, (n) => n >= 3);
    const eventId = received[2]!.json.id as string;
    await h.control.redeliverWebhook(eventId);
    await waitFor(async () => received.length, (n) => n >= 4);
    expect(received[3]!.json.id).toBe(eventId);
    expect((await h.control.webhookDeliveries({ eventId })).map((d) => d.kind)).toEqual(['first', 'redelivery']);
    await h.control.injectWebhookFault({ kind: 'drop', count: 5 });
    expect(await h.control.clearWebhookFaults()).toEqual({ ok: true });
    expect(await h.control.listWebhooks()).toHaveLength(1); // clearing faults removes no configuration
  });

  it('re-delivers acknowledged events at webhookRedeliveryRate', async () => {
    await h.control.setConfig({ webhookRedeliveryRate: 1, webhookRedeliveryDelayMs: 0 });
    await h.control.addWebhook({ url: receiverUrl, secret: SECRET, events: ['order.delivered'] });
    await order(1, 1);
    await waitFor(async () => received.length, (n) => n >= 2);
    expect(received[0]!.json.id).toBe(received[1]!.json.id);
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(2); // a re-delivery is not re-delivered again
  });
});
