/**
 * Live status: how many supplier calls one PENDING order costs while 1, 10 and 100 browsers
 * poll its status route (GET /api/orders/:id, as the order page's React Query does in its first
 * 30 seconds: every 2 s). The order is a PUBG top-up with the sandbox's long-PENDING input, so
 * it stays PENDING for the whole run; the in-server reconciler keeps running as in production.
 * Supplier calls are counted by the sandbox's own request log. The order is bought through the
 * review and pay actions; the bench fails if it is not PENDING from first to last poll (then
 * the figures would describe a settled order) or if a poll errs.
 *
 * Env: LIVE_SECONDS (30 per level), LIVE_LEVELS (1,10,100); --smoke: 3 s at 1 and 5 browsers.
 */
import { findOffer, syncAndEnableCatalogue } from './support/catalogue';
import {
  BENCH_DIST_DIR,
  createBenchDatabase,
  ensureProductionBuild,
  seedBenchDatabase,
  sleep,
  startSandboxProcess,
  startStorefront,
} from './support/processes';
import { printTable, runWhenMain, summarize, writeResult } from './support/report';
import { benchSize } from './support/smoke';
import { buyOrFail, signUpCustomer, storeActions, StorefrontClient } from './support/storefront-client';

const SECONDS = Number(benchSize('LIVE_SECONDS', '30', '3'));
const LEVELS = benchSize('LIVE_LEVELS', '1,10,100', '1,5').split(',').map(Number);
const BROWSER_INTERVAL_MS = 2_000;

export async function runLiveStatusBench() {
  await ensureProductionBuild();
  const actions = storeActions(BENCH_DIST_DIR);
  const database = await createBenchDatabase('bench_live');
  const sandbox = await startSandboxProcess({ rateLimits: false, seed: 'bench-live' });
  let store: Awaited<ReturnType<typeof startStorefront>> | undefined;
  try {
    await seedBenchDatabase(database.url);
    await syncAndEnableCatalogue(database.url, sandbox.url);
    store = await startStorefront({ databaseUrl: database.url, sandboxUrl: sandbox.url, smtpUrl: sandbox.smtpUrl, env: { DEMO_CREDIT: '20.00' } });
    const email = `live-${Date.now()}@bench.test`;
    const customer = new StorefrontClient(store.baseUrl);
    await signUpCustomer(customer, actions.signUp, email, 'correct horse battery staple');
    const offer = await findOffer(database.url, 'topup', 4218, '0.99');
    const orderId = await buyOrFail(customer, actions, offer, { inputData: { player_id: '000000408' } });
    const first = JSON.parse((await customer.get(`/api/orders/${orderId}`)).body) as { status: string };
    if (first.status !== 'PENDING') throw new Error(`order ${orderId} is ${first.status}, not PENDING: nothing to measure`);
    console.log(`Order ${orderId} is ${first.status}; polling...`);

    const rows: Record<string, number | string>[] = [];
    for (const pollers of LEVELS) {
      await sleep(3_500);
      await sandbox.control.clearRequests();
      const latencies: number[] = [];
      let errors = 0;
      const statuses = new Set<string>();
      const deadline = Date.now() + SECONDS * 1000;
      const browser = async (index: number) => {
        // Browsers open the page at different moments within the first interval.
        await sleep((index * BROWSER_INTERVAL_MS) / pollers);
        while (Date.now() < deadline) {
          const started = Date.now();
          try {
            const reply = await customer.get(`/api/orders/${orderId}`);
            latencies.push(reply.ms);
            if (reply.status !== 200) errors += 1;
            else statuses.add((JSON.parse(reply.body) as { status: string }).status);
          } catch {
            errors += 1;
          }
          await sleep(Math.max(0, BROWSER_INTERVAL_MS - (Date.now() - started)));
        }
      };
      const started = Date.now();
      await Promise.all(Array.from({ length: pollers }, (_, index) => browser(index)));
      const minutes = (Date.now() - started) / 60_000;
      const counts = await sandbox.control.requestCounts();
      const orderReads = counts['GET /api/v1/topups/orders/:id'] ?? 0;
      const allSupplier = Object.values(counts).reduce((sum, n) => sum + n, 0);
      const latency = summarize(latencies);
      // Figures of an order that settled, or of failed polls, describe something else: fail.
      if (errors > 0 || statuses.size !== 1 || !statuses.has('PENDING')) {
        throw new Error(`at ${pollers} browsers the order was ${[...statuses].join(', ') || '(no answer)'} with ${errors} failed polls; it must stay PENDING`);
      }
      rows.push({
        pollers,
        'status requests/min': Math.round(latencies.length / minutes),
        'supplier order reads/min': Math.round((orderReads / minutes) * 10) / 10,
        'all supplier calls/min': Math.round((allSupplier / minutes) * 10) / 10,
        'poll p50 ms': latency.p50,
        'poll p95 ms': latency.p95,
        errors,
        'order status': [...statuses].join(','),
      });
    }
    printTable(`Live status: one PENDING order, browsers polling every ${BROWSER_INTERVAL_MS / 1000} s for ${SECONDS} s`, rows);
    writeResult('live-status', { seconds: SECONDS, intervalMs: BROWSER_INTERVAL_MS, rows });
    return rows;
  } finally {
    await store?.stop();
    await sandbox.stop();
    await database.drop();
  }
}

runWhenMain(import.meta.url, runLiveStatusBench);
