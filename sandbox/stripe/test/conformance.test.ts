/**
 * The stand-in as the official `stripe` SDK sees it: sessions, idempotency, errors, refunds,
 * events and signed webhook deliveries verified by `stripe.webhooks.constructEvent`.
 */
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECRET_KEY } from '../config';
import { WEBHOOK_SECRET, sessionParams, startReceiver, startWithSdk, until } from './helpers';

let env: Awaited<ReturnType<typeof startWithSdk>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  env = await startWithSdk({ accountName: 'Test Store', webhookEndpoints: [{ url: receiver.url, secret: WEBHOOK_SECRET }], webhookRetryDelaysMs: [1000, 2000] });
});
afterAll(async () => {
  await env.sandbox.close();
  await receiver.close();
});
afterEach(async () => {
  await env.control.reset();
  receiver.received.length = 0;
  receiver.statuses.clear();
});

async function expectStripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Stripe.errors.StripeError);
    return error as Stripe.errors.StripeError;
  }
  throw new Error('expected a Stripe error');
}

describe('checkout sessions', () => {
  it('creates, retrieves and lists a session shaped like Stripe', async () => {
    const session = await env.stripe.checkout.sessions.create(sessionParams({ customer_email: 'buyer@example.com' }));
    expect(session.id).toMatch(/^cs_test_a1[A-Za-z0-9]{56}$/);
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 499,
      amount_subtotal: 499,
      currency: 'usd',
      client_reference_id: 'order-42',
      metadata: { order_id: '42' },
      customer_email: 'buyer@example.com',
      payment_intent: null,
      livemode: false,
    });
    expect(session.url).toBe(`http://localhost:${env.sandbox.port}/c/pay/${session.id}`);
    expect(session.expires_at - session.created).toBe(24 * 3600);
    const again = await env.stripe.checkout.sessions.retrieve(session.id);
    expect(again).toEqual(session);
    const list = await env.stripe.checkout.sessions.list({ limit: 5 });
    expect(list.object).toBe('list');
    expect(list.data.map((s) => s.id)).toEqual([session.id]);
    const items = await env.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data[0]).toMatchObject({ object: 'item', description: 'PUBG Mobile 325 UC', quantity: 1, amount_total: 499 });
  });

  it('takes zero-decimal currencies in whole units and formats them so on the hosted page', async () => {
    const session = await env.stripe.checkout.sessions.create(
      sessionParams({ line_items: [{ price_data: { currency: 'jpy', unit_amount: 500, product_data: { name: 'Steam ¥500' } }, quantity: 3 }] }),
    );
    expect(session.amount_total).toBe(1500);
    expect(session.currency).toBe('jpy');
    const html = await (await fetch(session.url as string)).text();
    expect(html).toContain('¥1,500');
    const krw = await env.stripe.checkout.sessions.create(
      sessionParams({ line_items: [{ price_data: { currency: 'krw', unit_amount: 10000, product_data: { name: 'Top-up' } }, quantity: 1 }] }),
    );
    expect(krw.amount_total).toBe(10000);
    const usd = await env.stripe.checkout.sessions.create(sessionParams());
    expect(await (await fetch(usd.url as string)).text()).toContain('$4.99');
  });

  it('expires through the API, once, with a checkout.session.expired event', async () => {
    const session = await env.stripe.checkout.sessions.create(sessionParams());
    const expired = await env.stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: 'expired', payment_status: 'unpaid', url: null });
    const again = await expectStripeError(env.stripe.checkout.sessions.expire(session.id));
    expect(again.type).toBe('StripeInvalidRequestError');
    expect(again.statusCode).toBe(400);
    const events = await env.stripe.events.list({ type: 'checkout.session.expired' });
    expect(events.data).toHaveLength(1);
    expect((events.data[0]?.data.object as Stripe.Checkout.Session).id).toBe(session.id);
  });

  it('expires by itself at expires_at on the virtual clock', async () => {
    const now = Math.floor(Date.now() / 1000);
    const session = await env.stripe.checkout.sessions.create(sessionParams({ expires_at: now + 1800 }));
    expect(session.expires_at).toBe(now + 1800);
    await env.control.advanceClock(1801 * 1000);
    expect((await env.stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
    const event = await until(() => receiver.received.find((r) => r.type === 'checkout.session.expired'));
    const verified = env.stripe.webhooks.constructEvent(event.body, event.signature, WEBHOOK_SECRET);
    expect((verified.data.object as Stripe.Checkout.Session).id).toBe(session.id);
  });

  it('rejects bad parameters with Stripe error envelopes', async () => {
    const missing = await expectStripeError(env.stripe.checkout.sessions.create(sessionParams({ line_items: [{ price_data: { currency: 'usd', product_data: { name: 'x' } }, quantity: 1 }] })));
    expect(missing).toMatchObject({ type: 'StripeInvalidRequestError', code: 'parameter_missing', param: 'line_items[0][price_data][unit_amount]', statusCode: 400 });
    expect(missing.message).toBe('Missing required param: line_items[0][price_data][unit_amount].');
    const unknown = await expectStripeError(env.stripe.checkout.sessions.create({ ...sessionParams(), colour: 'red' } as Stripe.Checkout.SessionCreateParams));
    expect(unknown).toMatchObject({ code: 'parameter_unknown', param: 'colour' });
    const tooSoon = await expectStripeError(env.stripe.checkout.sessions.create(sessionParams({ expires_at: Math.floor(Date.now() / 1000) + 60 })));
    expect(tooSoon).toMatchObject({ param: 'expires_at' });
    const small = await expectStripeError(env.stripe.checkout.sessions.create(sessionParams({ line_items: [{ price_data: { currency: 'usd', unit_amount: 10, product_data: { name: 'x' } }, quantity: 1 }] })));
    expect(small.message).toContain('at least $0.50 usd');
    const notFound = await expectStripeError(env.stripe.checkout.sessions.retrieve('cs_test_nope'));
    expect(notFound).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing', message: "No such checkout.session: 'cs_test_nope'" });
    const badUrl = await expectStripeError(env.stripe.checkout.sessions.create(sessionParams({ success_url: 'not a url' })));
    expect(badUrl).toMatchObject({ code: 'url_invalid', param: 'success_url' });
  });

  it('answers 401 to a missing or wrong secret key', async () => {
    const wrong = new Stripe('sk_test_wrong_key_123456789', { host: '127.0.0.1', port: env.sandbox.port, protocol: 'http', maxNetworkRetries: 0 });
    const error = await expectStripeError(wrong.checkout.sessions.list());
    expect(error).toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
    expect(error.message).toMatch(/^Invalid API Key provided: sk_test_\*+6789$/);
    const bare = await fetch(`${env.sandbox.url}/v1/checkout/sessions`);
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as { error: { type: string; message: string } }).error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') });
  });
});

describe('idempotency', () => {
  it('replays the first answer for the same key and body', async () => {
    const first = await env.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'order-42-checkout' });
    const second = await env.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'order-42-checkout' });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await env.control.sessions()).length).toBe(1);
  });

  it('refuses the same key with another body (idempotency_error) and with another endpoint', async () => {
    await env.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'key-1' });
    const error = await expectStripeError(env.stripe.checkout.sessions.create(sessionParams({ client_reference_id: 'order-43' }), { idempotencyKey: 'key-1' }));
    expect(error).toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });
    expect(error.message).toContain("Try using a key other than 'key-1'");
    const session = await env.stripe.checkout.sessions.create(sessionParams());
    const other = await expectStripeError(env.stripe.checkout.sessions.expire(session.id, {}, { idempotencyKey: 'key-1' }));
    expect(other.type).toBe('StripeIdempotencyError');
  });

  it('does not save a validation error, so a corrected retry with the same key runs', async () => {
    await expectStripeError(env.stripe.checkout.sessions.create(sessionParams({ success_url: 'nope' }), { idempotencyKey: 'key-2' }));
    const ok = await env.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'key-2' });
    expect(ok.status).toBe('open');
  });
});

describe('payment and webhooks', () => {
  it('pays with 4242, completes the session and delivers signed events the SDK verifies', async () => {
    const session = await env.stripe.checkout.sessions.create(sessionParams());
    const paid = await env.control.pay(session.id, { email: 'payer@example.com', name: 'Pat Payer' });
    expect(paid.ok).toBe(true);
    const done = await env.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge'] });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', url: null, customer_details: { email: 'payer@example.com', name: 'Pat Payer' } });
    const pi = done.payment_intent as Stripe.PaymentIntent;
    expect(pi.id).toMatch(/^pi_/);
    expect(pi).toMatchObject({ status: 'succeeded', amount: 499, amount_received: 499, currency: 'usd' });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.id).toMatch(/^ch_/);
    expect(charge).toMatchObject({ paid: true, captured: true, status: 'succeeded', amount_refunded: 0 });
    expect((await env.stripe.paymentIntents.retrieve(pi.id)).latest_charge).toBe(charge.id);

    const completed = await until(() => receiver.received.find((r) => r.type === 'checkout.session.completed'));
    expect(completed.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = env.stripe.webhooks.constructEvent(completed.body, completed.signature, WEBHOOK_SECRET);
    expect(event.id).toMatch(/^evt_/);
    expect(event).toMatchObject({ object: 'event', type: 'checkout.session.completed', api_version: '2026-10-28.endive', livemode: false });
    const object = event.data.object as Stripe.Checkout.Session;
    expect(object).toMatchObject({ id: session.id, client_reference_id: 'order-42', metadata: { order_id: '42' }, payment_status: 'paid', payment_intent: pi.id });
    expect(() => env.stripe.webhooks.constructEvent(completed.body, completed.signature, 'whsec_wrong')).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => env.stripe.webhooks.constructEvent(completed.body.replace('order-42', 'order-99'), completed.signature, WEBHOOK_SECRET)).toThrow();
    const retrieved = await env.stripe.events.retrieve(event.id);
    expect(retrieved.type).toBe('checkout.session.completed');
  });

  it('declines 4000 0000 0000 0002 and 9995 with Stripe codes, leaving the session open', async () => {
    const session = await env.stripe.checkout.sessions.create(sessionParams());
    const declined = await env.control.pay(session.id, { card_number: '4000000000000002' });
    expect(declined).toMatchObject({ ok: false, code: 'card_declined', message: 'Your card has been declined.' });
    const funds = await env.control.pay(session.id, { card_number: '4000 0000 0000 9995' });
    expect(funds).toMatchObject({ ok: false, code: 'card_declined', message: 'Your card has insufficient funds.' });
    const open = await env.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(open.status).toBe('open');
    const pi = open.payment_intent as Stripe.PaymentIntent;
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.last_payment_error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' });
    const ok = await env.control.pay(session.id);
    expect(ok.ok).toBe(true);
    const failed = await env.stripe.events.list({ type: 'payment_intent.payment_failed' });
    expect(failed.data).toHaveLength(2);
    await until(() => receiver.received.find((r) => r.type === 'checkout.session.completed'));
    expect(receiver.received.filter((r) => r.type === 'checkout.session.completed')).toHaveLength(1);
  });

  it('retries a delivery answered non-2xx, on the backoff schedule', async () => {
    receiver.statuses.set('checkout.session.completed', [500, 503]);
    const session = await env.stripe.checkout.sessions.create(sessionParams());
    await env.control.pay(session.id);
    const count = () => receiver.received.filter((r) => r.type === 'checkout.session.completed').length;
    await until(() => count() === 1);
    await new Promise((r) => setTimeout(r, 50));
    await env.control.advanceClock(1000);
    await until(() => count() === 2);
    await new Promise((r) => setTimeout(r, 50));
    await env.control.advanceClock(2000);
    await until(() => count() === 3);
    await new Promise((r) => setTimeout(r, 50));
    const [delivery] = await env.control.deliveries({ type: 'checkout.session.completed' });
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(delivery?.state).toBe('succeeded');
    const ids = new Set(receiver.received.filter((r) => r.type === 'checkout.session.completed').map((r) => r.id));
    expect(ids.size).toBe(1);
  });

  it('drops, duplicates and delays deliveries on request', async () => {
    await env.control.deliveryFault('drop', { type: 'checkout.session.completed' });
    const a = await env.stripe.checkout.sessions.create(sessionParams());
    await env.control.pay(a.id);
    await env.control.deliveryFault('duplicate', { type: 'checkout.session.completed' });
    const b = await env.stripe.checkout.sessions.create(sessionParams());
    await env.control.pay(b.id);
    await env.control.deliveryFault('delay', { type: 'checkout.session.completed', ms: 60_000 });
    const c = await env.stripe.checkout.sessions.create(sessionParams());
    await env.control.pay(c.id);
    await until(() => receiver.received.filter((r) => r.type === 'checkout.session.completed').length >= 2 || undefined);
    await new Promise((r) => setTimeout(r, 100));
    const completedFor = (id: string) => receiver.received.filter((r) => r.type === 'checkout.session.completed' && JSON.parse(r.body).data.object.id === id);
    expect(completedFor(a.id)).toHaveLength(0);
    expect(completedFor(b.id)).toHaveLength(2);
    expect(completedFor(b.id)[0]?.id).toBe(completedFor(b.id)[1]?.id);
    expect(completedFor(c.id)).toHaveLength(0);
    await env.control.advanceClock(60_000);
    await until(() => completedFor(c.id).length === 1 || undefined);
    const dropped = await env.control.deliveries({ state: 'dropped' });
    expect(dropped).toHaveLength(1);
    await env.control.deliverNow(dropped[0]!.id);
    await until(() => completedFor(a.id).length === 1 || undefined);
  });
});

describe('refunds', () => {
  async function paidIntent(currency = 'usd', amount = 2000): Promise<string> {
    const session = await env.stripe.checkout.sessions.create(sessionParams({ line_items: [{ price_data: { currency, unit_amount: amount, product_data: { name: 'Gift card' } }, quantity: 1 }] }));
    await env.control.pay(session.id);
    return (await env.stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
  }

  it('refunds partly then fully, and refuses more than what is left', async () => {
    const pi = await paidIntent();
    const part = await env.stripe.refunds.create({ payment_intent: pi, amount: 500, reason: 'requested_by_customer', metadata: { order_id: '42' } }, { idempotencyKey: 'refund-42-500' });
    expect(part.id).toMatch(/^re_/);
    expect(part).toMatchObject({ object: 'refund', amount: 500, status: 'succeeded', payment_intent: pi, currency: 'usd', metadata: { order_id: '42' } });
    const replay = await env.stripe.refunds.create({ payment_intent: pi, amount: 500, reason: 'requested_by_customer', metadata: { order_id: '42' } }, { idempotencyKey: 'refund-42-500' });
    expect(replay.id).toBe(part.id);
    const tooMuch = await expectStripeError(env.stripe.refunds.create({ payment_intent: pi, amount: 1600 }));
    expect(tooMuch).toMatchObject({ type: 'StripeInvalidRequestError', code: 'amount_too_large', param: 'amount' });
    expect(tooMuch.message).toBe('Refund amount ($16.00) is greater than unrefunded amount on charge ($15.00)');
    const rest = await env.stripe.refunds.create({ payment_intent: pi });
    expect(rest.amount).toBe(1500);
    const again = await expectStripeError(env.stripe.refunds.create({ payment_intent: pi }));
    expect(again.code).toBe('charge_already_refunded');
    const charge = await env.stripe.charges.retrieve(rest.charge as string);
    expect(charge).toMatchObject({ amount_refunded: 2000, refunded: true });
    const list = await env.stripe.refunds.list({ payment_intent: pi });
    expect(list.data.map((r) => r.id)).toEqual([rest.id, part.id]);
    expect((await env.stripe.refunds.retrieve(part.id)).amount).toBe(500);
    const types = (await env.stripe.events.list({ types: ['refund.created', 'charge.refunded'] })).data.map((e) => e.type);
    expect(types).toEqual(['charge.refunded', 'refund.created', 'charge.refunded', 'refund.created']);
    expect(await env.control.totals()).toEqual({ usd: { captured: 2000, refunded: 2000, net: 0, payments: 1, refunds: 2 } });
  });

  it('refunds zero-decimal amounts in whole units', async () => {
    const pi = await paidIntent('jpy', 1500);
    const refund = await env.stripe.refunds.create({ payment_intent: pi, amount: 500 });
    expect(refund).toMatchObject({ amount: 500, currency: 'jpy' });
    const error = await expectStripeError(env.stripe.refunds.create({ payment_intent: pi, amount: 1001 }));
    expect(error.message).toBe('Refund amount (¥1,001) is greater than unrefunded amount on charge (¥1,000)');
  });

  it('refuses refunds of unpaid intents and unknown ids', async () => {
    const session = await env.stripe.checkout.sessions.create(sessionParams());
    await env.control.pay(session.id, { card_number: '4000000000000002' });
    const pi = (await env.stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    const unpaid = await expectStripeError(env.stripe.refunds.create({ payment_intent: pi }));
    expect(unpaid.statusCode).toBe(400);
    const missing = await expectStripeError(env.stripe.refunds.create({ payment_intent: 'pi_nope' }));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const neither = await expectStripeError(env.stripe.refunds.create({}));
    expect(neither.statusCode).toBe(400);
  });

  it('fails the next refund on request: refused at once, or failed later with refund.failed', async () => {
    const pi = await paidIntent();
    await env.control.failNextRefund({ mode: 'error' });
    const refused = await expectStripeError(env.stripe.refunds.create({ payment_intent: pi, amount: 100 }, { idempotencyKey: 'r-1' }));
    expect(refused).toMatchObject({ statusCode: 402, code: 'refund_declined' });
    // The refusal is saved under its key (the endpoint ran): the same call gets the same answer.
    const replayed = await expectStripeError(env.stripe.refunds.create({ payment_intent: pi, amount: 100 }, { idempotencyKey: 'r-1' }));
    expect(replayed.code).toBe('refund_declined');
    await env.control.failNextRefund({ mode: 'async' });
    const pending = await env.stripe.refunds.create({ payment_intent: pi, amount: 100 });
    expect(pending.status).toBe('pending');
    await env.control.advanceClock(5000);
    expect(await env.stripe.refunds.retrieve(pending.id)).toMatchObject({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
    const failed = await until(() => receiver.received.find((r) => r.type === 'refund.failed'));
    expect(env.stripe.webhooks.constructEvent(failed.body, failed.signature, WEBHOOK_SECRET).data.object).toMatchObject({ id: pending.id, status: 'failed' });
    expect((await env.control.totals()).usd?.refunded).toBe(0);
  });

  it('answers injected 5xx faults without saving them, so a retry with the same key succeeds', async () => {
    const pi = await paidIntent();
    await env.control.apiFault('/v1/refunds', { status: 500 });
    const error = await expectStripeError(env.stripe.refunds.create({ payment_intent: pi }, { idempotencyKey: 'r-2' }));
    expect(error).toMatchObject({ type: 'StripeAPIError', statusCode: 500 });
    const ok = await env.stripe.refunds.create({ payment_intent: pi }, { idempotencyKey: 'r-2' });
    expect(ok.status).toBe('succeeded');
  });
});

describe('events and lists', () => {
  it('pages newest first with starting_after', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await env.stripe.checkout.sessions.create(sessionParams())).id);
    const first = await env.stripe.checkout.sessions.list({ limit: 2 });
    expect(first.data.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const second = await env.stripe.checkout.sessions.list({ limit: 2, starting_after: ids[1] });
    expect(second.data.map((s) => s.id)).toEqual([ids[0]]);
    expect(second.has_more).toBe(false);
    const all: string[] = [];
    for await (const s of env.stripe.checkout.sessions.list({ limit: 1 })) all.push(s.id);
    expect(all).toEqual([...ids].reverse());
  });

  it('keeps the default key usable from the exported constant', () => {
    expect(DEFAULT_SECRET_KEY.startsWith('sk_test_')).toBe(true);
  });
});
