import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, cardPayments, cardRefunds, operatorAlerts, orders, users } from '@/db/schema';
import { getCustomerBalance } from '@/lib/ledger';
import { Decimal } from '@/lib/money';
import type { OrderContext } from '@/lib/orders/context';
import { cancelOnReturn, checkoutUrlForOrder, settleCheckoutSession, sweepOpenPayments, verifyOnReturn } from '@/lib/orders/card-payment';
import { refreshOrder } from '@/lib/orders/fulfilment';
import { cancelUnpaidOrderAsOperator } from '@/lib/orders/operator';
import { recordNewOrder } from '@/lib/orders/record';
import { sendDueRefunds } from '@/lib/payments/card';
import { receiveStripeWebhook } from '@/lib/payments/webhook';
import { startStripeSandbox, DEFAULT_WEBHOOK_SECRET, type RunningStripeSandbox } from '@/sandbox/stripe/server';
import { StripeSandboxControl } from '@/sandbox/stripe/client';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { insertProduct } from '@/test/helpers/orders';
import { eventually, setupSandbox, testClient } from '@/test/helpers/sandbox';

const harness = setupSandbox({ topupDelayMs: 30_000 });
let database: TestDatabase;
let ctx: OrderContext;
let stripeSandbox: RunningStripeSandbox;
let stripeControl: StripeSandboxControl;
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  stripeSandbox = await startStripeSandbox({ port: 0, timeScale: 0.001 });
  stripeControl = new StripeSandboxControl(stripeSandbox.url);
  // Before the first env() read: the SDK talks to this stand-in with its default keys.
  process.env.STRIPE_API_URL = stripeSandbox.url;
  ctx = { db: database.db, supplier: testClient(harness.sandbox.url, { timeoutMs: 5_000, logger: false }).client };
  // The storefront's webhook route, served as the real one is: raw body in, status out.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: 'POST',
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const response = await receiveStripeWebhook(request, ctx);
      res.statusCode = response.status;
      res.end(await response.text());
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/stripe`;
  await stripeControl.addWebhookEndpoint(receiverUrl, { secret: DEFAULT_WEBHOOK_SECRET });
});
afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await stripeSandbox?.close();
  await database?.destroy();
});
beforeEach(async () => {
  await stripeControl.clearDeliveryFaults();
  await stripeControl.clearFaults();
});

const pubg = { vertical: 'topup', upstreamId: 4218, name: 'PUBG Mobile UC', faceAmount: '4.99', retail: '5.49', wholesale: '4.7405' } as const;

/** A guest's card order as checkout writes it: AWAITING_PAYMENT, with its Checkout Session. */
async function cardOrder(playerId = '5123456789') {
  const { product, variant } = await insertProduct(ctx.db, { ...pubg });
  const id = randomUUID();
  const recorded = await recordNewOrder(ctx, {
    id,
    userId: null,
    guestEmail: `guest-${id}@example.com`,
    paymentProvider: 'card',
    card: { email: `guest-${id}@example.com`, successUrl: `http://store.test/orders/${id}?paid={CHECKOUT_SESSION_ID}`, cancelUrl: `http://store.test/orders/${id}?payment=cancelled` },
    vertical: 'topup',
    productId: product.id,
    variantId: variant.id,
    productName: product.name,
    variantName: variant.name,
    checkoutToken: randomUUID(),
    quantity: 1,
    faceAmount: pubg.faceAmount,
    faceCurrency: 'USD',
    inputData: { player_id: playerId, server: 'asia' },
    recipient: playerId,
    retailAmount: new Decimal(pubg.retail).toFixed(),
    retailCurrency: 'USD',
    wholesaleAmount: pubg.wholesale,
    wholesaleCurrency: 'USD',
    walletId: 1,
    markupPercent: '10',
  });
  if (recorded.kind !== 'awaiting_payment') throw new Error(recorded.kind);
  const url = await checkoutUrlForOrder(ctx, recorded.order);
  expect(url).toContain('/c/pay/');
  const [payment] = await ctx.db.select().from(cardPayments).where(eq(cardPayments.orderId, id));
  return { order: recorded.order, payment: payment! };
}

const reload = async (id: string) => (await ctx.db.select().from(orders).where(eq(orders.id, id)))[0]!;
const paymentOf = async (orderId: string) => (await ctx.db.select().from(cardPayments).where(eq(cardPayments.orderId, orderId)))[0]!;
const supplierOrders = (clientReference: string) => harness.control.listOrders({ clientReference });
async function deliveriesOf(sessionId: string) {
  const events = (await stripeControl.events('checkout.session.completed')).filter((event) => JSON.stringify(event.data).includes(sessionId));
  const ids = new Set(events.map((event) => event.id));
  return (await stripeControl.deliveries({ type: 'checkout.session.completed' })).filter((delivery) => ids.has(delivery.eventId));
}

describe('card orders: paid once, sent once, whoever confirms first', () => {
  it('the session is created with the order named and an idempotency key derived from it', async () => {
    const { order, payment } = await cardOrder();
    const [session] = await stripeControl.sessions({ client_reference_id: order.id });
    expect(session).toMatchObject({ client_reference_id: order.id, amount_total: 549, currency: 'usd', status: 'open' });
    expect(session).toMatchObject({ metadata: { order_id: order.id } });
    // Asking again (a second tab, a retry) gives the same session, never a second one.
    expect(await checkoutUrlForOrder(ctx, await reload(order.id))).toBe(payment.checkoutUrl);
    await ctx.db.update(cardPayments).set({ checkoutSessionId: null, checkoutUrl: null }).where(eq(cardPayments.id, payment.id));
    await checkoutUrlForOrder(ctx, await reload(order.id));
    expect(await stripeControl.sessions({ client_reference_id: order.id })).toHaveLength(1);
    expect((await paymentOf(order.id)).checkoutSessionId).toBe(payment.checkoutSessionId);
  });

  it('webhook before the return: paid and sent once; the return then changes nothing', async () => {
    const { order, payment } = await cardOrder();
    expect((await stripeControl.pay(payment.checkoutSessionId!)).ok).toBe(true);
    const submitted = await eventually(async () => {
      const current = await reload(order.id);
      return current.status !== 'AWAITING_PAYMENT' ? current : undefined;
    });
    expect(submitted.paymentReference).toMatch(/^pi_/);
    await verifyOnReturn(ctx, await paymentOf(order.id));
    await eventually(async () => ((await supplierOrders(order.clientReference)).length === 1 ? true : undefined));
    const delivered = await eventually(async () => {
      const current = await refreshOrder(ctx, order.id, 'poll');
      return current.status === 'DELIVERED' ? current : undefined;
    });
    expect(delivered.refundedAt).toBeNull();
    expect(await supplierOrders(order.clientReference)).toHaveLength(1);
  });

  it('duplicated webhooks: paid once, supplier once', async () => {
    await stripeControl.deliveryFault('duplicate', { type: 'checkout.session.completed', times: 3 });
    const { order, payment } = await cardOrder();
    await stripeControl.pay(payment.checkoutSessionId!);
    await eventually(async () => ((await deliveriesOf(payment.checkoutSessionId!)).length >= 2 ? true : undefined));
    await eventually(async () => ((await supplierOrders(order.clientReference)).length === 1 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await supplierOrders(order.clientReference)).toHaveLength(1);
    expect((await reload(order.id)).status).not.toBe('AWAITING_PAYMENT');
  });

  it('webhook never arrives: the return verifies the session; a very late webhook changes nothing', async () => {
    await stripeControl.holdDeliveries();
    const { order, payment } = await cardOrder();
    await stripeControl.pay(payment.checkoutSessionId!);
    expect((await reload(order.id)).status).toBe('AWAITING_PAYMENT');
    const outcome = await verifyOnReturn(ctx, await paymentOf(order.id));
    expect(outcome?.confirmed).toBe(true);
    expect(await supplierOrders(order.clientReference)).toHaveLength(1);
    // Out of order and late: everything held is delivered now, newest first.
    const held = (await stripeControl.deliveries()).filter((delivery) => delivery.state !== 'succeeded').reverse();
    for (const delivery of held) await stripeControl.deliverNow(delivery.id);
    await stripeControl.releaseDeliveries();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await supplierOrders(order.clientReference)).toHaveLength(1);
  });

  it('neither webhook nor return: the sweeper finds the paid session', async () => {
    await stripeControl.deliveryFault('drop', { type: 'checkout.session.completed' });
    const { order, payment } = await cardOrder();
    await stripeControl.pay(payment.checkoutSessionId!);
    await ctx.db.update(cardPayments).set({ updatedAt: new Date(Date.now() - 120_000) }).where(eq(cardPayments.id, payment.id));
    await sweepOpenPayments(ctx);
    expect((await paymentOf(order.id)).status).toBe('paid');
    await eventually(async () => ((await supplierOrders(order.clientReference)).length === 1 ? true : undefined));
  });

  it('a forged or stale signature gets 400 and changes nothing', async () => {
    const { order, payment } = await cardOrder();
    const body = JSON.stringify({ id: 'evt_forged', type: 'checkout.session.completed', data: { object: { id: payment.checkoutSessionId } } });
    const forged = await fetch(receiverUrl, { method: 'POST', body, headers: { 'stripe-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` } });
    expect(forged.status).toBe(400);
    const unsigned = await fetch(receiverUrl, { method: 'POST', body });
    expect(unsigned.status).toBe(400);
    const { createHmac } = await import('node:crypto');
    const stale = Math.floor(Date.now() / 1000) - 3600;
    const signature = createHmac('sha256', DEFAULT_WEBHOOK_SECRET).update(`${stale}.${body}`).digest('hex');
    const old = await fetch(receiverUrl, { method: 'POST', body, headers: { 'stripe-signature': `t=${stale},v1=${signature}` } });
    expect(old.status).toBe(400);
    expect((await reload(order.id)).status).toBe('AWAITING_PAYMENT');
  });

  it('cancel on the hosted page ends the order unpaid, with no supplier call and no later payment', async () => {
    const { order, payment } = await cardOrder();
    await cancelOnReturn(ctx, payment);
    const cancelled = await reload(order.id);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.statusText).toMatch(/cancelled the payment/);
    expect(await supplierOrders(order.clientReference)).toHaveLength(0);
    const attempt = await stripeControl.pay(payment.checkoutSessionId!).catch((error: Error) => ({ ok: false, message: error.message }));
    expect(attempt.ok).toBe(false);
  });

  it('a declined card leaves the order waiting: nothing sent, the customer can try again', async () => {
    const { order, payment } = await cardOrder();
    const declined = await stripeControl.pay(payment.checkoutSessionId!, { card_number: '4000000000000002' });
    expect(declined.ok).toBe(false);
    await verifyOnReturn(ctx, await paymentOf(order.id));
    expect((await reload(order.id)).status).toBe('AWAITING_PAYMENT');
    expect(await supplierOrders(order.clientReference)).toHaveLength(0);
    expect((await stripeControl.pay(payment.checkoutSessionId!)).ok).toBe(true);
    await verifyOnReturn(ctx, await paymentOf(order.id));
    await eventually(async () => ((await supplierOrders(order.clientReference)).length === 1 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await supplierOrders(order.clientReference)).toHaveLength(1);
  });
});

describe('refunds to the card', () => {
  it('a failed order is refunded once, retried with the same key after a failed call; captured − refunded = takings', async () => {
    await stripeControl.holdDeliveries();
    const { order, payment } = await cardOrder('5123000500');
    await stripeControl.pay(payment.checkoutSessionId!);
    await verifyOnReturn(ctx, await paymentOf(order.id));
    const failed = await eventually(async () => {
      const current = await refreshOrder(ctx, order.id, 'poll');
      return ['FAILED', 'REJECTED', 'CANCELLED'].includes(current.status) ? current : undefined;
    }, 10_000);
    expect(failed.refundedAt).not.toBeNull();
    const [written] = await ctx.db.select().from(cardRefunds).where(eq(cardRefunds.orderId, order.id));
    expect(written).toMatchObject({ status: 'to_send', amountMinor: 549, idempotencyKey: `refund:${order.id}:549` });

    await stripeControl.apiFault('/v1/refunds', { kind: 'drop', count: 5 });
    await sendDueRefunds(ctx.db);
    expect((await ctx.db.select().from(cardRefunds).where(eq(cardRefunds.orderId, order.id)))[0]!.status).toBe('to_send');
    await stripeControl.clearFaults();
    await ctx.db.update(cardRefunds).set({ nextAttemptAt: new Date(0) }).where(eq(cardRefunds.orderId, order.id));
    await sendDueRefunds(ctx.db);
    await sendDueRefunds(ctx.db);
    const [sent] = await ctx.db.select().from(cardRefunds).where(eq(cardRefunds.orderId, order.id));
    expect(sent!.stripeRefundId).toMatch(/^re_/);
    expect(sent!.status).toBe('succeeded');
    const refunds = (await stripeControl.refunds()).filter((refund) => JSON.stringify(refund).includes(order.id));
    expect(refunds).toHaveLength(1);
    // Late webhooks and a second look change nothing.
    await stripeControl.releaseDeliveries();
    await refreshOrder(ctx, order.id, 'poll');
    expect(await ctx.db.select().from(cardRefunds).where(eq(cardRefunds.orderId, order.id))).toHaveLength(1);
    expect(await supplierOrders(order.clientReference)).toHaveLength(1);
    // The stand-in's books and ours agree: captured − refunded = the store's card takings.
    const paid = await ctx.db.select().from(cardPayments).where(eq(cardPayments.status, 'paid'));
    const refunded = await ctx.db.select().from(cardRefunds).where(eq(cardRefunds.status, 'succeeded'));
    const takings = paid.reduce((sum, row) => sum + row.amountMinor, 0) - refunded.reduce((sum, row) => sum + row.amountMinor, 0);
    const totals = await stripeControl.totals();
    const usd = totals.usd ?? totals.USD!;
    expect(usd.captured - usd.refunded).toBe(takings);
  });

  it('a refund Stripe refuses raises an operator alert', async () => {
    const { order, payment } = await cardOrder('5123000500');
    await stripeControl.pay(payment.checkoutSessionId!);
    await verifyOnReturn(ctx, await paymentOf(order.id));
    await eventually(async () => {
      const current = await refreshOrder(ctx, order.id, 'poll');
      return current.refundedAt ? current : undefined;
    }, 10_000);
    await stripeControl.failNextRefund({ mode: 'error' });
    await sendDueRefunds(ctx.db);
    const [refund] = await ctx.db.select().from(cardRefunds).where(eq(cardRefunds.orderId, order.id));
    expect(refund!.status).toBe('refused');
    const alerts = await ctx.db.select().from(operatorAlerts).where(eq(operatorAlerts.kind, 'refund_refused'));
    expect(alerts.some((alert) => alert.details.orderId === order.id)).toBe(true);
  });
});

describe('an operator cancels an order still waiting for payment', () => {
  let operator: { id: string; email: string };
  beforeAll(async () => {
    const [row] = await ctx.db.insert(users).values({ email: 'ops@example.com', role: 'operator' }).returning();
    operator = { id: row!.id, email: row!.email };
  });

  it('ends it unpaid, expires its session at Stripe, and the customer can no longer pay', async () => {
    const { order, payment } = await cardOrder();
    const result = await cancelUnpaidOrderAsOperator(ctx, order.id, operator, 'Customer asked by phone');
    expect(result).toMatchObject({ kind: 'cancelled', stripe: 'expired', order: { status: 'CANCELLED' } });
    expect((await reload(order.id)).statusText).toMatch(/Cancelled by the store before payment/);
    expect((await paymentOf(order.id)).status).toBe('expired');
    const [session] = await stripeControl.sessions({ client_reference_id: order.id });
    expect(session).toMatchObject({ status: 'expired' });
    const attempt = await stripeControl.pay(payment.checkoutSessionId!).catch((error: Error) => ({ ok: false, message: error.message }));
    expect(attempt.ok).toBe(false);
    expect(await supplierOrders(order.clientReference)).toHaveLength(0);
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.targetId, order.id))).toMatchObject([{ action: 'order.cancel_unpaid', reason: 'Customer asked by phone' }]);
    // A second press finds it no longer waiting.
    expect(await cancelUnpaidOrderAsOperator(ctx, order.id, operator, 'again')).toMatchObject({ kind: 'not_awaiting' });
  });

  it('a payment that got through before the expiry is refunded to the card once, never sent to the supplier', async () => {
    await stripeControl.holdDeliveries();
    const { order, payment } = await cardOrder();
    // Paid on Stripe's page a moment before the operator pressed Cancel; no webhook has come yet.
    expect((await stripeControl.pay(payment.checkoutSessionId!)).ok).toBe(true);
    const result = await cancelUnpaidOrderAsOperator(ctx, order.id, operator, 'Duplicate order');
    expect(result).toMatchObject({ kind: 'cancelled', stripe: 'paid_late', order: { status: 'CANCELLED' } });
    expect((await paymentOf(order.id)).status).toBe('paid');
    // The late webhooks, the return page and the sweeper change nothing more.
    await stripeControl.releaseDeliveries();
    await verifyOnReturn(ctx, await paymentOf(order.id));
    await ctx.db.update(cardPayments).set({ updatedAt: new Date(Date.now() - 120_000) }).where(eq(cardPayments.id, payment.id));
    await sweepOpenPayments(ctx);
    await sendDueRefunds(ctx.db);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await reload(order.id)).status).toBe('CANCELLED');
    expect(await supplierOrders(order.clientReference)).toHaveLength(0);
    const refunds = await ctx.db.select().from(cardRefunds).where(eq(cardRefunds.orderId, order.id));
    expect(refunds).toMatchObject([{ amountMinor: 549, status: 'succeeded' }]);
    expect((await stripeControl.refunds()).filter((refund) => JSON.stringify(refund).includes(order.id))).toHaveLength(1);
  });

  it('refuses an order that was paid first', async () => {
    const { order, payment } = await cardOrder();
    await stripeControl.pay(payment.checkoutSessionId!);
    await verifyOnReturn(ctx, await paymentOf(order.id));
    expect(await cancelUnpaidOrderAsOperator(ctx, order.id, operator, 'Too late')).toMatchObject({ kind: 'not_awaiting' });
    expect((await reload(order.id)).status).not.toBe('CANCELLED');
  });
});

describe('adding funds by card', () => {
  it('credits the ledger once, whether the webhook or the return comes first', async () => {
    const { users } = await import('@/db/schema');
    const [user] = await ctx.db.insert(users).values({ email: `adder-${randomUUID()}@example.com` }).returning();
    const [payment] = await ctx.db
      .insert(cardPayments)
      .values({
        purpose: 'add_funds',
        userId: user!.id,
        email: user!.email,
        amount: '20',
        currency: 'USD',
        amountMinor: 2000,
        successUrl: 'http://store.test/account/add-funds?ok',
        cancelUrl: 'http://store.test/account/add-funds?cancel',
        expiresAt: new Date(Date.now() + 3_600_000),
      })
      .returning();
    const { ensureCheckoutSession, retrieveCheckoutSession } = await import('@/lib/payments/card');
    const ready = await ensureCheckoutSession(ctx.db, payment!, { name: 'Add $20.00' });
    await stripeControl.pay(ready.checkoutSessionId!);
    const session = await retrieveCheckoutSession(ready.checkoutSessionId!);
    await settleCheckoutSession(ctx, session, 'return');
    await settleCheckoutSession(ctx, session, 'webhook');
    await eventually(async () => ((await deliveriesOf(ready.checkoutSessionId!)).some((delivery) => delivery.state === 'succeeded') ? true : undefined));
    expect((await getCustomerBalance(ctx.db, user!.id, 'USD')).toFixed(2)).toBe('20.00');
  });
});
