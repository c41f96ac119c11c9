/**
 * Pages: first-load JavaScript of every customer route, from the production build's manifests
 * (the framework's root chunks plus every chunk the route's layouts and page load; raw and
 * gzip), and Lighthouse performance and accessibility scores on its default mobile profile
 * (simulated slow 4G, 4x CPU slowdown) for the home page, a product page and an order page,
 * run with Debian's Chromium. The order is a gift card bought through the review and pay
 * actions by a signed-in customer; every page must answer 200 before it is scored.
 *
 * Env: CHROMIUM_PATH (/usr/bin/chromium), LIGHTHOUSE_RUNS (1 per page); --smoke scores only the
 * order page.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findOffer, syncAndEnableCatalogue } from './support/catalogue';
import { BENCH_DIST_DIR, createBenchDatabase, ensureProductionBuild, seedBenchDatabase, startSandboxProcess, startStorefront } from './support/processes';
import { printTable, runWhenMain, writeResult } from './support/report';
import { SMOKE } from './support/smoke';
import { buyOrFail, signUpCustomer, storeActions, StorefrontClient } from './support/storefront-client';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 1);

type RscManifest = Record<string, { entryJSFiles?: Record<string, string[]> }>;

function loadClientManifest(file: string): RscManifest {
  const source = readFileSync(file, 'utf8');
  const sandbox = { self: {} as Record<string, unknown>, globalThis: {} as Record<string, unknown> };
  // The manifest is a script assigning globalThis.__RSC_MANIFEST[...]: run it against a stand-in.
  new Function('self', 'globalThis', source)(sandbox.self, sandbox.globalThis);
  return ((sandbox.globalThis.__RSC_MANIFEST ?? sandbox.self.__RSC_MANIFEST) as RscManifest) ?? {};
}

/** First-load JS per customer route: root main files plus the route's entry chunks, deduplicated. */
export function firstLoadJs(distDir = BENCH_DIST_DIR) {
  const routes = JSON.parse(readFileSync(path.join(distDir, 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
  const build = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const rows: { route: string; chunks: number; 'raw KB': number; 'gzip KB': number }[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith('/page') || route.startsWith('/admin') || route.startsWith('/_')) continue;
    const manifestFile = path.join(distDir, 'server/app', `${entry}_client-reference-manifest.js`);
    if (!existsSync(manifestFile)) continue;
    const manifest = loadClientManifest(manifestFile);
    const files = new Set(build.rootMainFiles);
    for (const page of Object.values(manifest)) for (const chunks of Object.values(page.entryJSFiles ?? {})) chunks.forEach((chunk) => files.add(chunk));
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const full = path.join(distDir, file);
      if (!existsSync(full)) continue;
      raw += statSync(full).size;
      gzip += gzipSync(readFileSync(full)).length;
    }
    rows.push({ route, chunks: files.size, 'raw KB': Math.round(raw / 102.4) / 10, 'gzip KB': Math.round(gzip / 102.4) / 10 });
  }
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}

async function lighthouseScores(url: string, cookie: string | undefined) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    });
    const lhr = result!.lhr;
    const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
    return {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      'FCP ms': metric('first-contentful-paint'),
      'LCP ms': metric('largest-contentful-paint'),
      'TBT ms': metric('total-blocking-time'),
      CLS: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
      failedA11y: Object.values(lhr.categories.accessibility?.auditRefs ?? [])
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
        .map((audit) => audit!.id),
    };
  } finally {
    await chrome.kill();
  }
}

export async function runPagesBench() {
  await ensureProductionBuild();
  const js = firstLoadJs();
  printTable('First-load JavaScript per customer route (production build)', js);

  const routes = JSON.parse(readFileSync(path.join(BENCH_DIST_DIR, 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
  const productRoute = Object.values(routes).find((route) => /^\/vouchers\/\[[^\]]+\]$/.test(route));
  const database = await createBenchDatabase('bench_pages');
  const sandbox = await startSandboxProcess({ rateLimits: false, seed: 'bench-pages', timeScale: 0.01 });
  let store: Awaited<ReturnType<typeof startStorefront>> | undefined;
  const scores: Record<string, string | number>[] = [];
  try {
    await seedBenchDatabase(database.url);
    await syncAndEnableCatalogue(database.url, sandbox.url);
    store = await startStorefront({ databaseUrl: database.url, sandboxUrl: sandbox.url, env: { DEMO_CREDIT: '50.00' } });
    const actions = storeActions(BENCH_DIST_DIR);
    const customer = new StorefrontClient(store.baseUrl);
    await signUpCustomer(customer, actions.signUp, `pages-${Date.now()}@bench.test`, 'correct horse battery staple');
    const steam = await findOffer(database.url, 'voucher', 123, '10');
    // Bought over HTTP: the storefront encrypts the codes with its own AUTH_SECRET (bench/support/processes.ts).
    const orderId = await buyOrFail(customer, actions, steam, { quantity: '1' });
    const cookie = customer.cookieHeader();

    const pages: { page: string; path: string | null; cookie?: string }[] = [
      { page: 'home', path: '/' },
      { page: 'product (Steam Wallet Card)', path: productRoute ? productRoute.replace(/\[[^\]]+\]/, steam.productId) : null },
      { page: 'order (delivered gift card)', path: `/orders/${orderId}`, cookie },
    ];
    for (const page of SMOKE ? pages.slice(-1) : pages) {
      if (!page.path) {
        scores.push({ page: page.page, path: '(no product page in this build)' });
        continue;
      }
      // Warm the server so the score measures the page, not a cold process.
      const warm = await customer.get(page.path, 'text/html');
      if (warm.status !== 200) throw new Error(`${page.page} ${page.path} answered ${warm.status}: nothing to score`);
      for (let run = 0; run < RUNS; run++) {
        const { failedA11y, ...result } = await lighthouseScores(`${store.baseUrl}${page.path}`, page.cookie);
        scores.push({ page: page.page, path: page.path.replace(/[0-9a-f-]{36}/, ':id'), ...result, 'a11y audits failed': failedA11y.join(' ') || '-' });
      }
    }
    printTable('Lighthouse (mobile profile: simulated slow 4G, 4x CPU slowdown), Debian Chromium headless', scores);
  } finally {
    await store?.stop();
    await sandbox.stop();
    await database.drop();
  }
  writeResult('pages', { firstLoadJs: js, lighthouse: scores });
}

runWhenMain(import.meta.url, runPagesBench);
