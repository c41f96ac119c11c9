/**
 * Card orders in the fault campaign (issue 16): the Stripe stand-in beside the store, customers
 * and guests paying on its hosted page through the control API (as the page's Pay button does),
 * Stripe-side chaos (webhook deliveries delayed, dropped, duplicated, failed, held and released
 * out of order; API calls failed or answered into a dropped connection), and the invariants that
 * hold the store's card books to Stripe's.
 */
import type postgres from 'postgres';
import { Decimal, roundToMinor } from '@/lib/money';
import { toStripeAmount } from '@/lib/payments/amounts';
import type { ControlOrder } from '@/sandbox/control';
import { StripeSandboxControl, type Totals } from '@/sandbox/stripe/client';
import { DEFAULT_SECRET_KEY, startStripeSandbox, type RunningStripeSandbox } from '@/sandbox/stripe/server';
import { freePort, sleep } from './processes';
import { prng } from './report';
import type { CheckoutFields, StoreActions, StorefrontClient } from './storefront-client';

const WEBHOOK_SECRET = 'whsec_fault_campaign_0123456789abcdefghijkl';

/** How a card purchase goes on Stripe's page. */
export type CardScenario =
  | 'paid_return' // pays 4242, comes back to the success URL (racing the webhook)
  | 'paid_no_return' // pays, closes the tab: only the webhook or the sweeper can tell the store
  | 'paid_two_tabs' // presses Pay in two tabs, pays in both, comes back twice at once
  | 'declined_then_paid' // 4000 0000 0000 0002 declined, then 4242
  | 'declined_abandoned' // 4000 0000 0000 9995 (insufficient funds), gives up: the session expires
  | 'cancelled' // presses Back on Stripe's page (the cancel URL)
  | 'abandoned'; // never pays, never returns: the session expires

/** Scenarios in turn (weights by repetition), so even a smoke run meets every one. */
const SCENARIO_CYCLE: CardScenario[] = [
  'paid_return',
  'cancelled',
  'paid_no_return',
  'declined_then_paid',
  'abandoned',
  'paid_two_tabs',
  'paid_return',
  'declined_abandoned',
  'paid_no_return',
  'paid_return',
  'declined_then_paid',
  'cancelled',
  'paid_two_tabs',
  'abandoned',
];

export const isPaidScenario = (scenario: CardScenario) => scenario.startsWith('paid') || scenario === 'declined_then_paid';

export const CARDS = { ok: '4242 4242 4242 4242', declined: '4000 0000 0000 0002', insufficient: '4000 0000 0000 9995' } as const;

export type StripeStandIn = {
  url: string;
  control: StripeSandboxControl;
  /** What the storefront needs to talk to this stand-in. */
  storeEnv: Record<string, string>;
  /** Registers the store's webhook endpoint (once the store's port is known). */
  registerStore(storeUrl: string): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The stand-in in this process (it is light next to the store), on a free loopback port, with
 * webhook retries scaled down so a retry schedule fits into the run (50 ms ... 108 s).
 */
export async function startStripeStandIn(): Promise<StripeStandIn> {
  const running: RunningStripeSandbox = await startStripeSandbox({ port: await freePort(), host: '127.0.0.1', timeScale: 0.01, webhookTimeoutMs: 8_000, accountName: 'Bench Store' });
  const control = new StripeSandboxControl(running.url);
  return {
    url: running.url,
    control,
    storeEnv: { STRIPE_API_URL: running.url, STRIPE_SECRET_KEY: DEFAULT_SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET },
    async registerStore(storeUrl) {
      await control.addWebhookEndpoint(`${storeUrl}/api/webhooks/stripe`, { secret: WEBHOOK_SECRET });
    },
    stop: () => running.close(),
  };
}

type Session = { id: string; status: string; client_reference_id: string | null; success_url: string; cancel_url: string; payment_status: string };

/** A Checkout Session as the store's SDK sees it (the API, with the store's secret key). */
async function retrieveSession(stripeUrl: string, id: string): Promise<Session> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${stripeUrl}/v1/checkout/sessions/${encodeURIComponent(id)}`, { headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` } }).catch(() => undefined);
    // The chaos may fail this path for a moment (it is an API fault for the store too): try again.
    if (response?.ok) return (await response.json()) as Session;
    if (attempt >= 20) throw new Error(`cannot retrieve session ${id}: ${response?.status ?? 'no answer'}`);
    await sleep(250);
  }
}

/** The store path of a return URL (its origin is the store's PUBLIC_URL, not the bench's port). */
const storePath = (url: string, sessionId: string) => {
  const parsed = new URL(url.replace('{CHECKOUT_SESSION_ID}', sessionId));
  return `${parsed.pathname}${parsed.search}`;
};

export type CardPurchaseResult =
  | { kind: 'placed'; orderId: string; sessionId: string; paid: boolean; placeMs: number; steps: string[] }
  | { kind: 'refused'; stage: 'review' | 'place' | 'stripe'; message: string; status: number };

/** What a guest gives at checkout: an email; a signed-in customer gives nothing more. */
export type CardBuyer = { guestEmail?: string };

/**
 * Review, Pay by card, then on Stripe's page what the scenario says. The store redirects Pay to
 * the hosted page; a store that could not reach Stripe sends the customer to the order page,
 * whose "Pay by card" button opens the page again (payOrderAction).
 */
export async function purchaseByCard(
  client: StorefrontClient,
  actions: StoreActions & { payOrder: { id: string } },
  productPath: string,
  fields: CheckoutFields,
  buyer: CardBuyer,
  scenario: CardScenario,
  stripe: StripeStandIn,
): Promise<CardPurchaseResult> {
  const inputs = Object.fromEntries(Object.entries(fields.inputData ?? {}).map(([name, text]) => [`input.${name}`, text]));
  const form: Record<string, string> = { productId: fields.productId, variantId: fields.variantId, ...inputs };
  if (fields.quantity !== undefined) form.quantity = fields.quantity;
  const review = await client.action(productPath, actions.review.id, form);
  const summary = review.state?.review as { checkoutToken?: string; expectedRetail?: string } | undefined;
  if (review.state?.status !== 'success' || !summary?.checkoutToken || !summary.expectedRetail) {
    return { kind: 'refused', stage: 'review', status: review.status, message: String(review.state?.message ?? review.body.slice(0, 300)) };
  }
  const placeForm = { ...form, checkoutToken: summary.checkoutToken, expectedRetail: summary.expectedRetail, payWith: 'card', ...(buyer.guestEmail ? { email: buyer.guestEmail } : {}) };
  const place = await client.action(productPath, actions.place.id, placeForm, review.state);
  let checkoutUrl = place.redirect;
  if (!checkoutUrl) return { kind: 'refused', stage: 'place', status: place.status, message: String(place.state?.message ?? place.body.slice(0, 300)) };
  const steps: string[] = [];
  const orderPage = checkoutUrl.match(/^(?:https?:\/\/[^/]+)?(\/orders\/([0-9a-f-]{36})(?:\?access=([^&]+))?)/);
  if (orderPage) {
    // Stripe was unreachable when the order was written: the order page offers the card again.
    steps.push('pay again from the order page');
    const again = await client.action(orderPage[1]!, actions.payOrder.id, { orderId: orderPage[2]!, ...(orderPage[3] ? { access: decodeURIComponent(orderPage[3]) } : {}) });
    checkoutUrl = again.redirect;
    if (!checkoutUrl?.includes('/c/pay/')) return { kind: 'refused', stage: 'stripe', status: again.status, message: `order ${orderPage[2]} left unpaid: ${String(again.state?.message ?? '')}` };
  }
  const sessionId = checkoutUrl.match(/\/c\/pay\/(cs_[A-Za-z0-9_]+)/)?.[1];
  if (!sessionId) return { kind: 'refused', stage: 'place', status: place.status, message: `Pay by card went to ${checkoutUrl}` };
  const session = await retrieveSession(stripe.url, sessionId);
  const orderId = session.client_reference_id!;
  // The store may be down (killed) as the customer comes back: then only the webhook or the sweeper can tell it.
  const visit = async (url: string) => {
    try {
      await client.get(storePath(url, sessionId), 'text/html');
    } catch {
      steps.push('came back while the store was down');
    }
  };
  const back = () => visit(session.success_url);

  const pay = async (card: string) => {
    const answer = await stripe.control.pay(sessionId, { card_number: card, email: buyer.guestEmail ?? 'bench@bench.test' });
    steps.push(`${card.slice(-4)}: ${answer.ok ? 'paid' : (answer.code ?? answer.message ?? 'refused')}`);
    return answer.ok;
  };
  let paid = false;
  switch (scenario) {
    case 'paid_return':
      paid = await pay(CARDS.ok);
      await back();
      break;
    case 'paid_no_return':
      paid = await pay(CARDS.ok);
      break;
    case 'paid_two_tabs': {
      // The second tab presses Pay on the same checkout: the same order and the same session.
      const second = await client.action(productPath, actions.place.id, placeForm, review.state);
      if (second.redirect && !second.redirect.includes(sessionId)) steps.push(`second tab got another page: ${second.redirect}`);
      const [first, other] = await Promise.all([stripe.control.pay(sessionId, { card_number: CARDS.ok }), stripe.control.pay(sessionId, { card_number: CARDS.ok })]);
      paid = first.ok || other.ok;
      steps.push(`two tabs: ${[first, other].filter((answer) => answer.ok).length} paid`);
      await Promise.all([back(), back()]);
      break;
    }
    case 'declined_then_paid':
      await pay(CARDS.declined);
      paid = await pay(CARDS.ok);
      await back();
      break;
    case 'declined_abandoned':
      await pay(CARDS.insufficient);
      break;
    case 'cancelled':
      await visit(session.cancel_url);
      break;
    case 'abandoned':
      break;
  }
  return { kind: 'placed', orderId, sessionId, paid, placeMs: place.ms, steps };
}

/** Picks card or balance for each purchase, and a scenario for each card one, from its own stream. */
export function cardPlanner(seed: number, cardShare: number, guestShare: number) {
  const random = prng(seed + 16);
  let cards = 0;
  return {
    next(): { payWith: 'balance' } | { payWith: 'card'; scenario: CardScenario; guest: boolean } {
      if (random() >= cardShare) return { payWith: 'balance' };
      const scenario = SCENARIO_CYCLE[cards++ % SCENARIO_CYCLE.length]!;
      return { payWith: 'card', scenario, guest: random() < guestShare };
    },
  };
}

type Tally = Map<string, number>;
const bump = (tally: Tally, key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

/**
 * Stripe-side faults while orders are placed (and the store is killed): webhook deliveries
 * duplicated, delayed (so later events overtake earlier ones), dropped (the sweeper must notice),
 * failed (the stand-in retries), held and then released in a burst; API calls failed or answered
 * into a dropped connection after Stripe acted (the SDK retries with the same idempotency key).
 */
export function startStripeChaos(control: StripeSandboxControl, seed: number) {
  const random = prng(seed + 1616);
  const tally: Tally = new Map();
  let running = true;
  let holding = false;
  const loop = (async () => {
    while (running) {
      await sleep(900);
      if (!running) break;
      if (holding) {
        await control.releaseDeliveries();
        holding = false;
      }
      const roll = random();
      if (roll < 0.22) {
        await control.deliveryFault('duplicate', { count: 3, times: 1 + Math.floor(random() * 2) });
        bump(tally, 'webhook: duplicate (next 3)');
      } else if (roll < 0.42) {
        await control.deliveryFault('delay', { count: 3, ms: 500 + Math.floor(random() * 8_000) });
        bump(tally, 'webhook: delay 0.5-8.5 s (next 3, out of order)');
      } else if (roll < 0.56) {
        await control.deliveryFault('drop', { count: 2 });
        bump(tally, 'webhook: drop (next 2)');
      } else if (roll < 0.68) {
        await control.deliveryFault('fail', { count: 2, times: 1 + Math.floor(random() * 3) });
        bump(tally, 'webhook: fail 1-3 attempts (next 2, retried)');
      } else if (roll < 0.78) {
        await control.deliveryFault('hold', { count: 4 });
        holding = true;
        bump(tally, 'webhook: hold 4, release together (out of order)');
      } else if (roll < 0.86) {
        await control.apiFault('/v1/refunds', { method: 'POST', kind: random() < 0.5 ? 'drop_after' : 'error', status: 500, count: 1 });
        bump(tally, 'API: refund create failed or answer lost');
      } else if (roll < 0.94) {
        await control.apiFault('/v1/checkout/sessions', { method: 'POST', kind: 'drop_after', count: 1 });
        bump(tally, 'API: session create answer lost');
      } else {
        await control.apiFault('/v1/checkout/sessions', { method: 'GET', kind: 'error', status: 503, count: 2 });
        bump(tally, 'API: session retrieve 503 (next 2)');
      }
    }
  })();
  return {
    async stop(): Promise<{ chaos: string; times: number }[]> {
      running = false;
      await loop;
      await control.releaseDeliveries();
      await control.clearDeliveryFaults();
      await control.clearFaults();
      return [...tally.entries()].sort().map(([chaos, times]) => ({ chaos, times }));
    },
  };
}

/**
 * After placing: every session nobody paid reaches its `expires_at` (the stand-in's clock jumps
 * past the store's one-hour lifetime), then the store is given time to hear of everything (the
 * webhooks, else its sweeper) and to send its refunds, and Stripe to finish its retries.
 */
export async function settleStripe(sql: postgres.Sql, stripe: StripeStandIn, timeoutMs: number): Promise<{ seconds: number; left: Record<string, number> }> {
  await stripe.control.advanceClock(2 * 3600 * 1000);
  const started = Date.now();
  let left: Record<string, number> = {};
  while (Date.now() - started < timeoutMs) {
    const [row] = await sql<{ awaiting: string; to_send: string; open: string }[]>`
      select (select count(*) from orders where status in ('AWAITING_PAYMENT', 'SUBMITTING', 'PENDING'))::text as awaiting,
             (select count(*) from card_refunds where status = 'to_send')::text as to_send,
             (select count(*) from card_payments where status in ('created', 'open'))::text as open`;
    const pending = (await stripe.control.deliveries()).filter((d) => d.state === 'scheduled' || d.state === 'retrying').length;
    left = { 'orders not final': Number(row!.awaiting), 'refunds not sent': Number(row!.to_send), 'payments open': Number(row!.open), 'webhooks in flight': pending };
    if (Object.values(left).every((n) => n === 0)) break;
    await sleep(2_000);
  }
  return { seconds: Math.round((Date.now() - started) / 1000), left };
}

type CardOrderRow = {
  id: string;
  number: number;
  status: string;
  client_reference: string;
  upstream_id: number | null;
  vertical: string;
  retail_amount: string;
  retail_currency: string;
  quantity: number;
  delivery: { partial?: boolean; deliveredQuantity?: number };
  payment_provider: string;
  payment_status: string | null;
  payment_intent_id: string | null;
  amount_minor: string | null;
  sessions: string;
  refunds: string;
  refunded_minor: string;
  refunds_unsent: string;
  refunds_refused: string;
  ledger_payments: string;
};

export type CardPlan = { scenario: CardScenario; paidOnStripe: boolean; guest: boolean; kind: string };

/**
 * The card invariants. (a) No supplier order without the money: a card order's supplier order
 * needs a payment Stripe captured (before the supplier order was made), a balance order's a
 * ledger debit. (b) Stripe's captured - refunded equals the store's card takings, per currency,
 * from the store's own books (card_payments, card_refunds). (c) Each card order paid at most
 * once at Stripe, sent to the supplier at most once and only when paid, refunded exactly when
 * it ended without (full) delivery, once, for the right amount; unpaid ones end CANCELLED.
 */
export async function auditCards(sql: postgres.Sql, stripe: StripeStandIn, supplier: ControlOrder[], plans: Map<string, CardPlan>) {
  const details: Record<string, unknown[]> = {};
  const note = (check: string, item: unknown) => (details[check] ??= []).push(item);
  const rows = await sql<CardOrderRow[]>`
    select o.id, o.number, o.status::text, o.client_reference, o.upstream_id, o.vertical, o.retail_amount::text, o.retail_currency, o.quantity,
           o.delivery, o.payment_provider, p.status as payment_status, p.payment_intent_id, p.amount_minor::text,
           (select count(*) from card_payments x where x.order_id = o.id)::text as sessions,
           (select count(*) from card_refunds r where r.order_id = o.id)::text as refunds,
           (select coalesce(sum(r.amount_minor), 0) from card_refunds r where r.order_id = o.id and r.status in ('pending', 'succeeded', 'requires_action'))::text as refunded_minor,
           (select count(*) from card_refunds r where r.order_id = o.id and r.status = 'to_send')::text as refunds_unsent,
           (select count(*) from card_refunds r where r.order_id = o.id and r.status in ('failed', 'canceled', 'refused'))::text as refunds_refused,
           (select count(*) from ledger_transactions t where t.order_id = o.id and t.kind = 'order_payment')::text as ledger_payments
    from orders o left join card_payments p on p.order_id = o.id`;
  const [payments, refunds, sessions, totals] = await Promise.all([stripe.control.payments(), stripe.control.refunds(), stripe.control.sessions(), stripe.control.totals()]);

  // What Stripe holds, per order (the store names its order in metadata and client_reference_id).
  const capturedAt = new Map<string, number[]>();
  for (const payment of payments) {
    const orderId = (payment.metadata as Record<string, string> | undefined)?.order_id;
    if (!orderId) continue;
    for (const charge of payment.charges) if (charge.status === 'succeeded') capturedAt.set(orderId, [...(capturedAt.get(orderId) ?? []), charge.created * 1000]);
  }
  const stripeRefunds = new Map<string, { amount: number; status: string }[]>();
  for (const refund of refunds) {
    const orderId = (refund.metadata as Record<string, string> | undefined)?.order_id;
    if (orderId) stripeRefunds.set(orderId, [...(stripeRefunds.get(orderId) ?? []), { amount: refund.amount as number, status: refund.status as string }]);
  }
  const sessionsPerOrder = new Map<string, number>();
  for (const session of sessions) {
    const orderId = session.client_reference_id as string | null;
    if (orderId && session.metadata && (session.metadata as Record<string, string>).purpose === 'order') sessionsPerOrder.set(orderId, (sessionsPerOrder.get(orderId) ?? 0) + 1);
  }
  const supplierByReference = new Map<string, ControlOrder[]>();
  for (const order of supplier) if (order.client_reference) supplierByReference.set(order.client_reference, [...(supplierByReference.get(order.client_reference) ?? []), order]);

  // (a) No supplier order without a captured payment / ledger debit.
  let sent = 0;
  let unpaidSent = 0;
  for (const order of rows) {
    const atSupplier = supplierByReference.get(order.client_reference) ?? [];
    if (atSupplier.length === 0 && order.upstream_id === null) continue;
    sent += 1;
    if (order.payment_provider === 'card') {
      const captures = capturedAt.get(order.id) ?? [];
      const firstSent = Math.min(...atSupplier.map((upstream) => Date.parse(upstream.created_at)));
      // Both clocks are this machine's; the stand-in's charge time is whole seconds.
      const capturedBefore = captures.some((at) => at <= firstSent + 1_000);
      if (order.payment_status !== 'paid' || !capturedBefore) {
        unpaidSent += 1;
        note('supplier order without a captured card payment', { number: order.number, payment: order.payment_status, captures: captures.length, sentAt: new Date(firstSent).toISOString() });
      }
    } else if (order.payment_provider === 'balance' && Number(order.ledger_payments) !== 1) {
      unpaidSent += 1;
      note('supplier order without a ledger debit', { number: order.number, debits: order.ledger_payments });
    }
  }

  // (b) Stripe's captured - refunded = the store's card takings, per currency (minor units).
  const books = await sql<{ currency: string; captured: string; refunded: string }[]>`
    select currency, sum(captured)::text as captured, sum(refunded)::text as refunded from (
      select upper(currency) as currency, amount_minor as captured, 0 as refunded from card_payments where status = 'paid'
      union all
      select upper(currency), 0, amount_minor from card_refunds where status in ('pending', 'succeeded', 'requires_action')
    ) money group by currency`;
  const currencies = new Set([...books.map((row) => row.currency), ...Object.keys(totals).map((c) => c.toUpperCase())]);
  const takings: { currency: string; stripe: Totals | undefined; storeCaptured: number; storeRefunded: number }[] = [...currencies].map((currency) => {
    const row = books.find((b) => b.currency === currency);
    return { currency, stripe: totals[currency.toLowerCase()], storeCaptured: Number(row?.captured ?? 0), storeRefunded: Number(row?.refunded ?? 0) };
  });
  const takingsViolations = takings.filter((t) => (t.stripe?.captured ?? 0) !== t.storeCaptured || (t.stripe?.refunded ?? 0) !== t.storeRefunded);
  takingsViolations.forEach((t) => note("Stripe's captured - refunded differs from the store's card takings", t));

  // (c) Paid once, sent once (and only when paid), refunded exactly when due, once, the right amount.
  let cardOrders = 0;
  let onceViolations = 0;
  let refundViolations = 0;
  let outcomeViolations = 0;
  for (const order of rows) {
    if (order.payment_provider !== 'card') continue;
    cardOrders += 1;
    const captures = (capturedAt.get(order.id) ?? []).length;
    const atSupplier = (supplierByReference.get(order.client_reference) ?? []).length;
    const refundsAtStripe = stripeRefunds.get(order.id) ?? [];
    const problems: string[] = [];
    if (captures > 1) problems.push(`captured ${captures} times`);
    if (Number(order.sessions) !== 1 || (sessionsPerOrder.get(order.id) ?? 0) > 1) problems.push(`${order.sessions} payments, ${sessionsPerOrder.get(order.id) ?? 0} sessions`);
    if (atSupplier > 1) problems.push(`${atSupplier} supplier orders`);
    if (Number(order.refunds) > 1 || refundsAtStripe.length > 1) problems.push(`refunded ${order.refunds} times (${refundsAtStripe.length} at Stripe)`);
    if ((order.payment_status === 'paid') !== (captures === 1)) problems.push(`store says ${order.payment_status}, Stripe captured ${captures}`);
    if (problems.length > 0) {
      onceViolations += 1;
      note('card order not paid once / sent once / refunded at most once', { number: order.number, problems });
    }

    const paid = order.payment_status === 'paid';
    const delivered = order.status === 'DELIVERED';
    const partial = delivered && order.delivery.partial === true;
    const shareMinor = (units: number) => toStripeAmount(roundToMinor(new Decimal(order.retail_amount).times(units).dividedBy(order.quantity), order.retail_currency), order.retail_currency);
    const dueMinor = !paid ? 0 : partial ? shareMinor(order.quantity - (order.delivery.deliveredQuantity ?? order.quantity)) : delivered ? 0 : Number(order.amount_minor);
    const refundedMinor = Number(order.refunded_minor);
    const stripeRefundedMinor = refundsAtStripe.filter((r) => r.status === 'succeeded' || r.status === 'pending').reduce((sum, r) => sum + r.amount, 0);
    if (refundedMinor !== dueMinor || stripeRefundedMinor !== dueMinor || Number(order.refunds_unsent) > 0 || Number(order.refunds_refused) > 0) {
      refundViolations += 1;
      note('card refund not as due', { number: order.number, status: order.status, partial, paid, dueMinor, refundedMinor, stripeRefundedMinor, unsent: order.refunds_unsent, refused: order.refunds_refused });
    }

    const plan = plans.get(order.id);
    if (plan) {
      const wrong =
        plan.paidOnStripe !== paid ||
        (!paid && (order.status !== 'CANCELLED' || atSupplier > 0 || order.upstream_id !== null));
      if (wrong) {
        outcomeViolations += 1;
        note('card order did not end as its checkout went', { number: order.number, scenario: plan.scenario, paidOnStripe: plan.paidOnStripe, store: order.payment_status, status: order.status, atSupplier });
      }
    }
  }
  const missingPlans = [...plans.keys()].filter((id) => !rows.some((row) => row.id === id));
  missingPlans.forEach((id) => note('card checkout without an order', id));

  const usd = takings.find((t) => t.currency === 'USD');
  const minor = (n: number | undefined) => new Decimal(n ?? 0).dividedBy(100).toFixed(2);
  return {
    details,
    takings,
    checks: [
      { check: 'no supplier order without a captured card payment / ledger debit (before it)', counted: sent, violations: unpaidSent },
      {
        check: `Stripe captured ${minor(usd?.stripe?.captured)} - refunded ${minor(usd?.stripe?.refunded)} = store card takings ${minor((usd?.storeCaptured ?? 0) - (usd?.storeRefunded ?? 0))} USD`,
        counted: currencies.size,
        violations: takingsViolations.length,
      },
      { check: 'each card order paid once, sent to the supplier once, refunded at most once', counted: cardOrders, violations: onceViolations },
      { check: 'card refunds as due (failed/cancelled: all, partial: the rest, none else)', counted: cardOrders, violations: refundViolations },
      { check: 'each card order ends as its checkout went (unpaid: cancelled, never sent)', counted: plans.size, violations: outcomeViolations + missingPlans.length },
    ],
  };
}
