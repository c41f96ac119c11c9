import 'server-only';
import type { z } from 'zod';
import { createTokenManager } from './auth';
import { OctopusApiError } from './errors';
import {
  decode,
  errorFromResponse,
  exchange,
  defaultLogger,
  type ExchangeRequest,
  type ExchangeResponse,
  type FetchLike,
  type HttpOptions,
  type OctopusLogger,
  type Query,
} from './http';
import type { CreateOrderOutcome, Page } from './types';

/*
 * The private fetch every endpoint goes through (the role of commerce's shopifyFetch): bearer
 * token, timeout, JSON, zod validation, one error type, retries where they are safe.
 */

export interface RetryPolicy {
  /** Attempts for a read, counting the first (a 401 re-authentication is not counted). */
  maxAttempts: number;
  /** First backoff delay; doubles per retry, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error goes to the caller. */
  maxRetryAfterMs: number;
}

export interface OctopusClientConfig {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Per HTTP exchange, headers and body. Default 30 s. */
  timeoutMs?: number;
  /** eSIM orders wait up to 60 s upstream before answering; default max(timeoutMs, 75 s). */
  esimOrderTimeoutMs?: number;
  /** One call per HTTP exchange; default JSON lines on stderr; false for none. */
  logger?: OctopusLogger | false;
  fetch?: FetchLike;
  retry?: Partial<RetryPolicy>;
  /** Refresh the access token this long before it expires. Default 5 minutes. */
  refreshMarginMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  // The API's go-live checklist: start at 200 ms, double, cap at 10 s.
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
};

interface CallOptions<S extends z.ZodType> {
  method: ExchangeRequest['method'];
  path: string;
  query?: Query;
  body?: unknown;
  schema: S;
  timeoutMs?: number;
}

export interface Transport {
  /** A call that is safe to repeat (reads, quotes, lookups, setting an email). */
  read<S extends z.ZodType>(options: CallOptions<S>): Promise<z.output<S>>;
  /** One page of a list, with the pagination headers. */
  readPage<S extends z.ZodType>(options: CallOptions<z.ZodArray<S>>): Promise<Page<z.output<S>>>;
  /**
   * Every item of a paginated list: asks for `pageParam`=1, 2, … until the API says there is no
   * more. `sizeParam` is `limit` on voucher and account lists, `per_page` on top-up and eSIM ones.
   */
  readAll<S extends z.ZodType>(
    options: CallOptions<z.ZodArray<S>> & { sizeParam: 'limit' | 'per_page'; pageSize: number },
  ): Promise<z.output<S>[]>;
  /** An order create: never repeated unless the API said it did not process it (401, 429). */
  create<S extends z.ZodType>(options: CallOptions<S>): Promise<CreateOrderOutcome<z.output<S>>>;
  readonly esimOrderTimeoutMs: number;
}

/** Stops a misbehaving server that ignores `page` from looping forever. */
const MAX_PAGES = 1_000;

export function createTransport(config: OctopusClientConfig): Transport {
  const timeoutMs = config.timeoutMs ?? 30_000;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...config.retry };
  const http: HttpOptions = {
    baseUrl: config.baseUrl,
    fetch: config.fetch ?? ((input, init) => fetch(input, init)),
    logger: config.logger === false ? null : (config.logger ?? defaultLogger),
  };
  const tokens = createTokenManager({
    http,
    apiKey: config.apiKey,
    apiSecret: config.apiSecret,
    timeoutMs,
    refreshMarginMs: config.refreshMarginMs ?? 5 * 60_000,
  });

  /**
   * Runs a call until it has an answer worth returning. `repeatable` calls retry on network
   * errors, timeouts, 5xx and 429; others only on 401 (after re-authenticating) and 429, the two
   * answers that prove the API did not act on the request.
   */
  async function send(options: CallOptions<z.ZodType>, repeatable: boolean): Promise<ExchangeResponse> {
    let attempt = 0;
    let failures = 0;
    let reauthenticated = false;
    for (;;) {
      attempt += 1;
      let token: string | undefined;
      let response: ExchangeResponse;
      try {
        token = await tokens.getAccessToken();
        response = await exchange(http, {
          method: options.method,
          path: options.path,
          query: options.query,
          body: options.body,
          token,
          timeoutMs: options.timeoutMs ?? timeoutMs,
          attempt,
        });
      } catch (error) {
        if (!(error instanceof OctopusApiError)) throw error;
        failures += 1;
        // A failed login/refresh never sent the call itself, so a create may retry it too.
        const sent = token !== undefined;
        if (error.retryable && (repeatable || !sent) && failures < policy.maxAttempts) {
          const delay = retryDelay(error, failures);
          if (delay !== null) {
            await sleep(delay);
            continue;
          }
        }
        throw error;
      }

      if (response.status >= 200 && response.status < 300) return response;

      if (response.status === 401 && token !== undefined && !reauthenticated) {
        reauthenticated = true;
        tokens.invalidate(token);
        continue;
      }

      const error = errorFromResponse(options, response);
      failures += 1;
      const safeToRepeat = repeatable || error.kind === 'rate_limited';
      if (error.retryable && safeToRepeat && failures < policy.maxAttempts) {
        const delay = retryDelay(error, failures);
        if (delay !== null) {
          await sleep(delay);
          continue;
        }
      }
      throw error;
    }
  }

  /** Backoff with jitter; Retry-After when the server gave one; null when that is too long. */
  function retryDelay(error: OctopusApiError, failures: number): number | null {
    if (error.retryAfterMs !== null) {
      if (error.retryAfterMs > policy.maxRetryAfterMs) return null;
      // Never earlier than asked; a little later, so workers released together spread out.
      return error.retryAfterMs + Math.random() * Math.min(1_000, error.retryAfterMs * 0.1);
    }
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  const transport: Transport = {
    esimOrderTimeoutMs: config.esimOrderTimeoutMs ?? Math.max(timeoutMs, 75_000),

    async read(options) {
      return decode(options.schema, await send(options, true), options);
    },

    async readPage(options) {
      const response = await send(options, true);
      const items = decode(options.schema, response, options);
      return pageOf(items, response.headers, options.query);
    },

    async readAll(options) {
      const all: z.output<(typeof options.schema)['element']>[] = [];
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        const result = await transport.readPage({
          ...options,
          query: { ...options.query, page, [options.sizeParam]: options.pageSize },
        });
        all.push(...result.items);
        if (!result.hasMore || result.items.length === 0) break;
      }
      return all;
    },

    async create(options) {
      let response: ExchangeResponse;
      try {
        response = await send(options, false);
      } catch (error) {
        if (!(error instanceof OctopusApiError)) throw error;
        return createFailure(error);
      }
      try {
        return { outcome: 'accepted', order: decode(options.schema, response, options) };
      } catch (error) {
        // A 2xx we cannot read still means the API acted: the order exists, reconcile it.
        if (error instanceof OctopusApiError) return { outcome: 'unknown', error: asUnknown(error) };
        throw error;
      }
    },
  };
  return transport;
}

function createFailure<T>(error: OctopusApiError): CreateOrderOutcome<T> {
  switch (error.kind) {
    case 'duplicate_reference':
      return { outcome: 'duplicate_reference', error };
    case 'unavailable':
    case 'unknown':
    case 'invalid_response':
      // No definitive answer: network, timeout, 5xx, or login trouble before the call was sent.
      return { outcome: 'unknown', error: asUnknown(error) };
    default:
      return { outcome: 'rejected', error };
  }
}

function asUnknown(error: OctopusApiError): OctopusApiError {
  return new OctopusApiError({
    kind: 'unknown',
    status: error.status,
    code: error.code,
    name: error.name,
    message: `Order outcome unknown: ${error.message}`,
    requestId: error.requestId,
    method: error.method,
    path: error.path,
    cause: error,
  });
}

function pageOf<T>(items: T[], headers: Headers, query: Query | undefined): Page<T> {
  const int = (name: string) => {
    const value = headers.get(name);
    const number = value === null ? NaN : Number(value);
    return Number.isInteger(number) ? number : null;
  };
  const requested = (value: Query[string]) => (typeof value === 'number' ? value : null);
  const page = int('x-page') ?? requested(query?.page) ?? 1;
  // Without pagination headers, a full page is the only hint that another may follow.
  const perPage = int('x-per-page') ?? requested(query?.limit) ?? requested(query?.per_page);
  const totalPages = int('x-total-pages');
  const hasMoreHeader = headers.get('x-has-more');
  const hasMore =
    hasMoreHeader !== null
      ? hasMoreHeader.trim().toLowerCase() === 'true'
      : totalPages !== null
        ? page < totalPages
        : perPage !== null && items.length >= perPage;
  return { items, page, perPage, totalCount: int('x-total-count'), totalPages, hasMore };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
