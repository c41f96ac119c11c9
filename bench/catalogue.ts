/**
 * Catalogue: how long the supplier sync takes for the sandbox's own catalogue and for a generated
 * one of 5,000 products / 20,000 variants (sandbox option `generatedProducts`), first run (all
 * new) and an unchanged re-run; then the storefront's search latency over the large catalogue
 * (GET /<section>?q=..., the customer's search box, through the production server).
 *
 * Env: CATALOGUE_PRODUCTS (5000), CATALOGUE_VARIANTS (4 per product), SEARCH_REQUESTS (40 per term).
 */
import { count } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { products, productVariants } from '@/db/schema';
import { runCatalogueSync } from '@/lib/catalogue/sync';
import { benchSupplierClient } from './support/catalogue';
import { createBenchDatabase, ensureProductionBuild, seedBenchDatabase, startSandboxProcess, startStorefront } from './support/processes';
import { printTable, runWhenMain, summarize, writeResult } from './support/report';
import { benchSize } from './support/smoke';
import { StorefrontClient } from './support/storefront-client';

const GENERATED = Number(benchSize('CATALOGUE_PRODUCTS', '5000', '100'));
const VARIANTS = Number(benchSize('CATALOGUE_VARIANTS', '4', '2'));
const SEARCH_REQUESTS = Number(benchSize('SEARCH_REQUESTS', '40', '3'));
const SEARCHES = [
  { section: 'vouchers', q: 'Steam' },
  { section: 'vouchers', q: 'card 1234' },
  { section: 'games', q: 'PUBG' },
  { section: 'esim', q: 'Japan' },
  { section: 'vouchers', q: 'no such product zzz' },
];

async function timeSync(databaseUrl: string, sandboxUrl: string, label: string) {
  const handle = createDatabase({ url: databaseUrl });
  try {
    const rows: Record<string, string | number>[] = [];
    for (const run of ['first sync (all new)', 're-sync (unchanged)']) {
      const started = performance.now();
      const outcome = await runCatalogueSync({ db: handle.db, client: benchSupplierClient(sandboxUrl), storeCurrency: 'USD' }, { trigger: 'operator' });
      const seconds = (performance.now() - started) / 1000;
      if (outcome.status !== 'succeeded') throw new Error(`sync ${outcome.status}: ${'error' in outcome ? outcome.error : ''}`);
      const [productCount] = await handle.db.select({ n: count() }).from(products);
      const [variantCount] = await handle.db.select({ n: count() }).from(productVariants);
      rows.push({
        catalogue: label,
        run,
        products: productCount!.n,
        variants: variantCount!.n,
        'new': outcome.summary.new,
        seconds: Math.round(seconds * 100) / 100,
        'products/s': Math.round(productCount!.n / seconds),
      });
    }
    return rows;
  } finally {
    await handle.close();
  }
}

export async function runCatalogueBench() {
  await ensureProductionBuild();
  const rows: Record<string, string | number>[] = [];

  const small = await createBenchDatabase('bench_cat');
  const seeded = await startSandboxProcess({ rateLimits: false, seed: 'bench-catalogue' });
  try {
    rows.push(...(await timeSync(small.url, seeded.url, 'sandbox (seeded)')));
  } finally {
    await seeded.stop();
    await small.drop();
  }

  const large = await createBenchDatabase('bench_catl');
  const generated = await startSandboxProcess({ rateLimits: false, seed: 'bench-catalogue', generatedProducts: GENERATED, generatedVariantsPerProduct: VARIANTS });
  let store: Awaited<ReturnType<typeof startStorefront>> | undefined;
  const searchRows: Record<string, string | number>[] = [];
  try {
    rows.push(...(await timeSync(large.url, generated.url, `generated ${GENERATED} x ${VARIANTS}`)));
    printTable('Catalogue sync (supplier sandbox in its own process, PostgreSQL)', rows);

    const handle = createDatabase({ url: large.url });
    await handle.db.update(products).set({ enabled: true, pausedReason: null });
    await handle.close();
    await seedBenchDatabase(large.url);
    store = await startStorefront({ databaseUrl: large.url, sandboxUrl: generated.url, smtpUrl: generated.smtpUrl });
    const client = new StorefrontClient(store.baseUrl);
    for (const search of SEARCHES) {
      const path = `/${search.section}?q=${encodeURIComponent(search.q)}`;
      const first = await client.get(path, 'text/html');
      const latencies: number[] = [];
      for (let i = 0; i < SEARCH_REQUESTS; i++) latencies.push((await client.get(path, 'text/html')).ms);
      const summary = summarize(latencies);
      searchRows.push({
        search: path,
        status: first.status,
        'first ms': Math.round(first.ms),
        'p50 ms': summary.p50,
        'p95 ms': summary.p95,
        'p99 ms': summary.p99,
        'page KB': Math.round(first.body.length / 1024),
      });
    }
    printTable(`Storefront search over the generated catalogue (${SEARCH_REQUESTS} sequential requests per search, HTML page)`, searchRows);
  } finally {
    await store?.stop();
    await generated.stop();
    await large.drop();
  }
  writeResult('catalogue', { generatedProducts: GENERATED, variantsPerProduct: VARIANTS, sync: rows, search: searchRows });
}

runWhenMain(import.meta.url, runCatalogueBench);
