/**
 * One command for the whole store: `npm start`.
 * Starts the Octopus sandbox on loopback unless OCTOPUS_API_URL names a real supplier, and the
 * Stripe stand-in unless STRIPE_API_URL or STRIPE_SECRET_KEY is set (see sandbox/README.md),
 * migrates and seeds the database (embedded PGlite unless DATABASE_URL is set), builds the
 * app when the build is missing or older than the sources, then serves it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase, databaseTargetFromEnv } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabase, type SeedResult } from '@/lib/store/seed';
import { parseEnv, sandboxMailPort } from '@/lib/env';
import { createOctopusClient } from '@/lib/octopus';
import { ensureDistTsconfig } from './dist-tsconfig';
import { loadDotEnv } from './load-env';

const { values: flags } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    port: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

loadDotEnv();
process.env.NEXT_TELEMETRY_DISABLED = '1';
const port = flags.port ?? process.env.PORT ?? '3000';

/** Auth.js needs a stable secret; the demo generates one once and keeps it in .data/. */
function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const file = path.resolve('.data/auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
}

/** In sandbox mode the webhook secret is generated once and kept beside the auth secret. */
function ensureWebhookSecret(): string {
  if (process.env.OCTOPUS_WEBHOOK_SECRET) return process.env.OCTOPUS_WEBHOOK_SECRET;
  const file = path.resolve('.data/webhook-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  process.env.OCTOPUS_WEBHOOK_SECRET = readFileSync(file, 'utf8').trim();
  return process.env.OCTOPUS_WEBHOOK_SECRET;
}

function newestSourceMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  for (const file of ['package.json', 'next.config.ts']) if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = `${process.env.NEXT_DIST_DIR || '.next'}/BUILD_ID`;
  if (!existsSync(buildId)) return false;
  return statSync(buildId).mtimeMs >= newestSourceMtime(['app', 'components', 'lib', 'db', 'public']);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function supplierClient(config: ReturnType<typeof parseEnv>) {
  return createOctopusClient({
    baseUrl: config.OCTOPUS_API_URL,
    apiKey: config.OCTOPUS_API_KEY,
    apiSecret: config.OCTOPUS_API_SECRET,
    timeoutMs: config.OCTOPUS_TIMEOUT_MS,
    logger: false,
  });
}

function reportCatalogueSeed(seed: SeedResult): void {
  const catalogue = seed.catalogue;
  if (catalogue?.status === 'synced') console.log(`Catalogue synced from the supplier: ${catalogue.products} products in ${catalogue.durationMs} ms.`);
  // The store still starts: operators can sync from the console once the supplier answers.
  if (catalogue?.status === 'failed') console.warn(`Catalogue sync failed (${catalogue.error}); sync it from /admin/catalogue/sync.`);
}

async function main(): Promise<void> {
  ensureAuthSecret();

  let closeSandbox: (() => Promise<void>) | undefined;
  if (!process.env.OCTOPUS_API_URL) {
    const { startSandbox } = await import('../sandbox/server');
    const sandboxPort = Number(process.env.SANDBOX_PORT || 4010);
    const sandbox = await startSandbox(
      {
        port: sandboxPort,
        timeScale: process.env.SANDBOX_TIME_SCALE ? Number(process.env.SANDBOX_TIME_SCALE) : undefined,
      },
      // With no SMTP_URL, mail goes to the sandbox's catcher (lib/env.ts points SMTP_URL at this port).
      process.env.SMTP_URL ? {} : { mailPort: sandboxMailPort(sandboxPort) },
    );
    closeSandbox = () => sandbox.close();
    // The supplier dashboard's job: point the sandbox's webhooks at our endpoint, signed with our secret.
    const webhookUrl = `${(process.env.WEBHOOK_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '')}/api/webhooks/octopus`;
    sandbox.core.webhooks.addConfig({ url: webhookUrl, secret: ensureWebhookSecret() });
    console.log(`Sandbox webhooks go to ${webhookUrl}`);
    process.env.OCTOPUS_API_URL = sandbox.url;
    process.env.OCTOPUS_SANDBOX ??= 'true';
    console.log(`Octopus sandbox listening on ${sandbox.url}`);
    if (sandbox.mail) console.log(`SMTP catcher listening on ${sandbox.mail.url}; read the mail at ${sandbox.url}/__sandbox/mail/inbox`);
  }
  // Links in emails point here unless PUBLIC_URL names the public address.
  process.env.PUBLIC_URL ??= `http://localhost:${port}`;

  let closeStripe: (() => Promise<void>) | undefined;
  if (!process.env.STRIPE_API_URL && !process.env.STRIPE_SECRET_KEY) {
    const { startStripeSandbox, DEFAULT_SECRET_KEY } = await import('../sandbox/stripe/server');
    const stripePort = Number(process.env.STRIPE_SANDBOX_PORT || Number(process.env.SANDBOX_PORT || 4010) + 500);
    // Each launch signs webhooks with a fresh secret that only this store process is told.
    const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET || `whsec_${randomBytes(24).toString('hex')}`;
    const stripe = await startStripeSandbox({
      port: stripePort,
      publicUrl: process.env.STRIPE_SANDBOX_PUBLIC_URL || undefined,
      accountName: process.env.STORE_NAME || undefined,
      timeScale: process.env.SANDBOX_TIME_SCALE ? Number(process.env.SANDBOX_TIME_SCALE) : undefined,
      webhookEndpoints: [{ url: `http://127.0.0.1:${port}/api/webhooks/stripe`, secret: webhookSecret }],
    });
    closeStripe = () => stripe.close();
    process.env.STRIPE_API_URL = stripe.url;
    process.env.STRIPE_SECRET_KEY = DEFAULT_SECRET_KEY;
    process.env.STRIPE_WEBHOOK_SECRET = webhookSecret;
    console.log(`Stripe stand-in listening on ${stripe.url} (webhooks to /api/webhooks/stripe)`);
  }

  // Fail fast, with every bad variable named, before anything else starts.
  const config = parseEnv(process.env);
  if (!config.OCTOPUS_SANDBOX && config.TRUST_PROXY === 0) {
    console.warn('TRUST_PROXY is not set: all clients share one sign-in and sign-up rate-limit bucket. Set it to the number of proxies in front of the server.');
  }

  const target = databaseTargetFromEnv();
  const handle = createDatabase(target);
  let seed: SeedResult;
  try {
    await migrateDatabase(target, handle);
    seed = await seedDatabase(handle.db, {
      storeName: config.STORE_NAME,
      storeCurrency: config.STORE_CURRENCY,
      operatorEmail: config.OPERATOR_EMAIL,
      operatorPassword: config.OPERATOR_PASSWORD,
      supplier: { client: supplierClient(config), sandbox: config.OCTOPUS_SANDBOX },
    });
  } finally {
    // PGlite allows one process per data directory: release it before Next opens it.
    await handle.close();
  }
  console.log(`Database ready (${handle.driver}${handle.driver === 'pglite' ? `, ${config.PGLITE_DIR}` : ''}).`);
  reportCatalogueSeed(seed);
  if (seed.operator) {
    const password = config.OPERATOR_PASSWORD ? '(from OPERATOR_PASSWORD)' : `${seed.operator.password}  (shown once)`;
    console.log(`\nOperator account: ${seed.operator.email}\nPassword: ${password}\nSign in at /sign-in, then open /admin.\n`);
  }

  ensureDistTsconfig(process.env.NEXT_DIST_DIR);
  const childEnv = { ...process.env };
  const nextBin = path.resolve('node_modules/.bin/next');
  if (!flags.dev && !flags['no-build'] && !buildIsCurrent()) {
    console.log('Building the storefront (first start or sources changed)...');
    const code = await run(nextBin, ['build'], { ...childEnv, NODE_ENV: 'production' });
    if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  }

  console.log(`Storefront starting on http://localhost:${port}`);
  // Idle connections stay open longer than clients and proxies keep theirs (load balancers ~60 s,
  // undici 4 s), so a client never sends on a socket the server is closing (ECONNRESET).
  const serverArgs = flags.dev ? ['dev', '--port', port] : ['start', '--port', port, '--keepAliveTimeout', '65000'];
  const server = spawn(nextBin, serverArgs, {
    stdio: 'inherit',
    env: { ...childEnv, NODE_ENV: flags.dev ? 'development' : 'production' },
  });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', async (code) => {
    await closeSandbox?.();
    await closeStripe?.();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
