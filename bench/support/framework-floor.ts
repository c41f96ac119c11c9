/**
 * The framework floor: a Next.js app with nothing of ours (bench/framework-floor), built with the
 * project's own next and react, measured in the same run as the store so a missed target can be
 * told apart from what the framework itself costs on this machine:
 * - the pages bench scores its home page (a server-rendered heading) with Lighthouse;
 * - the orders bench runs its checkout (two server actions shaped like the store's review and
 *   pay, doing no work, Pay redirecting to a server-rendered order page) at each concurrency.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { exited, freePort, killGroup, newestMtime, runNext, sleep } from './processes';
import { summarize, type LatencySummary } from './report';
import { purchase, readServerActions, StorefrontClient, type StoreActions } from './storefront-client';

const FLOOR_DIR = 'bench/framework-floor';

/** Builds the floor when it has no build or its sources (or the installed Next.js) are newer, then serves it on a free port. */
export async function startFrameworkFloor(): Promise<{ url: string; stop(): Promise<void> }> {
  const buildId = path.join(FLOOR_DIR, '.next', 'BUILD_ID');
  const sources = [path.join(FLOOR_DIR, 'app'), path.join(FLOOR_DIR, 'next.config.mjs'), 'node_modules/next/package.json', 'node_modules/react-dom/package.json'];
  if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestMtime(sources)) {
    console.log(`Building the framework floor (${FLOOR_DIR})...`);
    const build = await runNext(['build', FLOOR_DIR]);
    if (build.code !== 0) throw new Error(`next build ${FLOOR_DIR} failed (${build.code}):\n${build.log.slice(-3000)}`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', FLOOR_DIR, '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-5_000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-5_000)));
  const stop = async () => {
    killGroup(child, 'SIGTERM');
    await exited(child);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the framework floor's next start exited (${child.exitCode}):\n${output}`);
    const status = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      async (response) => (await response.body?.cancel(), response.status),
      () => 0,
    );
    if (status === 200) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the framework floor did not answer 200 within 60 s (last: ${status || 'no answer'}):\n${output}`);
    }
    await sleep(250);
  }
}

/** The floor's review and pay actions, from its build's manifest. */
function floorActions(): Pick<StoreActions, 'review' | 'place'> {
  const actions = readServerActions(path.join(FLOOR_DIR, '.next'));
  const find = (name: string) => {
    const found = actions.find((action) => action.filename.endsWith('app/checkout/actions.js') && action.name === name);
    if (!found) throw new Error(`the framework floor's build has no ${name}`);
    return found;
  };
  return { review: find('reviewAction'), place: find('payAction') };
}

export type FloorCheckoutResult = { concurrency: number; checkouts: number; checkoutsPerSecond: number; latency: LatencySummary };

/**
 * `total` floor checkouts (review, then pay and its redirect) from `concurrency` clients at once,
 * posted exactly as the orders bench posts the store's (storefront-client's purchase()).
 */
export async function floorCheckoutRate(floorUrl: string, concurrency: number, total: number): Promise<FloorCheckoutResult> {
  const actions = floorActions();
  const baseUrl = floorUrl.replace(/\/$/, '');
  const clients = Array.from({ length: concurrency }, () => new StorefrontClient(baseUrl));
  const buy = async (client: StorefrontClient) => {
    const result = await purchase(client, actions, '/checkout', { productId: 'floor', variantId: 'floor' });
    if (result.kind !== 'placed') throw new Error(`the framework floor's checkout failed at ${result.stage}: ${result.message}`);
  };
  for (let i = 0; i < 10; i++) await buy(clients[0]!);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (next < total) {
        next++;
        const began = performance.now();
        await buy(client);
        latencies.push(performance.now() - began);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { concurrency, checkouts: latencies.length, checkoutsPerSecond: latencies.length / seconds, latency: summarize(latencies) };
}
