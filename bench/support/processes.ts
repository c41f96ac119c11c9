/**
 * The moving parts of a bench or fault run, each in its own process on loopback: a throwaway
 * PostgreSQL database, the sandbox, and a production build served by `next start`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { createDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabase } from '@/lib/store/seed';
import { SandboxControl } from '@/sandbox/control';
import { ensureDistTsconfig } from '../../scripts/dist-tsconfig';
import type { SandboxOptions } from '@/sandbox/server';

/** Benches build into their own directory, so they never disturb `npm start` or e2e slots (BENCH_DIST_DIR reuses a current build, as `npm test` does). */
export const BENCH_DIST_DIR = process.env.BENCH_DIST_DIR || '.next-e2e-bench';
export const POSTGRES_SERVER_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const benchOperator = { email: 'operator@bench.test', password: 'bench operator passphrase' };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export type BenchDatabase = { url: string; name: string; drop(): Promise<void> };

/** A fresh database on the local PostgreSQL server, migrated; drop() removes it. */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(POSTGRES_SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end({ timeout: 5 });
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  await migrateDatabase({ url: url.toString() });
  return {
    url: url.toString(),
    name,
    async drop() {
      const again = postgres(POSTGRES_SERVER_URL, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end({ timeout: 5 });
    },
  };
}

/** The demo store's settings and an operator, as `npm start` seeds them. */
export async function seedBenchDatabase(url: string): Promise<void> {
  const handle = createDatabase({ url });
  try {
    await seedDatabase(handle.db, {
      storeName: 'Bench Store',
      storeCurrency: 'USD',
      operatorEmail: benchOperator.email,
      operatorPassword: benchOperator.password,
    });
  } finally {
    await handle.close();
  }
}

function waitForLine(child: ChildProcess, marker: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`process did not print ${marker} within ${timeoutMs} ms:\n${buffer.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(marker);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited (${code}) before ${marker}:\n${buffer.slice(-2000)}`));
    });
  });
}

/** Stops a process we started and everything it started (its own process group). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export function exited(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export type SandboxProcess = { url: string; /** Its SMTP catcher, for the store's SMTP_URL. */ smtpUrl: string; control: SandboxControl; pid: number; stop(): Promise<void> };

/** The sandbox in a separate process (so its CPU is not the storefront's), on a free loopback port. */
export async function startSandboxProcess(options: Partial<SandboxOptions> = {}): Promise<SandboxProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['bench/support/sandbox-main.ts'], {
    env: { ...process.env, SANDBOX_OPTIONS: JSON.stringify({ ...options, port }) },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const [, url, smtpUrl] = (await waitForLine(child, /SANDBOX_READY (\S+) (\S+)/, 60_000)) as RegExpMatchArray & [string, string, string];
  child.stdout?.resume();
  return {
    url,
    smtpUrl,
    control: new SandboxControl(url),
    pid: child.pid!,
    async stop() {
      killGroup(child, 'SIGTERM');
      await exited(child);
    },
  };
}

export function newestMtime(entries: string[]): number {
  let newest = 0;
  const walk = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const child of readdirSync(entry)) walk(path.join(entry, child));
  };
  for (const entry of entries) walk(entry);
  return newest;
}

/**
 * Builds the storefront into BENCH_DIST_DIR unless that build is newer than every source.
 * `next build` rewrites tsconfig.json to include its dist directory; the file is put back.
 */
export async function ensureProductionBuild(distDir = BENCH_DIST_DIR): Promise<{ built: boolean; seconds: number; log: string }> {
  const buildId = path.join(distDir, 'BUILD_ID');
  const sources = ['app', 'components', 'lib', 'db', 'public', 'package.json', 'next.config.ts', 'instrumentation.ts', 'proxy.ts'];
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestMtime(sources) && !process.env.BENCH_REBUILD) {
    return { built: false, seconds: 0, log: '' };
  }
  console.log(`Building the storefront into ${distDir} (sources changed)...`);
  // A fresh clone has no tsconfig.e2e.json yet (next.config.ts points builds outside .next at it).
  ensureDistTsconfig(distDir);
  const tsconfig = readFileSync('tsconfig.json', 'utf8');
  const started = Date.now();
  let log = '';
  try {
    const build = await runNext(['build'], { NEXT_DIST_DIR: distDir });
    log = build.log;
    if (build.code !== 0) throw new Error(`next build failed (${build.code}):\n${log.slice(-4000)}`);
  } finally {
    writeFileSync('tsconfig.json', tsconfig);
  }
  return { built: true, seconds: Math.round((Date.now() - started) / 1000), log };
}

/** Runs a `next` command (build) to its end in production mode, its output kept for the error message. */
export function runNext(args: string[], env: Record<string, string> = {}): Promise<{ code: number; log: string }> {
  return new Promise((resolve, reject) => {
    let log = '';
    const child = spawn(path.resolve('node_modules/.bin/next'), args, {
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, log }));
  });
}

export type StorefrontOptions = {
  databaseUrl: string;
  sandboxUrl: string;
  /** The sandbox's SMTP catcher (SandboxProcess.smtpUrl): the store mails as in production. */
  smtpUrl: string;
  port?: number;
  distDir?: string;
  env?: Record<string, string>;
};

export type StorefrontProcess = {
  baseUrl: string;
  port: number;
  pid(): number;
  /** kill -9 of the server process group: no shutdown hooks, requests in flight die. */
  crash(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
};

/** The environment of every storefront process of a run (web servers and workers alike). */
export function storefrontEnv(options: Pick<StorefrontOptions, 'databaseUrl' | 'sandboxUrl' | 'smtpUrl' | 'distDir' | 'env'>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: options.distDir ?? BENCH_DIST_DIR,
    DATABASE_URL: options.databaseUrl,
    OCTOPUS_API_URL: options.sandboxUrl,
    SMTP_URL: options.smtpUrl,
    OCTOPUS_SANDBOX: 'true',
    AUTH_SECRET: 'bench-auth-secret-0123456789abcdef0123456789',
    OPERATOR_EMAIL: benchOperator.email,
    OPERATOR_PASSWORD: benchOperator.password,
    AUTH_SIGNUP_LIMIT_PER_HOUR: '100000',
    AUTH_SIGNIN_LIMIT_PER_IP: '100000',
    AUTH_SIGNIN_LIMIT_PER_ACCOUNT: '100000',
    ...options.env,
  };
}

/** `next start` of the bench build against the given database and sandbox. */
export async function startStorefront(options: StorefrontOptions): Promise<StorefrontProcess> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = storefrontEnv(options);
  let child: ChildProcess | undefined;
  let output = '';

  const launch = async () => {
    output = '';
    // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (Node refuses --cpu-prof in NODE_OPTIONS).
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
    child = spawn(process.execPath, [...profile, path.resolve('node_modules/next/dist/bin/next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (process.env.BENCH_SERVER_LOG) process.stderr.write(chunk);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output.slice(-3000)}`);
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
        await response.body?.cancel();
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`storefront did not answer within 90 s:\n${output.slice(-3000)}`);
        await sleep(250);
      }
    }
  };

  await launch();
  return {
    baseUrl,
    port,
    pid: () => child?.pid ?? -1,
    async crash() {
      if (!child) return;
      killGroup(child, 'SIGKILL');
      await exited(child);
    },
    async restart() {
      await launch();
    },
    async stop() {
      if (!child) return;
      killGroup(child, 'SIGTERM');
      await exited(child);
    },
  };
}
