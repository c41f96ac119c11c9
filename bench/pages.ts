/**
 * Pages: first-load JavaScript of every customer route, from the production build's manifests
 * (the framework's root chunks plus every chunk the route's layouts and page load; raw and
 * gzip), and Lighthouse performance and accessibility scores on its default mobile profile
 * (simulated slow 4G, 4x CPU slowdown) for the home page, a product page and an order page,
 * run with Debian's Chromium. The order is a gift card bought through the review and pay
 * actions by a signed-in customer; every page must answer 200 before it is scored. Then the
 * framework floor, a Next.js page with nothing of ours (bench/framework-floor), is scored the same
 * way, so the store's scores can be read against what the framework alone gets on this machine.
 *
 * Env: CHROMIUM_PATH (/usr/bin/chromium), LIGHTHOUSE_RUNS (1 per page), LIGHTHOUSE_REPORT_DIR (keeps
 * each run's full Lighthouse JSON there: long tasks, script boot-up, the LCP element); --smoke
 * scores only the order page.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { checkBudgets } from './budget-check';
import { HOME_AND_SECTION_ROUTES, PRODUCT_OVER_FRAMEWORK_KB, PRODUCT_ROUTES, targets } from './budgets';
import { findOffer, syncAndEnableCatalogue } from './support/catalogue';
import { firstLoadJs, frameworkJs } from './support/first-load';
import { startFrameworkFloor } from './support/framework-floor';
import { BENCH_DIST_DIR, createBenchDatabase, ensureProductionBuild, seedBenchDatabase, startSandboxProcess, startStorefront } from './support/processes';
import { printTable, runWhenMain, writeResult } from './support/report';
import { SMOKE } from './support/smoke';
import { buyOrFail, signUpCustomer, storeActions, StorefrontClient } from './support/storefront-client';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 1);
const REPORT_DIR = process.env.LIGHTHOUSE_REPORT_DIR;

async function lighthouseScores(url: string, cookie: string | undefined, reportName: string) {
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
    if (REPORT_DIR) {
      mkdirSync(REPORT_DIR, { recursive: true });
      writeFileSync(path.join(REPORT_DIR, `${reportName}.json`), JSON.stringify(lhr));
    }
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

export { firstLoadJs } from './support/first-load';

type LighthouseRow = Record<string, string | number>;

/** A Next.js page with nothing of ours, scored beside the store's (bench/support/framework-floor.ts). */
const FLOOR_PAGE = 'framework floor (Next.js + React alone)';

/** The issue's rows (#18): each figure beside its target, from this run. */
function targetRows(js: ReturnType<typeof firstLoadJs>, frameworkKb: number, scores: LighthouseRow[]) {
  const largest = (routes: string[]) => js.filter((row) => routes.includes(row.route)).sort((a, b) => b['gzip KB'] - a['gzip KB'])[0];
  const product = largest(PRODUCT_ROUTES);
  const home = largest(HOME_AND_SECTION_ROUTES);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const rows: Record<string, string>[] = [];
  if (product) {
    const over = Math.round((product['gzip KB'] - frameworkKb) * 10) / 10;
    rows.push({
      figure: `first-load JS, product pages (largest: ${product.route})`,
      value: `${product['gzip KB']} KB gz (framework ${frameworkKb} + ${over})`,
      target: `≤ ${targets.productPagesKb} KB gz, ≤ framework + ${PRODUCT_OVER_FRAMEWORK_KB}`,
      result: verdict(product['gzip KB'] <= targets.productPagesKb && over <= PRODUCT_OVER_FRAMEWORK_KB),
    });
  }
  if (home) {
    rows.push({
      figure: `first-load JS, home and sections (largest: ${home.route})`,
      value: `${home['gzip KB']} KB gz`,
      target: `≤ ${targets.homeAndSectionsKb} KB gz`,
      result: verdict(home['gzip KB'] <= targets.homeAndSectionsKb),
    });
  }
  for (const [label, page] of [
    ['Lighthouse mobile, product page', 'product'],
    ['Lighthouse mobile, home', 'home'],
  ] as const) {
    const runs = scores.filter((row) => String(row.page).startsWith(page) && typeof row.performance === 'number');
    if (runs.length === 0) continue;
    const worst = runs.sort((a, b) => Number(a.performance) - Number(b.performance))[0]!;
    const worstTbt = Math.max(...runs.map((row) => Number(row['TBT ms'])));
    rows.push({
      figure: `${label} (worst of ${runs.length})`,
      value: `${worst.performance} (TBT ${worstTbt} ms)`,
      target: `≥ ${targets.lighthousePerformance}, TBT ≤ ${targets.lighthouseTbtMs} ms`,
      result: verdict(Number(worst.performance) >= targets.lighthousePerformance && worstTbt <= targets.lighthouseTbtMs),
    });
  }
  const floorRuns = scores.filter((row) => row.page === FLOOR_PAGE && typeof row.performance === 'number');
  if (floorRuns.length > 0) {
    const worst = floorRuns.sort((a, b) => Number(a.performance) - Number(b.performance))[0]!;
    rows.push({
      figure: `Lighthouse mobile, framework floor: a Next.js page with no code of ours (worst of ${floorRuns.length})`,
      value: `${worst.performance} (TBT ${Math.max(...floorRuns.map((row) => Number(row['TBT ms'])))} ms)`,
      target: '- (reference: the same machine and run)',
      result: '-',
    });
  }
  return rows;
}

export async function runPagesBench() {
  await ensureProductionBuild();
  const js = firstLoadJs(BENCH_DIST_DIR);
  const framework = frameworkJs(BENCH_DIST_DIR);
  printTable(`First-load JavaScript per customer route (production build; framework root chunks ${framework['gzip KB']} KB gz, ${framework['raw KB']} KB raw)`, js);
  const budgets = checkBudgets(BENCH_DIST_DIR);
  if (budgets.failures.length > 0) console.log(`\nOver budget (bench/budgets.ts):\n${budgets.failures.map((line) => `  ✘ ${line}`).join('\n')}`);

  const routes = JSON.parse(readFileSync(path.join(BENCH_DIST_DIR, 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
  const productRoute = Object.values(routes).find((route) => /^\/vouchers\/\[[^\]]+\]$/.test(route));
  const database = await createBenchDatabase('bench_pages');
  const sandbox = await startSandboxProcess({ rateLimits: false, seed: 'bench-pages', timeScale: 0.01 });
  let store: Awaited<ReturnType<typeof startStorefront>> | undefined;
  const scores: LighthouseRow[] = [];
  try {
    await seedBenchDatabase(database.url);
    await syncAndEnableCatalogue(database.url, sandbox.url);
    store = await startStorefront({ databaseUrl: database.url, sandboxUrl: sandbox.url, smtpUrl: sandbox.smtpUrl, env: { DEMO_CREDIT: '50.00' } });
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
        const { failedA11y, ...result } = await lighthouseScores(`${store.baseUrl}${page.path}`, page.cookie, `${page.page.split(' ')[0]}-${run + 1}`);
        scores.push({ page: page.page, path: page.path.replace(/[0-9a-f-]{36}/, ':id'), ...result, 'a11y audits failed': failedA11y.join(' ') || '-' });
      }
    }
    // The same machine, the same run, nothing of ours: what the targets are up against.
    const floor = await startFrameworkFloor();
    try {
      for (let run = 0; run < RUNS; run++) {
        const { failedA11y, ...result } = await lighthouseScores(floor.url, undefined, `floor-${run + 1}`);
        scores.push({ page: FLOOR_PAGE, path: '/ (bench/framework-floor)', ...result, 'a11y audits failed': failedA11y.join(' ') || '-' });
      }
    } finally {
      await floor.stop();
    }
    printTable('Lighthouse (mobile profile: simulated slow 4G, 4x CPU slowdown), Debian Chromium headless', scores);
    printTable('Targets of issue #18 (front end)', targetRows(js, framework['gzip KB'], scores));
  } finally {
    await store?.stop();
    await sandbox.stop();
    await database.drop();
  }
  writeResult('pages', { framework, firstLoadJs: js, budgets: budgets.rows, lighthouse: scores, targets: targetRows(js, framework['gzip KB'], scores) });
}

runWhenMain(import.meta.url, runPagesBench);
