/**
 * The Stripe stand-in: an in-memory, loopback HTTP server that answers the official `stripe`
 * SDK for the parts of Stripe's API the store uses, serves the hosted Checkout page and delivers
 * signed webhooks. `startStripeSandbox()` runs it in-process (tests, `scripts/start.ts`).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { listen } from '../lib/listen';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRequest, ApiRoute } from './api';
import { apiRoutes } from './api';
import type { StripeSandboxOptions } from './config';
import { resolveStripeOptions } from './config';
import { ControlError, controlRoutes } from './control';
import { StripeEngine } from './engine';
import { StripeApiError, apiError, invalidRequest, unknownRoute } from './errors';
import { FormError, parseForm, paramsFingerprint } from './form';
import { newId } from './ids';
import { hostedPageGet, hostedPagePost, receiptPage } from './page';
import type { PageReply } from './page';
import { Params } from './params';

export type { StripeSandboxOptions } from './config';
export { DEFAULT_SECRET_KEY, DEFAULT_WEBHOOK_SECRET } from './config';

export interface RunningStripeSandbox {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:4510 */
  url: string;
  port: number;
  host: string;
  engine: StripeEngine;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

interface SavedResponse {
  method: string;
  path: string;
  fingerprint: string;
  status: number;
  body: unknown;
  at: number;
  requestId: string;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isLoopback(address: string): boolean {
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || a.startsWith('127.');
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function maskKey(key: string): string {
  return key.length <= 12 ? '****' : `${key.slice(0, 8)}${'*'.repeat(Math.min(20, key.length - 12))}${key.slice(-4)}`;
}

/** The key from `Authorization: Bearer sk_...` (or Basic with the key as user name, as Stripe also takes). */
function apiKeyOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header.trim());
  if (basic?.[1]) return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0];
  return '';
}

export async function startStripeSandbox(options: Partial<StripeSandboxOptions> = {}): Promise<RunningStripeSandbox> {
  const config = resolveStripeOptions(options);
  const engine = new StripeEngine(config);
  const routes = apiRoutes(engine);
  const control = controlRoutes(engine);
  const idempotency = new Map<string, SavedResponse>();
  const inProgress = new Set<string>();

  function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed || res.headersSent) return;
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-cache, no-store');
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.end(JSON.stringify(body, null, 2));
  }

  function sendPage(res: ServerResponse, reply: PageReply): void {
    if (res.destroyed || res.headersSent) return;
    res.statusCode = reply.status;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    if (reply.location) {
      res.setHeader('Location', reply.location);
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
    res.end(reply.html ?? '');
  }

  function errorBody(error: unknown): StripeApiError {
    if (error instanceof StripeApiError) return error;
    if (error instanceof FormError) return invalidRequest(error.message, error.param);
    console.error('[stripe-sandbox] unexpected error', error);
    return apiError();
  }

  function takeApiFault(method: string, path: string) {
    const index = engine.apiFaults.findIndex((f) => path.startsWith(f.path) && (!f.method || f.method === method));
    if (index < 0) return undefined;
    const fault = engine.apiFaults[index];
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count <= 0) engine.apiFaults.splice(index, 1);
    return fault;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, path: string, url: URL, raw: string | undefined): Promise<void> {
    const requestId = newId.request();
    const version = typeof req.headers['stripe-version'] === 'string' ? req.headers['stripe-version'] : config.apiVersion;
    const headers: Record<string, string> = { 'Request-Id': requestId, 'Stripe-Version': version };
    const keyHeader = req.headers['idempotency-key'];
    const idempotencyKey = typeof keyHeader === 'string' && keyHeader !== '' ? keyHeader : null;
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    const fail = (error: StripeApiError) => sendJson(res, error.status, error.toBody(), { ...headers, ...error.headers });

    const key = apiKeyOf(req.headers.authorization);
    if (key === undefined) {
      fail(new StripeApiError(401, 'invalid_request_error', "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/."));
      return;
    }
    if (!config.secretKeys.some((k) => sameString(k, key))) {
      const message = key.startsWith('pk_') ? 'This API call cannot be made with a publishable API key. Please use a secret API key.' : `Invalid API Key provided: ${maskKey(key)}`;
      fail(new StripeApiError(401, 'invalid_request_error', message));
      return;
    }

    const fault = takeApiFault(method, path);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'error') {
      fail(new StripeApiError(fault.status, fault.status >= 500 ? 'api_error' : 'invalid_request_error', fault.status >= 500 ? 'An unknown error occurred (injected by the sandbox control API).' : 'Request refused (injected by the sandbox control API).'));
      return;
    }

    if (raw === undefined) {
      fail(invalidRequest('Request body too large.'));
      return;
    }
    const matches = routes.filter((r) => r.regex.test(path));
    const matched = matches.find((r) => r.method === method);
    if (!matched) {
      fail(unknownRoute(method, path));
      return;
    }
    const ids = (matched.regex.exec(path) ?? []).slice(1).map((s) => decodeURIComponent(s));
    const paramSource = method === 'GET' || method === 'DELETE' ? url.searchParams.toString() : raw;

    let saved: SavedResponse | undefined;
    const fingerprint = paramsFingerprint(paramSource);
    if (method === 'POST' && idempotencyKey) {
      if (idempotencyKey.length > 255) {
        fail(invalidRequest('Invalid idempotency key: must be at most 255 characters long.', undefined));
        return;
      }
      saved = idempotency.get(idempotencyKey);
      if (saved && engine.now() - saved.at > IDEMPOTENCY_TTL_MS) {
        idempotency.delete(idempotencyKey);
        saved = undefined;
      }
      if (saved) {
        if (saved.method !== method || saved.path !== path) {
          fail(new StripeApiError(400, 'idempotency_error', `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.method} ${saved.path}' vs '${method} ${path}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`));
          return;
        }
        if (saved.fingerprint !== fingerprint) {
          fail(new StripeApiError(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`));
          return;
        }
        sendJson(res, saved.status, saved.body, { ...headers, 'Idempotent-Replayed': 'true', 'Original-Request': saved.requestId });
        return;
      }
      if (inProgress.has(idempotencyKey)) {
        fail(new StripeApiError(409, 'idempotency_error', `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${idempotencyKey}. Please try again later.`));
        return;
      }
    }

    const reserved = method === 'POST' && idempotencyKey ? idempotencyKey : undefined;
    if (reserved) inProgress.add(reserved);
    try {
      if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (!res.destroyed) execute(req, res, { method, path, url, matched, ids, paramSource, fingerprint, requestId, idempotencyKey, headers, dropAfter: fault?.kind === 'drop_after' });
    } finally {
      if (reserved) inProgress.delete(reserved);
    }
  }

  function execute(
    req: IncomingMessage,
    res: ServerResponse,
    ctx: { method: string; path: string; url: URL; matched: ApiRoute; ids: string[]; paramSource: string; fingerprint: string; requestId: string; idempotencyKey: string | null; headers: Record<string, string>; dropAfter: boolean },
  ): void {
    const { method, path, url, matched, ids, paramSource, fingerprint, requestId, idempotencyKey, headers } = ctx;
    let status = 200;
    let body: unknown;
    let save = true;
    try {
      const params = new Params(parseForm(paramSource));
      const request: ApiRequest = { method, path, params, query: url.searchParams, requestId, idempotencyKey };
      body = matched.handle(request, ids);
    } catch (error) {
      const stripeError = errorBody(error);
      status = stripeError.status;
      body = stripeError.toBody();
      // Stripe saves a result once the endpoint started executing; parameter and lookup errors
      // (400 / 404) are answered before that and are not saved, so a corrected retry can run.
      save = status === 402 || stripeError.fields.code === 'refund_declined';
      Object.assign(headers, stripeError.headers);
    }
    if (method === 'POST' && idempotencyKey && save) {
      idempotency.set(idempotencyKey, { method, path, fingerprint, status, body, at: engine.now(), requestId });
    }
    if (ctx.dropAfter) {
      req.socket.destroy();
      return;
    }
    sendJson(res, status, body, headers);
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, method: string, path: string, url: URL, raw: string | undefined): Promise<void> {
    try {
      if (!isLoopback(req.socket.remoteAddress ?? '')) throw new ControlError(403, 'The sandbox control API only answers loopback clients');
      const matches = control.filter((r) => r.regex.test(path));
      const matched = matches.find((r) => r.method === method);
      if (!matched) throw new ControlError(matches.length > 0 ? 405 : 404, matches.length > 0 ? 'Method not allowed' : 'Unknown control endpoint');
      let body: Record<string, unknown> = {};
      if (raw && raw.trim() !== '') {
        try {
          const parsed: unknown = JSON.parse(raw);
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
          body = parsed as Record<string, unknown>;
        } catch {
          throw new ControlError(400, 'The body must be a JSON object');
        }
      }
      const ids = (matched.regex.exec(path) ?? []).slice(1).map((s) => decodeURIComponent(s));
      sendJson(res, 200, await matched.handle(body, ids, url.searchParams));
    } catch (error) {
      if (error instanceof ControlError) sendJson(res, error.status, { error: { message: error.message } });
      else if (error instanceof StripeApiError) sendJson(res, error.status, error.toBody());
      else {
        console.error('[stripe-sandbox] control error', error);
        sendJson(res, 500, { error: { message: 'Internal error' } });
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://stripe.local');
    } catch {
      sendJson(res, 404, unknownRoute(method, req.url ?? '').toBody());
      return;
    }
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const raw = await readBody(req).catch(() => undefined);
    if (config.logRequests) console.log(`[stripe-sandbox] ${method} ${path}`);

    if (path === '/__sandbox' || path.startsWith('/__sandbox/')) return handleControl(req, res, method, path, url, raw);
    if (path.startsWith('/v1/')) return handleApi(req, res, method, path, url, raw);

    const pay = /^\/c\/pay\/([^/]+)$/.exec(path);
    if (pay?.[1]) {
      const id = decodeURIComponent(pay[1]);
      if (method === 'GET') return sendPage(res, hostedPageGet(engine, id));
      if (method === 'POST') return sendPage(res, hostedPagePost(engine, id, raw ?? ''));
    }
    const receipt = /^\/receipts\/payment\/([^/]+)$/.exec(path);
    if (receipt?.[1] && method === 'GET') return sendPage(res, receiptPage(engine, decodeURIComponent(receipt[1])));
    if (path === '/' && method === 'GET') {
      sendJson(res, 200, { name: 'Stripe stand-in', api: '/v1', control: '/__sandbox', docs: 'sandbox/README.md' });
      return;
    }
    sendJson(res, 404, unknownRoute(method, path).toBody());
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[stripe-sandbox] request failed', error);
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, apiError().toBody());
    });
  });
  const listening = await listen(server, config.port, config.host);
  const url = listening.url;
  // Browsers reach loopback as `localhost` (the e2e Chromium resolves no other name, and
  // treats an IP literal as a name to resolve), so hosted page URLs use it by default.
  const loopback = ['127.0.0.1', '::1', '0.0.0.0', '::'].includes(config.host);
  engine.publicUrl = (config.publicUrl ?? (loopback ? `http://localhost:${listening.port}` : url)).replace(/\/+$/, '');

  let closing: Promise<void> | undefined;
  return {
    url,
    port: listening.port,
    host: config.host,
    engine,
    close() {
      closing ??= new Promise<void>((resolve) => {
        engine.shutdown();
        void listening.stop().then(resolve);
      });
      return closing;
    },
  };
}
