import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SandboxControl } from '@/sandbox/control';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '@/sandbox/server';
import type { OctopusLogEntry } from '@/lib/octopus/http';
import { createOctopusClient, type OctopusConfig } from '@/lib/octopus';

/**
 * One real sandbox per test file (in-process, random port), reset before every test. Delays are
 * scaled down a hundredfold so top-ups and eSIMs settle in milliseconds; rate limiting is off
 * unless a test turns it on, so the suite's own traffic never trips it.
 */
export function setupSandbox(options: Partial<SandboxOptions> = {}) {
  const handle = {} as { sandbox: RunningSandbox; control: SandboxControl };
  beforeAll(async () => {
    handle.sandbox = await startSandbox({ port: 0, timeScale: 0.01, rateLimits: false, seed: 'octopus-client', ...options });
    handle.control = new SandboxControl(handle.sandbox.url);
  });
  beforeEach(async () => {
    await handle.control.reset();
  });
  afterAll(async () => {
    await handle.sandbox?.close();
  });
  return handle;
}

/** A client of the sandbox whose log lines are kept for assertions. */
export function testClient(url: string, overrides: Partial<OctopusConfig> = {}) {
  const logs: OctopusLogEntry[] = [];
  const client = createOctopusClient({
    baseUrl: url,
    apiKey: 'sandbox_demo_key',
    apiSecret: 'sandbox_demo_secret',
    timeoutMs: 5_000,
    logger: (entry) => logs.push(entry),
    ...overrides,
    retry: { baseDelayMs: 10, maxDelayMs: 50, ...overrides.retry },
  });
  return { client, logs };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5_000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

let sequence = 0;
/** A fresh client_reference per call, unique across the run. */
export function reference(prefix = 'test'): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${sequence}`;
}
