/**
 * Order placement: throughput and latency of a whole checkout (review, then pay, as the browser
 * posts them: two server actions over HTTP) at 1, 10 and 50 concurrent buyers, each a signed-in
 * customer, against the production build with PostgreSQL and the sandbox in their own processes.
 * The storefront's own overhead is the checkout time minus the time the sandbox spent answering
 * the supplier calls those checkouts made (from the sandbox's request log, server-side).
 * Orders rotate over a top-up, a gift card and an eSIM; sandbox delays are scaled by 0.01 so the
 * supplier's simulated processing time does not hide the storefront's.
 *
 * Env: ORDERS_LEVELS (1,10,50), ORDERS_PER_LEVEL (30,150,300).
 */
import { findOffer, syncAndEnableCatalogue, type Offer } from './support/catalogue';
import { BENCH_DIST_DIR, createBenchDatabase, ensureProductionBuild, seedBenchDatabase, startSandboxProcess, startStorefront } from './support/processes';
import { printTable, runWhenMain, summarize, writeResult } from './support/report';
import { benchSize } from './support/smoke';
import { productPagePath, purchase, signUpCustomer, storeActions, StorefrontClient } from './support/storefront-client';

const LEVELS = benchSize('ORDERS_LEVELS', '1,10,50', '2').split(',').map(Number);
const PER_LEVEL = benchSize('ORDERS_PER_LEVEL', '30,150,300', '6').split(',').map(Number);

export async function runOrdersBench() {
  await ensureProductionBuild();
  const actions = storeActions(BENCH_DIST_DIR);
  const database = await createBenchDatabase('bench_orders');
  const sandbox = await startSandboxProcess({ timeScale: 0.01, rateLimits: false, seed: 'bench-orders' });
  let store: Awaited<ReturnType<typeof startStorefront>> | undefined;
  try {
    await seedBenchDatabase(database.url);
    await syncAndEnableCatalogue(database.url, sandbox.url);
    const offers: { offer: Offer; fields: { quantity?: string; inputData?: Record<string, string> } }[] = [
      { offer: await findOffer(database.url, 'topup', 4218, '0.99'), fields: { inputData: { player_id: '5123456789' } } },
      { offer: await findOffer(database.url, 'voucher', 123, '10'), fields: { quantity: '1' } },
      { offer: await findOffer(database.url, 'esim', 712, '4.50'), fields: {} },
    ];
    store = await startStorefront({ databaseUrl: database.url, sandboxUrl: sandbox.url, env: { DEMO_CREDIT: '99999.00' } });
    const running = store;
    const buyers: StorefrontClient[] = [];
    for (let i = 0; i < Math.max(...LEVELS); i++) {
      const client = new StorefrontClient(running.baseUrl);
      await signUpCustomer(client, actions.signUp, `orders-${i}-${Date.now()}@bench.test`, 'correct horse battery staple');
      buyers.push(client);
    }
    const pageFor = (offer: Offer) => productPagePath(actions, offer);
    // Warm-up: first requests compile nothing in production, but fill caches and pools.
    for (let i = 0; i < 6; i++) {
      const { offer, fields } = offers[i % offers.length]!;
      await purchase(buyers[0]!, actions, pageFor(offer), { productId: offer.productId, variantId: offer.variantId, ...fields });
    }

    const rows: Record<string, string | number>[] = [];
    const raw: Record<string, unknown>[] = [];
    for (const [levelIndex, concurrency] of LEVELS.entries()) {
      const total = PER_LEVEL[levelIndex] ?? PER_LEVEL.at(-1)!;
      await sandbox.control.clearRequests();
      const checkout: number[] = [];
      const pay: number[] = [];
      let refused = 0;
      let firstRefusal = '';
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async (_, worker) => {
          while (next < total) {
            const index = next++;
            const { offer, fields } = offers[index % offers.length]!;
            const began = performance.now();
            const result = await purchase(buyers[worker]!, actions, pageFor(offer), { productId: offer.productId, variantId: offer.variantId, ...fields });
            if (result.kind !== 'placed') {
              refused += 1;
              firstRefusal ||= `${result.stage}: ${result.message.slice(0, 200)}`;
              continue;
            }
            checkout.push(performance.now() - began);
            pay.push(result.placeMs);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const supplierRequests = await sandbox.control.requests();
      const supplierMs = supplierRequests.reduce((sum, request) => sum + (request.durationMs ?? 0), 0);
      const perCheckoutSupplierMs = supplierMs / Math.max(1, checkout.length);
      const checkoutSummary = summarize(checkout);
      const paySummary = summarize(pay);
      rows.push({
        buyers: concurrency,
        orders: checkout.length,
        refused,
        'orders/s': Math.round((checkout.length / seconds) * 10) / 10,
        'checkout p50': checkoutSummary.p50,
        'checkout p95': checkoutSummary.p95,
        'checkout p99': checkoutSummary.p99,
        'pay p50': paySummary.p50,
        'pay p95': paySummary.p95,
        'pay p99': paySummary.p99,
        'supplier calls/order': Math.round((supplierRequests.length / Math.max(1, checkout.length)) * 10) / 10,
        'sandbox ms/order': Math.round(perCheckoutSupplierMs * 10) / 10,
        'storefront overhead ms/order': Math.round((checkoutSummary.mean - perCheckoutSupplierMs) * 10) / 10,
      });
      raw.push({ concurrency, checkout: checkoutSummary, pay: paySummary, seconds, supplierRequests: supplierRequests.length, supplierMs });
      // Every buyer has credit and every input is valid: a refusal is a broken checkout, not a figure.
      if (refused > 0) throw new Error(`${refused} of ${total} checkouts refused at ${concurrency} buyers (first: ${firstRefusal})`);
    }
    printTable('Order placement (review + pay over HTTP server actions; latencies in ms; overhead = mean checkout - sandbox time)', rows);
    writeResult('orders', { levels: LEVELS, rows, raw });
    return rows;
  } finally {
    await store?.stop();
    await sandbox.stop();
    await database.drop();
  }
}

runWhenMain(import.meta.url, runOrdersBench);
