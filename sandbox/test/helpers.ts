import { SandboxControl } from '../control';
import type { SandboxOptions } from '../engine/config';
import type { RunningSandbox } from '../server';
import { startSandbox } from '../server';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Response bodies in tests are arbitrary JSON that the assertions inspect field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const FAST: Partial<SandboxOptions> = { port: 0, timeScale: 0.01, rateLimits: false, seed: 'vitest' };

/** A thin HTTP client for the tests: JSON in, JSON out, optional Bearer token. */
export class Api {
  token: string | undefined;
  refreshToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = Json>(
    method: string,
    path: string,
    body?: unknown,
    options: { token?: string | null; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<ApiResponse<T>> {
    const token = options.token === null ? undefined : (options.token ?? this.token);
    const headers: Record<string, string> = { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...options.headers };
    let payload: string | undefined;
    if (options.rawBody !== undefined) payload = options.rawBody;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // plain-text bodies (gateway faults) stay text
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = Json>(path: string, options?: { token?: string | null }) {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T = Json>(path: string, body?: unknown, options?: { token?: string | null; headers?: Record<string, string>; rawBody?: string }) {
    return this.request<T>('POST', path, body, options);
  }

  async login(): Promise<void> {
    const res = await this.post('/auth/login', { username: 'sandbox_demo_key', password: 'sandbox_demo_secret' }, { token: null });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
    this.token = res.body.data.access_token;
    this.refreshToken = res.body.data.refresh_token;
  }
}

export interface Harness {
  sandbox: RunningSandbox;
  api: Api;
  control: SandboxControl;
}

export async function boot(options: Partial<SandboxOptions> = {}): Promise<Harness> {
  const sandbox = await startSandbox({ ...FAST, ...options });
  const api = new Api(sandbox.url);
  await api.login();
  return { sandbox, api, control: new SandboxControl(sandbox.url) };
}

/** Polls `read` until `done` holds, failing after `timeoutMs` (no fixed sleeps in tests). */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    last = await read();
  }
  return last;
}

export function expectError(res: ApiResponse, status: number, name: string, code: string, message?: string | RegExp) {
  const error = (res.body as { error?: { name: string; code: string; message: string } }).error;
  const problems: string[] = [];
  if (res.status !== status) problems.push(`status ${res.status} != ${status}`);
  if (error?.name !== name) problems.push(`name ${error?.name} != ${name}`);
  if (error?.code !== code) problems.push(`code ${error?.code} != ${code}`);
  if (message instanceof RegExp ? !message.test(error?.message ?? '') : message !== undefined && error?.message !== message) {
    problems.push(`message "${error?.message}" != ${String(message)}`);
  }
  if (problems.length) throw new Error(`${problems.join('; ')} — body ${res.text}`);
}

export const sorted = (o: object) => Object.keys(o).sort();
