/**
 * `npm run test:faults`: at least 1,000 orders placed through the real HTTP server actions by
 * signed-in customers, while the sandbox injects faults (latency, 5xx, 429 with Retry-After,
 * timeouts and dropped connections after the order was committed, hangs, expired tokens) and
 * the storefront process is killed with SIGKILL twice and started again. Then, once the
 * reconciler has settled everything, the books are checked through the sandbox's control API
 * and the database:
 *   - no order lost: every local order is terminal, every confirmed checkout has its order;
 *   - none created twice: the sandbox's own order list matched to ours by (product, recipient,
 *     time), so a resubmission under a new reference shows, and by our order ids (each local
 *     order owns at most one supplier order); none without a local order;
 *   - every order ends as what was bought says (the magic input's outcome), and as the
 *     supplier says (its status word read here, not through the storefront's mapping);
 *   - every customer charged once, or charged and refunded once (ledger per order);
 *   - the store's books equal the supplier wallet's movements.
 * A share of the purchases is paid by card through the Stripe stand-in (signed-in customers and
 * guests; paid, declined, cancelled on Stripe's page, abandoned until the session expires, two
 * tabs on one checkout) while its webhooks are delayed, dropped, duplicated, failed and released
 * out of order, and its API fails now and then (bench/support/card-payments.ts). Card invariants:
 *   - no supplier order without a captured payment (card) or ledger debit (balance);
 *   - Stripe's captured - refunded equals the store's card takings (card_payments, card_refunds);
 *   - each card order paid once, sent to the supplier once, refunded at most once (and as due).
 * Prints the counts and exits non-zero on any violation.
 *
 * Env: FAULT_ORDERS (1000), FAULT_CONCURRENCY (8), FAULT_CUSTOMERS (40), FAULT_SEED (9),
 * FAULT_CARD_SHARE (0.3 of purchases by card), FAULT_GUEST_SHARE (0.3 of card purchases by guests);
 * --smoke: 40 orders by 6 customers, 4 at a time (still two restarts and every fault kind).
 * --servers N: N web processes and one worker on one database behind a round-robin proxy
 * (bench/support/cluster.ts); each kill takes down one web process while the others serve on.
 */
import postgres from 'postgres';
import { Decimal, roundToMinor } from '@/lib/money';
import type { ControlOrder, FaultSpec, SandboxControl } from '@/sandbox/control';
import { findOffer, syncAndEnableCatalogue, type Offer } from './support/catalogue';
import { auditJobs, serversFromArgs, startCluster } from './support/cluster';
import {
  BENCH_DIST_DIR,
  createBenchDatabase,
  ensureProductionBuild,
  seedBenchDatabase,
  sleep,
  startSandboxProcess,
  startStorefront,
  type StorefrontProcess,
} from './support/processes';
import { printTable, prng, summarize, writeResult } from './support/report';
import { auditCards, cardPlanner, purchaseByCard, settleStripe, startStripeChaos, startStripeStandIn, type CardPlan } from './support/card-payments';
import { benchSize } from './support/smoke';
import { findServerAction, productPagePath, purchase, readServerActions, signUpCustomer, storeActions, StorefrontClient, type StoreActions } from './support/storefront-client';

const TARGET_ORDERS = Number(benchSize('FAULT_ORDERS', '1000', '40'));
const CONCURRENCY = Number(benchSize('FAULT_CONCURRENCY', '8', '4'));
const CUSTOMERS = Number(benchSize('FAULT_CUSTOMERS', '40', '6'));
const SEED = Number(process.env.FAULT_SEED || 9);
const CARD_SHARE = Number(process.env.FAULT_CARD_SHARE || 0.3);
const GUEST_SHARE = Number(process.env.FAULT_GUEST_SHARE || 0.3);
const DEMO_CREDIT = '400.00';
/** The storefront's supplier timeout: short, so hangs and late answers resolve within the run. */
const SUPPLIER_TIMEOUT_MS = 2_000;
const DRAIN_TIMEOUT_MS = 240_000;

const random = prng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

type PlanKind =
  | 'topup'
  | 'topup_invalid_recipient'
  | 'topup_ineligible_async'
  | 'topup_cancelled'
  | 'voucher'
  | 'voucher_partial'
  | 'voucher_partial_fail'
  | 'voucher_failed'
  | 'esim'
  | 'esim_failed_async'
  | 'esim_out_of_stock';

const WEIGHTS: [PlanKind, number][] = [
  ['topup', 34],
  ['topup_invalid_recipient', 6],
  ['topup_ineligible_async', 4],
  ['topup_cancelled', 3],
  ['voucher', 18],
  ['voucher_partial', 3],
  ['voucher_partial_fail', 3],
  ['voucher_failed', 4],
  ['esim', 17],
  ['esim_failed_async', 4],
  ['esim_out_of_stock', 4],
];

function pickKind(): PlanKind {
  const total = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [kind, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'topup';
}

/** A player id that triggers no sandbox scenario (magic inputs end in 000NNN or 999NNN). */
function ordinaryPlayerId(): string {
  for (;;) {
    const id = `5${Math.floor(random() * 1e9)
      .toString()
      .padStart(9, '0')}`;
    if (!/(000|999)\d{3}$/.test(id)) return id;
  }
}

type Offers = Record<'pubgSmall' | 'pubgLarge' | 'steam10' | 'testCard2' | 'testCard3' | 'testCard7' | 'japan' | 'testEsimAsyncFail' | 'testEsimOutOfStock', Offer>;

function topupInput(offer: Offer, playerId: string): Record<string, string> {
  const input: Record<string, string> = {};
  for (const field of offer.inputFields as { name: string; required: boolean; type: string; options: { value: string }[] }[]) {
    if (field.name === 'player_id') input.player_id = playerId;
    else if (field.required && field.type === 'select') input[field.name] = field.options[0]!.value;
  }
  return input;
}

function planOrder(kind: PlanKind, offers: Offers) {
  switch (kind) {
    case 'topup': {
      const offer = random() < 0.5 ? offers.pubgSmall : offers.pubgLarge;
      return { offer, inputData: topupInput(offer, ordinaryPlayerId()) };
    }
    case 'topup_invalid_recipient':
      return { offer: offers.pubgSmall, inputData: topupInput(offers.pubgSmall, '512000404') };
    case 'topup_ineligible_async':
      return { offer: offers.pubgSmall, inputData: topupInput(offers.pubgSmall, '512999422') };
    case 'topup_cancelled':
      return { offer: offers.pubgSmall, inputData: topupInput(offers.pubgSmall, '512000499') };
    case 'voucher':
      return { offer: offers.steam10, quantity: String(1 + Math.floor(random() * 2)) };
    case 'voucher_partial':
      return { offer: offers.testCard2, quantity: '3' };
    case 'voucher_partial_fail':
      return { offer: offers.testCard7, quantity: '3' };
    case 'voucher_failed':
      return { offer: offers.testCard3, quantity: '1' };
    case 'esim':
      return { offer: offers.japan };
    case 'esim_failed_async':
      return { offer: offers.testEsimAsyncFail };
    case 'esim_out_of_stock':
      return { offer: offers.testEsimOutOfStock };
  }
}

const ORDER_CREATE_PATHS = ['/api/v1/orders', '/api/v1/topups/orders', '/api/v1/esim/orders'];
const CHARGES_PATHS = ['/api/v1/products/:id/charges', '/api/v1/topups/charges', '/api/v1/esim/charges'];
const ORDER_READ_PATHS = ['/api/v1/orders', '/api/v1/topups/orders', '/api/v1/esim/orders', '/api/v1/orders/:id', '/api/v1/topups/orders/:id', '/api/v1/esim/orders/:id'];

/** One fault per tick, drawn from every kind the issue names. */
function nextFault(): { label: string; spec: FaultSpec } {
  const roll = random();
  if (roll < 0.16) return { label: 'latency', spec: { path: '/api/**', kind: 'latency', ms: 200 + Math.floor(random() * 800), count: 6 } };
  if (roll < 0.3) return { label: '5xx', spec: { path: pick(ORDER_CREATE_PATHS), method: 'POST', kind: 'error', status: pick([500, 502, 503, 504]), count: 3 } };
  if (roll < 0.4) return { label: '5xx', spec: { path: pick(ORDER_READ_PATHS), method: 'GET', kind: 'error', status: 503, count: 3 } };
  if (roll < 0.52) return { label: '429', spec: { path: pick([...ORDER_CREATE_PATHS, ...CHARGES_PATHS]), method: 'POST', kind: 'rate_limit', retryAfter: 1, count: 3 } };
  if (roll < 0.67)
    return {
      label: 'timeout after commit',
      spec: { path: pick(ORDER_CREATE_PATHS), method: 'POST', kind: 'latency', phase: 'after', ms: SUPPLIER_TIMEOUT_MS + 1_500, count: 2 },
    };
  if (roll < 0.82) return { label: 'drop after commit', spec: { path: pick(ORDER_CREATE_PATHS), method: 'POST', kind: 'drop', phase: 'after', count: 2 } };
  if (roll < 0.9) return { label: 'drop', spec: { path: pick(ORDER_READ_PATHS), method: 'GET', kind: 'drop', count: 2 } };
  return { label: 'hang', spec: { path: pick([...CHARGES_PATHS, ...ORDER_CREATE_PATHS]), method: 'POST', kind: 'hang', count: 1 } };
}

type Tally = Map<string, number>;
const bump = (tally: Tally, key: string, by = 1) => tally.set(key, (tally.get(key) ?? 0) + by);

async function main() {
  const startedAt = Date.now();
  const build = await ensureProductionBuild();
  if (build.built) console.log(`Built in ${build.seconds} s.`);
  const actions: StoreActions = storeActions(BENCH_DIST_DIR);
  const cardActions = { ...actions, payOrder: findServerAction(readServerActions(BENCH_DIST_DIR), 'app/(store)/orders/[id]/actions.ts', 'payOrderByCardAction') };

  const database = await createBenchDatabase('faults');
  const sandbox = await startSandboxProcess({ timeScale: 0.01, rateLimits: false, seed: `faults-${SEED}` });
  let store: StorefrontProcess | undefined;
  const stripe = await startStripeStandIn();
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  let exitCode = 1;
  try {
    await seedBenchDatabase(database.url);
    const catalogue = await syncAndEnableCatalogue(database.url, sandbox.url);
    console.log(`Catalogue: ${catalogue.products} products.`);
    const offers: Offers = {
      pubgSmall: await findOffer(database.url, 'topup', 4218, '0.99'),
      pubgLarge: await findOffer(database.url, 'topup', 4218, '4.99'),
      steam10: await findOffer(database.url, 'voucher', 123, '10'),
      testCard2: await findOffer(database.url, 'voucher', 999, '2'),
      testCard3: await findOffer(database.url, 'voucher', 999, '3'),
      testCard7: await findOffer(database.url, 'voucher', 999, '7'),
      japan: await findOffer(database.url, 'esim', 712, '4.50'),
      testEsimAsyncFail: await findOffer(database.url, 'esim', 999, '1.04'),
      testEsimOutOfStock: await findOffer(database.url, 'esim', 999, '1.02'),
    };

    // Guests play clients at different addresses (X-Forwarded-For), as behind one proxy.
    const storeOptions = {
      databaseUrl: database.url,
      sandboxUrl: sandbox.url,
      smtpUrl: sandbox.smtpUrl,
      env: { DEMO_CREDIT, OCTOPUS_TIMEOUT_MS: String(SUPPLIER_TIMEOUT_MS), ...WEBHOOK_CHAOS_ENV, ...stripe.storeEnv, TRUST_PROXY: '1' },
    };
    const servers = serversFromArgs();
    store = servers > 1 ? await startCluster({ ...storeOptions, servers }) : await startStorefront(storeOptions);
    const running = store;
    const webhookChaos = await startWebhookChaos(sandbox.control, running.baseUrl);
    await stripe.registerStore(running.baseUrl);
    const stripeChaos = startStripeChaos(stripe.control, SEED);
    console.log(`Storefront ${running.baseUrl} (pid ${running.pid()}), sandbox ${sandbox.url}, Stripe stand-in ${stripe.url}, database ${database.name}.`);

    const customers: StorefrontClient[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const client = new StorefrontClient(running.baseUrl, 30_000);
      await signUpCustomer(client, actions.signUp, `faults-${SEED}-${i}-${Date.now()}@bench.test`, 'correct horse battery staple');
      customers.push(client);
    }
    console.log(`${CUSTOMERS} customers signed up through the sign-up action, ${DEMO_CREDIT} demo credit each.`);

    // Buyers place orders while faults rain and the server is killed twice.
    const outcomes: Tally = new Map();
    const refusals: Tally = new Map();
    const faultsQueued: Tally = new Map();
    /** Fault id -> label; the sandbox counts how often each one struck (`applied`). */
    const faultLabels = new Map<number, string>();
    const plans = new Map<string, PlanKind>();
    const cardPlans = new Map<string, CardPlan>();
    const cardSteps: Tally = new Map();
    const payments = cardPlanner(SEED, CARD_SHARE, GUEST_SHARE);
    let guests = 0;
    const confirmed: string[] = [];
    const placeLatencies: number[] = [];
    let placed = 0;
    let attempts = 0;
    let tokenExpiries = 0;
    let serverUp: Promise<void> = Promise.resolve();
    const restartAt = [Math.floor(TARGET_ORDERS / 3), Math.floor((2 * TARGET_ORDERS) / 3)];
    const restarts: { atOrder: number; downMs: number; pidBefore: number; pidAfter: number }[] = [];
    let placing = true;

    const restart = async () => {
      const atOrder = placed;
      const pidBefore = running.pid();
      let release!: () => void;
      serverUp = new Promise((resolve) => (release = resolve));
      const down = Date.now();
      await running.crash();
      await sleep(500);
      await running.restart();
      restarts.push({ atOrder, downMs: Date.now() - down, pidBefore, pidAfter: running.pid() });
      console.log(`  restart ${restarts.length}: killed pid ${pidBefore} (SIGKILL) at ${atOrder} orders, back as pid ${running.pid()} after ${Date.now() - down} ms`);
      release();
    };

    const faultLoop = (async () => {
      let tick = 0;
      while (placing) {
        await sleep(1_200);
        if (!placing) break;
        tick += 1;
        const fault = nextFault();
        const queued = await sandbox.control.injectFault(fault.spec);
        faultLabels.set(queued.id, fault.label);
        bump(faultsQueued, fault.label);
        if (tick % 7 === 0) {
          await sandbox.control.expireTokens();
          tokenExpiries += 1;
        }
      }
    })();

    let nextPlan = 0;
    const buyer = async (worker: number) => {
      while (placed < TARGET_ORDERS && attempts < TARGET_ORDERS * 2) {
        await serverUp;
        const index = nextPlan++;
        attempts += 1;
        const kind = pickKind();
        const plan = planOrder(kind, offers);
        const payment = payments.next();
        const guest = payment.payWith === 'card' && payment.guest;
        // A guest is a fresh browser at its own address, with an email of its own.
        const client = guest
          ? new StorefrontClient(running.baseUrl, 30_000, { 'X-Forwarded-For': `10.16.${Math.floor(guests / 250)}.${(guests % 250) + 1}` })
          : customers[(index * 7 + worker) % customers.length]!;
        const productPath = productPagePath(actions, plan.offer);
        const fields = {
          productId: plan.offer.productId,
          variantId: plan.offer.variantId,
          quantity: 'quantity' in plan ? plan.quantity : undefined,
          inputData: 'inputData' in plan ? plan.inputData : undefined,
        };
        try {
          const result =
            payment.payWith === 'card'
              ? await purchaseByCard(client, cardActions, productPath, fields, guest ? { guestEmail: `guest-${SEED}-${guests++}-${Date.now()}@bench.test` } : {}, payment.scenario, stripe)
              : await purchase(client, actions, productPath, fields);
          if (result.kind === 'placed') {
            placed += 1;
            confirmed.push(result.orderId);
            plans.set(result.orderId, kind);
            placeLatencies.push(result.placeMs);
            bump(outcomes, `placed (${kind})`);
            if (payment.payWith === 'card' && 'sessionId' in result) {
              cardPlans.set(result.orderId, { scenario: payment.scenario, paidOnStripe: result.paid, guest, kind });
              bump(cardSteps, `${guest ? 'guest' : 'customer'} ${payment.scenario}${result.paid ? '' : ' (unpaid)'}`);
              for (const step of result.steps) if (/^(pay again|second tab|came back)/.test(step)) bump(cardSteps, step);
            }
            if (restartAt.length > 0 && placed >= restartAt[0]!) {
              restartAt.shift();
              await restart();
            }
          } else {
            bump(outcomes, `refused at ${result.stage}`);
            bump(refusals, `${result.stage}: ${result.message.slice(0, 70)}`);
          }
        } catch (error) {
          // The server died under this request (or the request timed out): the customer retries.
          bump(outcomes, 'no answer (crash or timeout)');
          bump(refusals, `transport: ${String((error as Error).cause ?? error).slice(0, 70)}`);
          await sleep(200);
        }
        if (attempts % 100 === 0) console.log(`  ${attempts} checkouts, ${placed} confirmed, ${Math.round((Date.now() - startedAt) / 1000)} s`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, worker) => buyer(worker)));
    placing = false;
    await faultLoop;
    // Count what struck, not what was queued: a fault nobody's request matched did nothing.
    const faultsStruck: Tally = new Map();
    for (const fault of await sandbox.control.listFaults()) bump(faultsStruck, faultLabels.get(fault.id) ?? `other (${fault.kind})`, fault.applied);
    await sandbox.control.clearFaults();
    const webhookTally = await webhookChaos.stop();
    const stripeTally = await stripeChaos.stop();
    console.log(`Placing done: ${placed} confirmed of ${attempts} checkouts. Waiting for the reconciler...`);

    // Let the reconciler (inside the restarted server) finish every unfinished order.
    const drainStarted = Date.now();
    let open = Number.POSITIVE_INFINITY;
    while (Date.now() - drainStarted < DRAIN_TIMEOUT_MS) {
      const [row] = await sql<{ open: string }[]>`select count(*)::text as open from orders where status in ('SUBMITTING', 'PENDING')`;
      open = Number(row!.open);
      if (open === 0) break;
      await sleep(2_000);
    }
    const drainSeconds = Math.round((Date.now() - drainStarted) / 1000);
    console.log(`Reconciler drained in ${drainSeconds} s (${open} still open).`);
    const stripeSettle = await settleStripe(sql, stripe, DRAIN_TIMEOUT_MS);
    console.log(`Stripe settled in ${stripeSettle.seconds} s (left: ${JSON.stringify(stripeSettle.left)}).`);
    const violations = await audit(sql, sandbox.control, confirmed, plans, DEMO_CREDIT);
    const cardAudit = await auditCards(sql, stripe, await sandbox.control.listOrders(), cardPlans);
    violations.checks.push(...cardAudit.checks);
    Object.assign(violations.details, cardAudit.details);
    const webhookAudit = await auditWebhooks(sql, sandbox.control);
    violations.checks.push(...webhookAudit.checks);
    if ('served' in running) violations.checks.push(...(await auditJobs(database.url, sandbox.control, { faults: true })));
    Object.assign(violations.details, webhookAudit.details);
    printTable('Webhook chaos (issue 15)', [...webhookTally, ...webhookAudit.deliveries]);

    printTable('Checkouts', [...outcomes.entries()].sort().map(([outcome, n]) => ({ outcome, count: n })));
    printTable('Card checkouts (issue 16)', [...cardSteps.entries()].sort().map(([checkout, n]) => ({ checkout, count: n })));
    printTable('Stripe chaos (issue 16)', [...stripeTally, ...(await stripeDeliveryTally(stripe.control))]);
    printTable('Refusals and transport errors', [...refusals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([reason, n]) => ({ reason, count: n })));
    printTable('Faults (struck = requests the sandbox applied them to)', [
      ...[...faultsQueued.keys()].sort().map((fault) => ({ fault, queued: faultsQueued.get(fault) ?? 0, struck: faultsStruck.get(fault) ?? 0 })),
      { fault: 'token expiry (all tokens)', queued: tokenExpiries, struck: tokenExpiries },
      { fault: 'storefront SIGKILL + restart', queued: restarts.length, struck: restarts.length },
    ]);
    printTable('Storefront reactions (order events)', violations.reactions);
    printTable('Local orders', violations.byStatus);
    printTable('Invariants', violations.checks);
    const placeSummary = summarize(placeLatencies);
    console.log(`\nPay (place action) latency under faults: p50 ${placeSummary.p50} ms, p95 ${placeSummary.p95} ms, p99 ${placeSummary.p99} ms.`);
    const totalViolations = violations.checks.reduce((sum, check) => sum + check.violations, 0);
    const file = writeResult('fault-campaign', {
      seed: SEED,
      targetOrders: TARGET_ORDERS,
      concurrency: CONCURRENCY,
      customers: CUSTOMERS,
      attempts,
      confirmed: placed,
      outcomes: Object.fromEntries(outcomes),
      refusals: Object.fromEntries(refusals),
      faultsQueued: Object.fromEntries(faultsQueued),
      faultsStruck: Object.fromEntries(faultsStruck),
      tokenExpiries,
      restarts,
      drainSeconds,
      placeLatencyMs: placeSummary,
      byStatus: violations.byStatus,
      reactions: violations.reactions,
      checks: violations.checks,
      cardCheckouts: Object.fromEntries(cardSteps),
      stripeChaos: stripeTally,
      cardTakings: cardAudit.takings,
      details: violations.details,
      seconds: Math.round((Date.now() - startedAt) / 1000),
    });
    console.log(`\n${totalViolations === 0 ? 'PASS' : 'FAIL'}: ${totalViolations} violation(s) in ${Math.round((Date.now() - startedAt) / 1000)} s. Results: ${file}`);
    if (totalViolations > 0) console.log(JSON.stringify(violations.details, null, 2).slice(0, 6000));
    exitCode = totalViolations === 0 && placed >= TARGET_ORDERS ? 0 : 1;
  } finally {
    await sql.end({ timeout: 5 });
    await store?.stop();
    await sandbox.stop();
    await stripe.stop();
    await database.drop();
  }
  process.exit(exitCode);
}

/** What the Stripe stand-in's webhook deliveries went through. */
async function stripeDeliveryTally(control: import('@/sandbox/stripe/client').StripeSandboxControl) {
  const deliveries = await control.deliveries();
  const count = (predicate: (d: (typeof deliveries)[number]) => boolean) => deliveries.filter(predicate).length;
  return [
    { chaos: 'Stripe events delivered (2xx)', times: count((d) => d.state === 'succeeded') },
    { chaos: 'Stripe deliveries dropped', times: count((d) => d.state === 'dropped') },
    { chaos: 'Stripe deliveries retried (non-2xx, timeout, store down)', times: count((d) => d.attempts.length > 1) },
    { chaos: 'Stripe duplicate copies sent', times: count((d) => d.duplicateOf !== undefined) },
    { chaos: 'Stripe deliveries given up (retries exhausted)', times: count((d) => d.state === 'failed') },
  ];
}

// ---- Issue 15: supplier webhooks under chaos ------------------------------------------------

const WEBHOOK_SECRET = 'fault-campaign-webhook-secret-0123456789';
const WEBHOOK_CHAOS_ENV = { OCTOPUS_WEBHOOK_SECRET: WEBHOOK_SECRET };
/** The key the bench storefront encrypts codes with (bench/support/processes.ts). */
const BENCH_AUTH_SECRET = 'bench-auth-secret-0123456789abcdef0123456789';

/**
 * Registers the store's webhook endpoint with the sandbox and, while orders are placed (and the
 * store is killed), duplicates, delays and drops deliveries and re-delivers acknowledged events;
 * the sandbox itself also re-delivers a tenth of what was acknowledged. Own random stream, so the
 * order plan is the same with or without it.
 */
async function startWebhookChaos(control: SandboxControl, storeUrl: string) {
  const chaosRandom = prng(SEED + 15);
  await control.addWebhook({ url: `${storeUrl}/api/webhooks/octopus`, secret: WEBHOOK_SECRET });
  await control.setConfig({ webhookRedeliveryRate: 0.1, webhookRedeliveryDelayMs: 200_000, webhookRetryBaseMs: 100_000, webhookTimeoutMs: 5_000 });
  const tally: Tally = new Map();
  let running = true;
  const loop = (async () => {
    while (running) {
      await sleep(700);
      if (!running) break;
      const roll = chaosRandom();
      if (roll < 0.3) {
        await control.injectWebhookFault({ kind: 'duplicate', count: 3 });
        bump(tally, 'duplicate (next 3 deliveries)');
      } else if (roll < 0.55) {
        await control.injectWebhookFault({ kind: 'delay', ms: 500 + Math.floor(chaosRandom() * 8_000), count: 3 });
        bump(tally, 'delay 0.5-8.5 s (next 3)');
      } else if (roll < 0.75) {
        await control.injectWebhookFault({ kind: 'drop', count: 2 });
        bump(tally, 'drop (next 2)');
      } else {
        const events = await control.webhookEvents();
        const event = events[Math.floor(chaosRandom() * events.length)];
        if (event) {
          await control.redeliverWebhook(event.id);
          bump(tally, 're-deliver an acknowledged event');
        }
      }
    }
  })();
  return {
    async stop(): Promise<{ chaos: string; times: number }[]> {
      running = false;
      await loop;
      await control.clearWebhookFaults();
      return [...tally.entries()].sort().map(([chaos, times]) => ({ chaos, times }));
    },
  };
}

/**
 * Invariants of the webhook path: every code the supplier delivered is visible to its buyer
 * (stored on the buyer's order, which shows codes), every acknowledged event was recorded once
 * and none is left unprocessed.
 */
async function auditWebhooks(sql: postgres.Sql, control: SandboxControl) {
  process.env.AUTH_SECRET ??= BENCH_AUTH_SECRET;
  const { decryptJson } = await import('@/lib/crypto');
  // Let retries, delayed deliveries and re-deliveries land and the store's job work them off.
  for (const started = Date.now(); Date.now() - started < 60_000; await sleep(1_000)) {
    const scheduled = (await control.webhookDeliveries()).filter((d) => d.outcome === 'scheduled').length;
    const [queued] = await sql<{ n: string }[]>`select count(*)::text as n from webhook_events where status = 'queued'`;
    if (scheduled === 0 && Number(queued!.n) === 0) break;
  }
  const details: Record<string, unknown[]> = {};
  const note = (check: string, item: unknown) => (details[check] ??= []).push(item);

  const supplierVouchers = (await control.listOrders({ vertical: 'voucher' })).filter((order) => order.client_reference);
  const local = await sql<{ client_reference: string; number: number; status: string; delivery_secret: string | null }[]>`
    select client_reference, number, status::text, delivery_secret from orders where vertical = 'voucher'`;
  const byReference = new Map(local.map((order) => [order.client_reference, order]));
  let codes = 0;
  let invisible = 0;
  for (const order of supplierVouchers) {
    const delivered = ((order.api.vouchers ?? []) as { card_number: string | null; claim_url: string | null }[]).map((v) => v.card_number ?? v.claim_url);
    if (delivered.length === 0) continue;
    codes += delivered.length;
    const mine = byReference.get(order.client_reference!);
    const shown = mine?.delivery_secret && (mine.status === 'DELIVERED' || mine.status === 'PENDING') ? decryptJson<{ vouchers?: { cardNumber: string | null; claimUrl: string | null }[] }>(mine.delivery_secret).vouchers ?? [] : [];
    const visible = new Set(shown.map((v) => v.cardNumber ?? v.claimUrl));
    const missing = delivered.filter((code) => !visible.has(code)).length;
    if (missing > 0) {
      invisible += missing;
      note('delivered code not visible to its buyer', { number: mine?.number, status: mine?.status, supplier: order.status, missing });
    }
  }

  const deliveries = await control.webhookDeliveries();
  const acknowledged = new Set(deliveries.filter((d) => d.outcome === 'delivered').map((d) => d.eventId));
  const rows = await sql<{ id: string; status: string }[]>`select id, status from webhook_events`;
  const recorded = new Map(rows.map((row) => [row.id, row.status]));
  const unrecorded = [...acknowledged].filter((id) => !recorded.has(id));
  unrecorded.forEach((id) => note('acknowledged webhook not recorded', id));
  const unprocessed = rows.filter((row) => row.status === 'queued' || row.status === 'failed');
  unprocessed.forEach((row) => note('webhook event not processed', row));
  const count = (predicate: (d: (typeof deliveries)[number]) => boolean) => deliveries.filter(predicate).length;
  return {
    details,
    deliveries: [
      { chaos: 'deliveries attempted', times: count((d) => d.outcome !== 'scheduled') },
      { chaos: 'acknowledged (2xx)', times: count((d) => d.outcome === 'delivered') },
      { chaos: 'refused or unanswered (retried)', times: count((d) => ['failed', 'timeout', 'error'].includes(d.outcome)) },
      { chaos: 'duplicates and re-deliveries sent', times: count((d) => d.kind === 'duplicate' || d.kind === 'redelivery') },
      { chaos: 'events recorded by the store', times: rows.length },
    ],
    checks: [
      { check: 'every code the supplier delivered is visible to its buyer', counted: codes, violations: invisible },
      { check: 'every acknowledged webhook event recorded (once: primary key)', counted: acknowledged.size, violations: unrecorded.length },
      { check: 'no webhook event left unprocessed', counted: rows.length, violations: unprocessed.length },
    ],
  };
}

type LocalOrder = {
  id: string;
  number: number;
  user_id: string;
  status: string;
  vertical: 'voucher' | 'topup' | 'esim';
  client_reference: string;
  upstream_id: number | null;
  upstream_product_id: number;
  face_amount: string;
  input_data: Record<string, string>;
  quantity: number;
  retail_amount: string;
  retail_currency: string;
  wholesale_amount: string;
  delivery: { partial?: boolean; deliveredQuantity?: number };
  submit_attempts: number;
  created_at: Date;
  payment_provider: string;
  card_status: string | null;
};

/** What each kind of purchase ends as (sandbox/README.md "Magic inputs"), whatever faults struck. */
const OUTCOME_OF_PLAN: Record<PlanKind, { status: string; partial: boolean }> = {
  topup: { status: 'DELIVERED', partial: false },
  topup_invalid_recipient: { status: 'FAILED', partial: false },
  topup_ineligible_async: { status: 'FAILED', partial: false },
  topup_cancelled: { status: 'CANCELLED', partial: false },
  voucher: { status: 'DELIVERED', partial: false },
  // Part of the codes first, the rest a minute later (sandbox denomination 2): a complete delivery.
  voucher_partial: { status: 'DELIVERED', partial: false },
  // Part of the codes, then the rest fail (denomination 7): delivered in part, the rest refunded.
  voucher_partial_fail: { status: 'DELIVERED', partial: true },
  voucher_failed: { status: 'FAILED', partial: false },
  esim: { status: 'DELIVERED', partial: false },
  esim_failed_async: { status: 'FAILED', partial: false },
  esim_out_of_stock: { status: 'FAILED', partial: false },
};

/** The supplier's final status word in the store's terms, written out here (not lib/orders/status). */
const OUTCOME_OF_SUPPLIER_STATUS: Record<string, { status: string; partial: boolean }> = {
  DELIVERED: { status: 'DELIVERED', partial: false },
  RECHARGED: { status: 'DELIVERED', partial: false },
  PARTIALLY_DELIVERED: { status: 'DELIVERED', partial: true },
  FAILED: { status: 'FAILED', partial: false },
  CANCELLED: { status: 'CANCELLED', partial: false },
};

/** A supplier order that FAILED after some codes arrived is, for the buyer, a partial delivery. */
function supplierOutcome(order: ControlOrder): { status: string; partial: boolean } | undefined {
  const deliveredCodes = ((order.api.vouchers ?? []) as unknown[]).length;
  if (order.status === 'FAILED' && deliveredCodes > 0) return { status: 'DELIVERED', partial: true };
  return OUTCOME_OF_SUPPLIER_STATUS[order.status];
}

/** How long after our order was recorded its supplier order may be created (the reconciler resends late). */
const SUBMIT_WINDOW_MS = DRAIN_TIMEOUT_MS + 120_000;

/**
 * What was bought, as both sides record it: vertical, supplier product, recipient (top-up input
 * data), and for gift cards denomination and quantity. (Top-up and eSIM orders carry the
 * wholesale amount at the supplier, not the face amount, so amounts are left out for them.)
 */
function purchaseKey(vertical: string, productId: unknown, inputData: unknown, voucher?: { denomination: unknown; quantity: unknown }): string {
  const recipient = Object.entries((inputData ?? {}) as Record<string, string>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, text]) => `${name}=${text}`)
    .join('&');
  const size = voucher ? `${new Decimal(String(voucher.denomination)).toFixed()}x${String(voucher.quantity)}` : '';
  return `${vertical}|${String(productId)}|${size}|${recipient}`;
}

function supplierKey(order: ControlOrder): string {
  const api = order.api;
  return purchaseKey(order.vertical, api.product_id, order.vertical === 'topup' ? api.input_data : {}, order.vertical === 'voucher' ? { denomination: api.denomination, quantity: api.quantity } : undefined);
}

/**
 * Supplier orders that no local order accounts for, found without client references: each
 * supplier order is matched to a distinct local order of the same purchase (product, amount,
 * quantity, recipient) recorded before it and within the submit window, earliest first. Two
 * supplier orders for one purchase leave one unmatched, whatever references they carry.
 */
function unmatchedSupplierOrders(local: Pick<LocalOrder, 'vertical' | 'upstream_product_id' | 'face_amount' | 'quantity' | 'input_data' | 'created_at'>[], supplier: ControlOrder[]): ControlOrder[] {
  const waiting = new Map<string, number[]>();
  for (const order of local) {
    const key = purchaseKey(order.vertical, order.upstream_product_id, order.vertical === 'topup' ? order.input_data : {}, order.vertical === 'voucher' ? { denomination: order.face_amount, quantity: order.quantity } : undefined);
    waiting.set(key, [...(waiting.get(key) ?? []), order.created_at.getTime()]);
  }
  for (const times of waiting.values()) times.sort((a, b) => a - b);
  const unmatched: ControlOrder[] = [];
  for (const order of [...supplier].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))) {
    const created = Date.parse(order.created_at);
    const times = waiting.get(supplierKey(order)) ?? [];
    // Clocks are the same machine's; allow a second for rounding of the sandbox's timestamps.
    const index = times.findIndex((recorded) => recorded <= created + 1_000 && created - recorded <= SUBMIT_WINDOW_MS);
    if (index === -1) unmatched.push(order);
    else times.splice(index, 1);
  }
  return unmatched;
}

async function audit(
  sql: postgres.Sql,
  control: { listOrders(): Promise<ControlOrder[]>; ledger(): ReturnType<import('@/sandbox/control').SandboxControl['ledger']> },
  confirmed: string[],
  plans: Map<string, PlanKind>,
  demoCredit: string,
) {
  const local = await sql<LocalOrder[]>`
    select o.id, o.number, o.user_id, o.status, o.vertical, o.client_reference, o.upstream_id, p.upstream_id as upstream_product_id,
           o.face_amount::text, o.input_data, o.quantity, o.retail_amount::text, o.retail_currency, o.wholesale_amount::text, o.delivery,
           o.submit_attempts, o.created_at, o.payment_provider, (select c.status from card_payments c where c.order_id = o.id) as card_status
    from orders o join products p on p.id = o.product_id`;
  const supplier = await control.listOrders();
  const ledger = await control.ledger();
  const details: Record<string, unknown[]> = {};
  const note = (check: string, item: unknown) => (details[check] ??= []).push(item);

  // 1. Nothing lost.
  const localIds = new Set(local.map((order) => order.id));
  const open = local.filter((order) => order.status === 'SUBMITTING' || order.status === 'PENDING' || order.status === 'AWAITING_PAYMENT');
  open.forEach((order) => note('order not finished', { number: order.number, status: order.status }));
  const missing = confirmed.filter((id) => !localIds.has(id));
  missing.forEach((id) => note('confirmed checkout without an order', id));

  // 2. Created once at the supplier. The sandbox refuses a second order with a reference it has
  // seen, so counting per reference proves nothing: count purchases, and our ids' claims.
  const unmatched = unmatchedSupplierOrders(local, supplier);
  unmatched.forEach((order) =>
    note('supplier order no local purchase accounts for (product, recipient, time)', { id: `${order.vertical}#${order.id}`, reference: order.client_reference, key: supplierKey(order), at: order.created_at }),
  );
  const supplierKeyOf = (vertical: string, id: number) => `${vertical}#${id}`;
  const claims = new Map<string, LocalOrder[]>();
  const supplierByKey = new Map(supplier.map((order) => [supplierKeyOf(order.vertical, order.id), order]));
  const supplierByReference = new Map<string, ControlOrder[]>();
  for (const order of supplier) if (order.client_reference) supplierByReference.set(order.client_reference, [...(supplierByReference.get(order.client_reference) ?? []), order]);
  let ownedTwice = 0;
  for (const order of local) {
    // Every supplier order this local order can be tied to: the one it recorded, and any under its reference.
    const owned = new Set<string>();
    if (order.upstream_id !== null) owned.add(supplierKeyOf(order.vertical, order.upstream_id));
    for (const upstream of supplierByReference.get(order.client_reference) ?? []) owned.add(supplierKeyOf(upstream.vertical, upstream.id));
    for (const key of owned) claims.set(key, [...(claims.get(key) ?? []), order]);
    if (owned.size > 1) {
      ownedTwice += 1;
      note('local order with more than one supplier order', { number: order.number, supplier: [...owned] });
    }
    if (order.upstream_id !== null && !supplierByKey.has(supplierKeyOf(order.vertical, order.upstream_id))) {
      ownedTwice += 1;
      note('local order names a supplier order that does not exist', { number: order.number, upstream: order.upstream_id });
    }
  }
  const sharedClaims = [...claims.entries()].filter(([, owners]) => owners.length > 1);
  sharedClaims.forEach(([key, owners]) => note('supplier order claimed by several local orders', { supplier: key, numbers: owners.map((o) => o.number) }));
  const orphans = supplier.filter((order) => !claims.has(supplierKeyOf(order.vertical, order.id)));
  orphans.forEach((order) => note('supplier order without a local order', { reference: order.client_reference, id: supplierKeyOf(order.vertical, order.id) }));

  // Both sides agree, and each order ends as what was bought: expectations written out here.
  let disagreements = 0;
  let unexpected = 0;
  for (const order of local) {
    const upstream = order.upstream_id === null ? undefined : supplierByKey.get(supplierKeyOf(order.vertical, order.upstream_id));
    const partial = order.delivery.partial === true;
    // A card order nobody paid never reaches the supplier and ends cancelled (auditCards checks its money).
    const unpaidCard = order.payment_provider === 'card' && order.card_status !== 'paid';
    const fromSupplier = upstream ? supplierOutcome(upstream) : { status: unpaidCard ? 'CANCELLED' : 'REJECTED', partial: false };
    if (!fromSupplier || fromSupplier.status !== order.status || fromSupplier.partial !== partial) {
      disagreements += 1;
      note('local and supplier disagree', { number: order.number, local: order.status, partial, supplier: upstream?.status ?? '(no order)' });
    }
    const plan = plans.get(order.id);
    const wanted = plan ? (unpaidCard ? { status: 'CANCELLED', partial: false } : OUTCOME_OF_PLAN[plan]) : undefined;
    if (wanted && (wanted.status !== order.status || wanted.partial !== partial)) {
      unexpected += 1;
      note('order did not end as bought', { number: order.number, plan, local: order.status, partial, expected: wanted });
    }
  }

  // 3. Charged once, refunded once when it did not deliver.
  const money = await sql<{ order_id: string; payments: string; refunds: string; customer_net: string }[]>`
    select t.order_id,
           count(distinct t.id) filter (where t.kind = 'order_payment')::text as payments,
           count(distinct t.id) filter (where t.kind = 'order_refund')::text as refunds,
           coalesce(sum(e.amount) filter (where a.kind = 'customer'), 0)::text as customer_net
    from ledger_transactions t
    join ledger_entries e on e.transaction_id = t.id
    join ledger_accounts a on a.id = e.account_id
    where t.order_id is not null
    group by t.order_id`;
  const moneyByOrder = new Map(money.map((row) => [row.order_id, row]));
  const shareOf = (order: LocalOrder) =>
    roundToMinor(new Decimal(order.retail_amount).times(order.quantity - (order.delivery.deliveredQuantity ?? order.quantity)).dividedBy(order.quantity), order.retail_currency);
  let chargeViolations = 0;
  const expectedCustomerNet = new Map<string, Decimal>();
  // Balance orders only: card orders leave the ledger alone (auditCards checks them against Stripe).
  for (const order of local) {
    if (order.payment_provider !== 'balance') continue;
    const row = moneyByOrder.get(order.id);
    const refunded = ['FAILED', 'CANCELLED', 'REJECTED'].includes(order.status);
    const partial = order.status === 'DELIVERED' && order.delivery.partial === true;
    const expectedNet = refunded ? new Decimal(0) : partial ? new Decimal(order.retail_amount).negated().plus(shareOf(order)) : new Decimal(order.retail_amount).negated();
    const expectedRefunds = refunded || partial ? 1 : 0;
    expectedCustomerNet.set(order.user_id, (expectedCustomerNet.get(order.user_id) ?? new Decimal(0)).plus(expectedNet));
    const ok = row && Number(row.payments) === 1 && Number(row.refunds) === expectedRefunds && new Decimal(row.customer_net).eq(expectedNet);
    if (!ok) {
      chargeViolations += 1;
      note('customer not charged exactly once (or refunded once)', { number: order.number, status: order.status, ...row, expectedNet: expectedNet.toFixed() });
    }
  }
  const balances = await sql<{ user_id: string; balance: string }[]>`select user_id, balance::text from ledger_accounts where kind = 'customer'`;
  let balanceViolations = 0;
  for (const account of balances) {
    const expected = new Decimal(demoCredit).plus(expectedCustomerNet.get(account.user_id) ?? 0);
    if (!expected.eq(account.balance)) {
      balanceViolations += 1;
      note('customer balance off', { user: account.user_id, balance: account.balance, expected: expected.toFixed() });
    }
  }
  const [total] = await sql<{ total: string }[]>`select coalesce(sum(amount), 0)::text as total from ledger_entries`;
  const ledgerBalanced = new Decimal(total!.total).isZero();
  if (!ledgerBalanced) note('double-entry ledger does not sum to zero', total!.total);

  // 4. The store's wholesale cost equals what the supplier wallet moved for our orders.
  const storeWallet = ledger.wallets.find((wallet) => wallet.currency === 'USD')!;
  let supplierNet = new Decimal(0);
  for (const transaction of ledger.transactions) {
    if (transaction.wallet_id !== storeWallet.id || !transaction.order || transaction.order.reason === 'adjustment') continue;
    const amount = new Decimal(String(transaction.amount));
    supplierNet = transaction.transaction_type === 'DEBIT' ? supplierNet.plus(amount) : supplierNet.minus(amount);
  }
  let storeWholesale = new Decimal(0);
  for (const order of local) {
    if (order.status !== 'DELIVERED') continue;
    const wholesale = new Decimal(order.wholesale_amount);
    const delivered = order.delivery.partial ? (order.delivery.deliveredQuantity ?? order.quantity) : order.quantity;
    storeWholesale = storeWholesale.plus(wholesale.times(delivered).dividedBy(order.quantity));
  }
  const walletDifference = storeWholesale.minus(supplierNet);
  // Partial voucher refunds are computed per code by the supplier; allow their sub-cent rounding.
  const partials = local.filter((order) => order.delivery.partial).length;
  const walletAgrees = walletDifference.abs().lte(new Decimal('0.0001').times(partials));
  if (!walletAgrees) note('store wholesale differs from supplier wallet movements', { storeWholesale: storeWholesale.toFixed(), supplierNet: supplierNet.toFixed() });

  const byStatus = Object.entries(
    local.reduce<Record<string, number>>((acc, order) => ({ ...acc, [`${order.vertical} ${order.status}`]: (acc[`${order.vertical} ${order.status}`] ?? 0) + 1 }), {}),
  )
    .sort()
    .map(([status, n]) => ({ status, orders: n }));
  byStatus.push({ status: 'all', orders: local.length });

  const reactionRows = await sql<{ reaction: string; n: string }[]>`
    select case
             when message like 'No answer from the supplier%' then 'no answer (timeout, 5xx, drop): kept SUBMITTING'
             when message like 'Supplier busy%' then 'supplier busy (429): retry later'
             when message like 'Supplier reports a duplicate%' then 'duplicate reference, not visible yet'
             when source = 'reconciler' and to_status <> from_status then 'settled by the reconciler'
             when source = 'poll' and to_status <> from_status then 'settled by a status poll'
           end as reaction,
           count(*)::text as n
    from order_events group by 1 having count(*) > 0 order by 1`;
  const reactions: Record<string, string | number>[] = reactionRows.filter((row) => row.reaction).map((row) => ({ reaction: row.reaction, events: Number(row.n) }));
  const [resubmitted] = await sql<{ n: string }[]>`select count(*)::text as n from orders where submit_attempts > 1`;
  reactions.push({ reaction: 'orders sent more than once (same client_reference)', events: Number(resubmitted!.n) });

  const checks = [
    { check: 'no order lost: local orders not terminal', counted: local.length, violations: open.length },
    { check: 'no order lost: confirmed checkouts without an order', counted: confirmed.length, violations: missing.length },
    { check: 'every supplier order matches a purchase (product, recipient, time)', counted: supplier.length, violations: unmatched.length },
    { check: 'one supplier order per local order (by our order ids)', counted: local.length, violations: ownedTwice + sharedClaims.length },
    { check: 'no supplier order without a local order', counted: supplier.length, violations: orphans.length },
    { check: 'local status agrees with the supplier', counted: local.length, violations: disagreements },
    { check: 'each confirmed order ends as bought (magic input)', counted: plans.size, violations: unexpected },
    { check: 'balance customer charged once / refunded once (per order)', counted: local.filter((o) => o.payment_provider === 'balance').length, violations: chargeViolations },
    { check: 'customer balances = credit - net order charges', counted: balances.length, violations: balanceViolations },
    { check: 'double-entry ledger sums to zero', counted: 1, violations: ledgerBalanced ? 0 : 1 },
    {
      check: `store wholesale ${storeWholesale.toFixed(4)} = supplier debits - refunds ${supplierNet.toFixed(4)} USD`,
      counted: 1,
      violations: walletAgrees ? 0 : 1,
    },
  ];
  return { checks, byStatus, reactions, details };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
