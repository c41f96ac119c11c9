import 'server-only';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  defaultErrorCode,
  defaultErrorName,
  kindForResponse,
  OctopusApiError,
  parseErrorBody,
  parseRetryAfter,
} from './errors';
import { logger } from '@/lib/logger';
import { redact } from './redact';

/*
 * One HTTP exchange with the supplier: URL, headers, timeout, JSON, one log line. Whether to
 * retry, authenticate or validate is decided by the callers (auth.ts, client.ts).
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface OctopusLogEntry {
  event: 'octopus.request';
  level: 'info' | 'warn';
  method: string;
  /** Path without query string or host. */
  path: string;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  durationMs: number;
  requestId: string | null;
  attempt: number;
  errorCode?: string;
  errorName?: string;
}

export type OctopusLogger = (entry: OctopusLogEntry) => void;

/** One line per call through the server's logger (warnings for failed calls). */
export const defaultLogger: OctopusLogger = ({ level, ...entry }) => logger[level](entry);

export type Query = Record<string, string | number | boolean | undefined>;

export interface ExchangeRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  query?: Query;
  /** Already JSON-ready (see toJsonAmount for money). */
  body?: unknown;
  token?: string;
  timeoutMs: number;
  attempt: number;
}

export interface ExchangeResponse {
  status: number;
  headers: Headers;
  body: unknown;
  requestId: string | null;
}

export interface HttpOptions {
  baseUrl: string;
  fetch: FetchLike;
  logger: OctopusLogger | null;
}

/**
 * Sends one request. Resolves with any HTTP response (the caller judges the status); rejects with
 * an OctopusApiError of kind 'unavailable' (code TIMEOUT or NETWORK_ERROR) when none arrived or
 * its body could not be read in time.
 */
export async function exchange(options: HttpOptions, request: ExchangeRequest): Promise<ExchangeResponse> {
  const sentRequestId = newRequestId();
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Request-Id': sentRequestId };
  if (request.token) headers.Authorization = `Bearer ${request.token}`;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';

  const started = performance.now();
  const log = (entry: Omit<OctopusLogEntry, 'event' | 'method' | 'path' | 'durationMs' | 'attempt'>) => {
    options.logger?.(
      redact({
        event: 'octopus.request',
        method: request.method,
        path: request.path,
        durationMs: Math.round(performance.now() - started),
        attempt: request.attempt,
        ...entry,
      }),
    );
  };

  // The timeout spans headers and body: a server that stalls mid-body is as stuck as a silent one.
  const signal = AbortSignal.timeout(request.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(buildUrl(options.baseUrl, request.path, request.query), {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
      cache: 'no-store',
      redirect: 'error',
    });
    text = await response.text();
  } catch (cause) {
    const timedOut = signal.aborted;
    const error = new OctopusApiError({
      kind: 'unavailable',
      status: null,
      code: timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
      name: timedOut ? 'TimeoutError' : 'NetworkError',
      message: timedOut
        ? `No complete response within ${request.timeoutMs} ms`
        : // The cause (kept below) names the host; the message may travel further, so it does not.
          `Connection to the supplier failed (${causeCode(cause)})`,
      requestId: sentRequestId,
      method: request.method,
      path: request.path,
      cause,
    });
    log({ level: 'warn', status: null, requestId: sentRequestId, errorCode: error.code, errorName: error.name });
    throw error;
  }

  const requestId = response.headers.get('x-request-id') ?? sentRequestId;
  const body = parseJson(text);
  if (response.ok) {
    log({ level: 'info', status: response.status, requestId });
  } else {
    const upstream = parseErrorBody(body);
    log({
      level: 'warn',
      status: response.status,
      requestId,
      errorCode: upstream.code ?? defaultErrorCode(response.status),
      errorName: upstream.name ?? defaultErrorName(response.status),
    });
  }
  return { status: response.status, headers: response.headers, body, requestId };
}

/** Turns a non-2xx response into the error it stands for. */
export function errorFromResponse(request: Pick<ExchangeRequest, 'method' | 'path'>, response: ExchangeResponse) {
  const upstream = parseErrorBody(response.body);
  return new OctopusApiError({
    kind: kindForResponse(response.status, upstream),
    status: response.status,
    code: upstream.code ?? defaultErrorCode(response.status),
    name: upstream.name ?? defaultErrorName(response.status),
    message: upstream.message ?? `HTTP ${response.status} from ${request.method} ${request.path}`,
    requestId: response.requestId,
    method: request.method,
    path: request.path,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
}

function buildUrl(baseUrl: string, path: string, query: Query | undefined): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** Empty or non-JSON bodies (a proxy's HTML error page) become the raw text or null. */
function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A low-level code such as ECONNRESET or UND_ERR_SOCKET, without addresses. */
function causeCode(cause: unknown): string {
  for (let current = cause, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return cause instanceof Error ? cause.name : 'unknown';
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KSUID_EPOCH_SECONDS = 1_400_000_000;

/**
 * A KSUID (27 base62 characters: 4-byte timestamp + 16 random bytes), the format the API uses for
 * X-Request-Id, so our ids sort by time beside the supplier's own.
 */
export function newRequestId(now: number = Date.now()): string {
  const bytes = Buffer.alloc(20);
  bytes.writeUInt32BE(Math.max(0, Math.floor(now / 1000) - KSUID_EPOCH_SECONDS), 0);
  randomBytes(16).copy(bytes, 4);
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (value > 0n) {
    out = BASE62[Number(value % 62n)] + out;
    value /= 62n;
  }
  return out.padStart(27, '0');
}

/**
 * The JWT API answers with the raw entity, `/auth/*` with `{success, data}`, and some docs
 * samples read `.data.status` from order reads; accepting both costs nothing.
 */
export function unwrapEnvelope(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  if ('data' in record && ('success' in record || !('id' in record))) return record.data;
  return body;
}

/** Validates a 2xx body; a mismatch names the first offending paths. */
export function decode<S extends z.ZodType>(
  schema: S,
  response: ExchangeResponse,
  request: Pick<ExchangeRequest, 'method' | 'path'>,
): z.output<S> {
  const result = schema.safeParse(unwrapEnvelope(response.body));
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = result.error.issues.length > 3 ? ` (+${result.error.issues.length - 3} more)` : '';
  throw new OctopusApiError({
    kind: 'invalid_response',
    status: response.status,
    code: 'INVALID_RESPONSE',
    name: 'ResponseValidationError',
    message: `Unexpected response from ${request.method} ${request.path}: ${issues.join('; ')}${more}`,
    requestId: response.requestId,
    method: request.method,
    path: request.path,
    cause: result.error,
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(body)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
