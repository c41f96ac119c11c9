/**
 * More than one server (issue 18): N `next start` processes and one `npm run worker`, all on one
 * PostgreSQL database, behind a tiny round-robin proxy that lives in the bench process. The
 * cluster looks like one storefront to the benches (`baseUrl` is the proxy), counts what each
 * web process answered, and `crash()` kills one web process (SIGKILL) while the others serve on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import postgres from 'postgres';
import type { SandboxControl } from '@/sandbox/control';
import { exited, freePort, killGroup, startStorefront, storefrontEnv, type StorefrontOptions, type StorefrontProcess } from './processes';

/** `--servers N` on the command line (default 1: one process, no proxy, as before). */
export function serversFromArgs(argv = process.argv): number {
  const index = argv.indexOf('--servers');
  const value = index >= 0 ? Number(argv[index + 1]) : 1;
  if (!Number.isInteger(value) || value < 1 || value > 8) throw new Error(`--servers takes a whole number from 1 to 8 (got ${argv[index + 1]})`);
  return value;
}

export type ClusterProcess = StorefrontProcess & {
  servers: StorefrontProcess[];
  /** Requests each web process answered, in total and per server action id (the `Next-Action` header). */
  served(): { server: number; pid: number; requests: number; actions: Record<string, number> }[];
  resetCounts(): void;
};

/** The background jobs alone (`npm run worker`), with the storefront's environment. */
async function startWorker(options: StorefrontOptions): Promise<{ pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(path.resolve('node_modules/.bin/tsx'), ['--import', './scripts/server-only-hooks.mjs', 'scripts/worker.ts'], {
    env: storefrontEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (process.env.BENCH_SERVER_LOG) process.stderr.write(chunk);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const deadline = Date.now() + 60_000;
  while (!output.includes('Worker running')) {
    if (child.exitCode !== null) throw new Error(`npm run worker exited (${child.exitCode}):\n${output.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`npm run worker did not start within 60 s:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    pid: child.pid!,
    async stop() {
      killGroup(child, 'SIGTERM');
      await exited(child);
    },
  };
}

type Upstream = { port: number; downUntil: number; requests: number; actions: Map<string, number> };

/**
 * Round robin over the web processes. A connection refused (a killed process: the request never
 * reached it) marks that process down for a second and goes to the next one, as a load balancer's
 * health check would; anything that fails after the request was sent is answered 502.
 */
function startProxy(upstreams: Upstream[]): Promise<{ port: number; close(): Promise<void> }> {
  let next = 0;
  const pick = (): Upstream => {
    for (let i = 0; i < upstreams.length; i++) {
      const candidate = upstreams[next++ % upstreams.length]!;
      if (candidate.downUntil <= Date.now()) return candidate;
    }
    return upstreams[next++ % upstreams.length]!;
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const attempt = (triesLeft: number) => {
        const upstream = pick();
        const forward = http.request(
          { host: '127.0.0.1', port: upstream.port, method: request.method, path: request.url, headers: request.headers },
          (answer) => {
            upstream.requests += 1;
            const action = request.headers['next-action'];
            if (typeof action === 'string') upstream.actions.set(action, (upstream.actions.get(action) ?? 0) + 1);
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
          },
        );
        forward.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED' && triesLeft > 0) {
            upstream.downUntil = Date.now() + 1_000;
            attempt(triesLeft - 1);
            return;
          }
          if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
          response.end(`proxy: ${error.code ?? error.message}`);
        });
        forward.end(body);
      };
      attempt(upstreams.length);
    });
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * `servers` web processes and one worker on one database, behind the proxy. The web processes
 * run the background jobs too (BACKGROUND_JOBS defaults to true), so three job runners compete
 * for the same rows: the leases, not a single runner, are what keeps work from running twice.
 */
export async function startCluster(options: StorefrontOptions & { servers: number }): Promise<ClusterProcess> {
  const ports = await Promise.all(Array.from({ length: options.servers }, () => freePort()));
  const servers: StorefrontProcess[] = [];
  // One at a time: each start migrates and seeds the same database.
  for (const port of ports) servers.push(await startStorefront({ ...options, port }));
  const worker = await startWorker(options);
  const upstreams: Upstream[] = ports.map((port) => ({ port, downUntil: 0, requests: 0, actions: new Map() }));
  const proxy = await startProxy(upstreams);
  let target = 0;
  return {
    baseUrl: `http://127.0.0.1:${proxy.port}`,
    port: proxy.port,
    servers,
    /** The web process the next crash() kills. */
    pid: () => servers[target]!.pid(),
    async crash() {
      await servers[target]!.crash();
    },
    async restart() {
      await servers[target]!.restart();
      upstreams[target]!.downUntil = 0;
      target = (target + 1) % servers.length;
    },
    async stop() {
      await proxy.close();
      await worker.stop();
      await Promise.all(servers.map((server) => server.stop()));
    },
    served: () => upstreams.map((upstream, server) => ({ server: server + 1, pid: servers[server]!.pid(), requests: upstream.requests, actions: Object.fromEntries(upstream.actions) })),
    resetCounts() {
      for (const upstream of upstreams) {
        upstream.requests = 0;
        upstream.actions.clear();
      }
    },
  };
}

export type JobCheck = { check: string; counted: number; violations: number };

/**
 * Nothing done twice by the job runners of several processes, read from the tables and the
 * supplier: every order sent to the supplier once (without faults; with them a create that got
 * no answer is legitimately sent again under the same reference), every status transition
 * recorded once, every order charged once and refunded at most once.
 */
export async function auditJobs(databaseUrl: string, control: SandboxControl, { faults = false } = {}): Promise<JobCheck[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const checks: JobCheck[] = [];
    const creates = (await control.requests({ method: 'POST' })).filter((request) => request.route?.endsWith('/orders') && request.clientReference);
    const perReference = new Map<string, number>();
    for (const request of creates) perReference.set(request.clientReference!, (perReference.get(request.clientReference!) ?? 0) + 1);
    if (!faults) {
      // Without faults every create is answered, so a second create of one reference is work done twice.
      checks.push({ check: 'each order sent to the supplier once (sandbox request log)', counted: perReference.size, violations: [...perReference.values()].filter((n) => n > 1).length });
    }
    const [transitions] = await sql<{ orders: string; twice: string }[]>`
      select (select count(*) from orders)::text as orders,
             (select count(*) from (select order_id, from_status, to_status from order_events where from_status is distinct from to_status
                                    group by 1, 2, 3 having count(*) > 1) t)::text as twice`;
    checks.push({ check: 'each order status transition recorded once (order_events)', counted: Number(transitions!.orders), violations: Number(transitions!.twice) });
    const [money] = await sql<{ orders: string; twice: string }[]>`
      select count(distinct order_id)::text as orders,
             (select count(*) from (select order_id, kind from ledger_transactions where kind in ('order_payment', 'order_refund') group by 1, 2 having count(*) > 1) t)::text as twice
      from ledger_transactions where kind = 'order_payment'`;
    checks.push({ check: 'each order charged once and refunded at most once (ledger_transactions)', counted: Number(money!.orders), violations: Number(money!.twice) });
    return checks;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
