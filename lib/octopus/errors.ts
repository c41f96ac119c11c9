import 'server-only';

/**
 * What went wrong, in the terms the rest of the storefront decides on.
 * - validation / rejected / insufficient_funds / not_found / forbidden: the supplier refused the
 *   request; nothing happened upstream.
 * - duplicate_reference: an order with this client_reference already exists upstream.
 * - unauthorized: our credentials (not just a stale token) were refused.
 * - rate_limited: 429 still there after the retries we allow ourselves.
 * - unavailable: a read failed on network, timeout or 5xx after its retries.
 * - unknown: an order create got no definitive answer (timeout, dropped connection, 5xx,
 *   unreadable body); the order may or may not exist upstream, so it must be reconciled.
 * - invalid_response: a 2xx whose body does not match the documented shape.
 */
export type OctopusErrorKind =
  | 'validation'
  | 'rejected'
  | 'insufficient_funds'
  | 'not_found'
  | 'forbidden'
  | 'duplicate_reference'
  | 'unauthorized'
  | 'rate_limited'
  | 'unavailable'
  | 'unknown'
  | 'invalid_response';

export interface OctopusApiErrorInit {
  kind: OctopusErrorKind;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  /** `error.code` from the body (e.g. BAD_REQUEST) or a local code (TIMEOUT, NETWORK_ERROR). */
  code: string;
  /** `error.name` from the body (e.g. BadRequestError) or a local name. */
  name: string;
  message: string;
  /** X-Request-Id of the response, else the one we sent. */
  requestId: string | null;
  method: string;
  /** Path without the base URL, so the error can be logged without naming the upstream host. */
  path: string;
  /** Milliseconds the server asked us to wait (Retry-After). */
  retryAfterMs?: number | null;
  cause?: unknown;
}

/**
 * The one error type every supplier failure becomes. `name` is the supplier's `error.name`, so
 * use `instanceof OctopusApiError` (or `isOctopusApiError`) to recognise it.
 */
export class OctopusApiError extends Error {
  readonly kind: OctopusErrorKind;
  readonly status: number | null;
  readonly code: string;
  readonly requestId: string | null;
  readonly method: string;
  readonly path: string;
  readonly retryAfterMs: number | null;

  constructor(init: OctopusApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = init.name;
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** Whether trying again later (with the same client_reference, for orders) can succeed. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable' || this.kind === 'unknown';
  }

  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      status: this.status,
      code: this.code,
      message: this.message,
      requestId: this.requestId,
      method: this.method,
      path: this.path,
      retryable: this.retryable,
    };
  }
}

export function isOctopusApiError(value: unknown): value is OctopusApiError {
  return value instanceof OctopusApiError;
}

export interface UpstreamErrorBody {
  name?: string;
  code?: string;
  message?: string;
}

/** Reads `{"error":{"name","code","message"}}`, tolerating bodies that are not JSON or not that shape. */
export function parseErrorBody(body: unknown): UpstreamErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return {};
  const error = (body as { error: unknown }).error;
  if (typeof error === 'string') return { message: error };
  if (typeof error !== 'object' || error === null) return {};
  const { name, code, message } = error as Record<string, unknown>;
  return {
    name: typeof name === 'string' ? name : undefined,
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
  };
}

const DUPLICATE_REFERENCE = /duplicate client_reference/i;
const INSUFFICIENT_FUNDS = /insufficient (funds|balance)/i;

/** Classifies an HTTP error response; the transport decides about retries and create outcomes. */
export function kindForResponse(status: number, error: UpstreamErrorBody): OctopusErrorKind {
  const code = error.code?.toUpperCase() ?? '';
  const message = error.message ?? '';
  if (status >= 500) return 'unavailable';
  if (status === 429) return 'rate_limited';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  // Matched on the message: the docs give the duplicate only the generic BAD_REQUEST code.
  if (DUPLICATE_REFERENCE.test(message) || code === 'DUPLICATE_CLIENT_REFERENCE') {
    return 'duplicate_reference';
  }
  if (code === 'INSUFFICIENT_FUNDS' || code === 'INSUFFICIENT_BALANCE' || INSUFFICIENT_FUNDS.test(message)) {
    return 'insufficient_funds';
  }
  if (
    code === 'VALIDATION_FAILURE' ||
    code === 'SYNTAX_ERROR' ||
    error.name === 'ValidationException' ||
    status === 422
  ) {
    return 'validation';
  }
  return 'rejected';
}

const DEFAULT_NAMES: Record<number, string> = {
  400: 'BadRequestError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  429: 'TooManyRequestsError',
  500: 'InternalServerError',
};

const DEFAULT_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
};

export function defaultErrorName(status: number): string {
  return DEFAULT_NAMES[status] ?? (status >= 500 ? 'ServerError' : 'HttpError');
}

export function defaultErrorCode(status: number): string {
  return DEFAULT_CODES[status] ?? `HTTP_${status}`;
}

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110). Returns milliseconds, or null
 * when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
