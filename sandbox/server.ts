/**
 * The Octopus Cards API sandbox: an in-memory, loopback HTTP simulator of the documented API.
 * `startSandbox()` runs it in-process (tests, the one-command start); `cli.ts` runs it alone.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxOptions } from './engine/config';
import { resolveOptions } from './engine/config';
import { SandboxCore } from './engine/core';
import type { Fault } from './engine/faults';
import type { LoggedRequest } from './engine/requestlog';
import type { RequestContext, Route } from './engine/router';
import { Router } from './engine/router';
import { rfc3339 } from './lib/clock';
import type { Reply } from './lib/http';
import { listen } from './lib/listen';
import { ApiError, forbidden, internalError, notFound, tooManyRequests, unauthorized, validationError } from './lib/http';
import { isAcceptableRequestId, ksuid } from './lib/ids';
import { authRoutes } from './routes/auth';
import { controlRoutes } from './routes/control';
import { esimRoutes } from './routes/esim';
import { referenceRoutes } from './routes/reference';
import { topupRoutes } from './routes/topups';
import { voucherRoutes } from './routes/vouchers';
import { walletRoutes } from './routes/wallets';
import { startMailCatcher, type RunningMailCatcher } from './mail/catcher';
import { handleMailRequest } from './mail/http';

export type { SandboxOptions } from './engine/config';
export type { FaultSpec } from './engine/faults';

export interface RunningSandbox {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:4010 */
  url: string;
  port: number;
  host: string;
  /** The engine, for in-process tests that want to look inside. */
  core: SandboxCore;
  /** The SMTP catcher, when started with `mailPort` (its mail is read at /__sandbox/mail). */
  mail?: RunningMailCatcher;
  close(): Promise<void>;
}

/** Beside the API: `mailPort` starts the SMTP catcher on that port (0 picks a free one). */
export type SandboxExtras = { mailPort?: number };

const MAX_BODY_BYTES = 1024 * 1024;

const GATEWAY_TEXT: Record<number, string> = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/** Envelopes for injected error statuses, following the handling-errors taxonomy. */
const FAULT_ERRORS: Record<number, [string, string, string]> = {
  400: ['BadRequestError', 'BAD_REQUEST', 'Bad request'],
  401: ['UnauthorizedError', 'UNAUTHORIZED', 'Invalid token'],
  403: ['ForbiddenError', 'FORBIDDEN', 'IP address not authorized'],
  404: ['NotFoundError', 'NOT_FOUND', 'Resource not found'],
  500: ['InternalServerError', 'INTERNAL_SERVER_ERROR', 'Internal server error'],
  503: ['ServiceUnavailableError', 'SERVICE_UNAVAILABLE', 'Service unavailable'],
};

function isLoopback(address: string): boolean {
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || a.startsWith('127.');
}

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    const n = Number(part);
    if (!/^\d{1,3}$/.test(part) || n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

function inCidr(address: string, cidr: string): boolean {
  const ip = address.replace(/^::ffff:/, '');
  const [range = '', bitsRaw] = cidr.split('/');
  if (bitsRaw === undefined) return ip === range;
  const a = ipv4ToInt(ip);
  const b = ipv4ToInt(range);
  const bits = Number(bitsRaw);
  if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
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

function clientReferenceOf(raw: string): string | undefined {
  if (!raw.includes('client_reference')) return undefined;
  try {
    const parsed = JSON.parse(raw) as { client_reference?: unknown };
    return typeof parsed.client_reference === 'string' ? parsed.client_reference : undefined;
  } catch {
    return undefined;
  }
}

export async function startSandbox(options: Partial<SandboxOptions> = {}, extras: SandboxExtras = {}): Promise<RunningSandbox> {
  const config = resolveOptions(options);
  const mail = extras.mailPort === undefined ? undefined : await startMailCatcher({ port: extras.mailPort, host: config.host });
  const core = new SandboxCore(config);
  const api = new Router();
  api.add(
    ...authRoutes(core),
    ...voucherRoutes(core),
    ...topupRoutes(core),
    ...esimRoutes(core),
    ...walletRoutes(core),
    ...referenceRoutes(),
  );
  const control = new Router();
  control.add(...controlRoutes(core));


  function send(res: ServerResponse, requestId: string, reply: Reply, entry?: LoggedRequest, started?: number): void {
    if (entry) {
      entry.status = reply.status;
      entry.durationMs = started === undefined ? null : Date.now() - started;
      if (core.config.logRequests) console.log(`[sandbox] ${entry.method} ${entry.path} ${reply.status} ${entry.durationMs ?? 0}ms`);
    }
    if (res.destroyed || res.headersSent) return;
    const gatewayText = reply.body === undefined ? GATEWAY_TEXT[reply.status] : undefined;
    res.statusCode = reply.status;
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    if (gatewayText) {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(gatewayText);
      return;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(reply.body ?? {}));
  }

  const errorReply = (error: unknown): Reply => {
    if (error instanceof ApiError) return { status: error.status, body: error.toBody(), headers: error.headers };
    console.error('[sandbox] unexpected error', error);
    return { status: 500, body: internalError().toBody() };
  };

  function faultReply(fault: Fault): Reply {
    if (fault.kind === 'rate_limit') {
      const error = tooManyRequests(fault.retryAfter ?? 12);
      return { status: 429, body: error.toBody(), headers: error.headers };
    }
    const status = fault.status ?? 500;
    if (GATEWAY_TEXT[status] && fault.message === undefined) return { status };
    const [name, code, message] = FAULT_ERRORS[status] ?? (status >= 500 ? FAULT_ERRORS[503] : FAULT_ERRORS[400]) ?? [];
    return { status, body: new ApiError(status, name ?? 'InternalServerError', code ?? 'INTERNAL_SERVER_ERROR', fault.message ?? message ?? 'Internal server error').toBody() };
  }

  /** Applies the faults of one phase. Returns a reply to send instead, 'handled' when the request is dropped or hung, or undefined to go on. */
  async function applyFaults(faults: Fault[], req: IncomingMessage, entry: LoggedRequest): Promise<Reply | 'handled' | undefined> {
    const latency = faults.filter((f) => f.kind === 'latency').reduce((sum, f) => sum + (f.ms ?? 0), 0);
    if (latency > 0) await core.sleep(latency);
    const terminal = faults.find((f) => f.kind !== 'latency');
    if (!terminal) return undefined;
    if (terminal.kind === 'hang') {
      entry.outcome = 'hung';
      return 'handled';
    }
    if (terminal.kind === 'drop') {
      entry.outcome = 'dropped';
      req.socket.destroy();
      return 'handled';
    }
    return faultReply(terminal);
  }

  async function dispatch(route: Route, params: Record<string, string>, req: IncomingMessage, raw: string, base: Omit<RequestContext, 'params' | 'body' | 'clientId'>): Promise<Reply> {
    if (core.config.ipAllowlist.length > 0 && !core.config.ipAllowlist.some((cidr) => inCidr(base.remoteAddress, cidr))) {
      throw forbidden('IP address not authorized');
    }
    let clientId = 0;
    if (route.auth) {
      const header = req.headers.authorization?.trim();
      if (!header) throw unauthorized(route.missingAuthMessage ?? 'Authorization header required');
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const verified = match?.[1] ? core.tokens.verify(match[1], 'access', core.now()) : undefined;
      if (verified === undefined) throw unauthorized('Invalid token');
      clientId = verified;
    }
    const limit = core.rateLimit(route.rate);
    if (limit !== undefined) {
      const who = route.auth ? `client:${clientId}` : `ip:${base.remoteAddress}`;
      const retryAfter = core.limiter.hit(`${route.rate}:${who}`, limit, core.config.rateLimitWindowMs, core.now());
      if (retryAfter !== undefined) throw tooManyRequests(retryAfter);
    }
    let body: unknown;
    if (base.method !== 'GET' && raw.trim() !== '') {
      const contentType = req.headers['content-type'] ?? '';
      if (!/application\/json/i.test(contentType)) throw validationError('Content-Type must be application/json');
      try {
        body = JSON.parse(raw);
      } catch {
        throw validationError('Invalid request body');
      }
    }
    return route.handle({ ...base, params, body, clientId });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && isAcceptableRequestId(given) ? given : ksuid(core.now());
    const method = (req.method ?? 'GET').toUpperCase();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://sandbox.local');
    } catch {
      send(res, requestId, errorReply(notFound('Resource not found')));
      return;
    }
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const raw = await readBody(req).catch(() => undefined);

    // Product art, as the supplier's CDN would serve it: public, cacheable, outside the API.
    const art = method === 'GET' ? core.productArt(path) : undefined;
    if (art !== undefined) {
      res.statusCode = art ? 200 : 404;
      res.setHeader('Content-Type', art ? 'image/png' : 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', art ? 'public, max-age=86400' : 'no-store');
      res.end(art ?? 'Not found');
      return;
    }

    if (path === '/__sandbox' || path.startsWith('/__sandbox/')) {
      let reply: Reply;
      try {
        if (!isLoopback(req.socket.remoteAddress ?? '')) throw forbidden('The sandbox control API only answers loopback clients');
        if (mail && (await handleMailRequest(mail, req, res, url, path, raw))) return;
        const match = control.match(method, path);
        if (!match) throw notFound('Unknown control endpoint');
        if (match === 'method-not-allowed') throw new ApiError(405, 'MethodNotAllowedError', 'METHOD_NOT_ALLOWED', 'Method not allowed');
        let body: unknown;
        if (raw && raw.trim() !== '') {
          try {
            body = JSON.parse(raw);
          } catch {
            throw validationError('Invalid request body');
          }
        }
        reply = await match.route.handle({ method, path, params: match.params, query: url.searchParams, body, clientId: 0, requestId, remoteAddress: req.socket.remoteAddress ?? '' });
      } catch (error) {
        reply = errorReply(error);
      }
      send(res, requestId, reply);
      return;
    }

    const entry = core.log.start({ at: rfc3339(core.now()), method, path, requestId, clientReference: raw ? clientReferenceOf(raw) : undefined });
    const match = api.match(method, path);
    if (match && match !== 'method-not-allowed') {
      entry.route = match.route.pattern;
    }
    core.log.count(entry);

    const before = await applyFaults(core.faults.take(method, path, 'before'), req, entry);
    if (before === 'handled') return;
    if (before) {
      send(res, requestId, before, entry, started);
      return;
    }

    let reply: Reply;
    try {
      if (raw === undefined) throw validationError('Invalid request body');
      if (!match) throw notFound('Resource not found');
      if (match === 'method-not-allowed') throw new ApiError(405, 'MethodNotAllowedError', 'METHOD_NOT_ALLOWED', 'Method not allowed');
      reply = await dispatch(match.route, match.params, req, raw, {
        method,
        path,
        query: url.searchParams,
        requestId,
        remoteAddress: req.socket.remoteAddress ?? '',
      });
    } catch (error) {
      reply = errorReply(error);
    }

    const after = await applyFaults(core.faults.take(method, path, 'after'), req, entry);
    if (after === 'handled') return;
    send(res, requestId, after ?? reply, entry, started);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[sandbox] request failed', error);
      if (!res.headersSent && !res.destroyed) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(internalError().toBody()));
      }
    });
  });
  const listening = await listen(server, config.port, config.host);
  core.publicUrl = listening.url;

  let closing: Promise<void> | undefined;
  return {
    url: listening.url,
    port: listening.port,
    host: config.host,
    core,
    mail,
    close() {
      closing ??= new Promise<void>((resolve) => {
        core.shutdown();
        void mail?.stop();
        void listening.stop().then(resolve);
      });
      return closing;
    },
  };
}
