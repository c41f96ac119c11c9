/** Wire-level pieces shared by every route: the error envelope, replies and pagination. */

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { error: { name: string; code: string; message: string } } {
    return { error: { name: this.errorName, code: this.code, message: this.message } };
  }
}

export const validationError = (message: string) =>
  new ApiError(400, 'ValidationException', 'VALIDATION_FAILURE', message);
export const badRequest = (message: string, code = 'BAD_REQUEST') =>
  new ApiError(400, 'BadRequestError', code, message);
export const unauthorized = (message: string) => new ApiError(401, 'UnauthorizedError', 'UNAUTHORIZED', message);
export const forbidden = (message: string) => new ApiError(403, 'ForbiddenError', 'FORBIDDEN', message);
export const notFound = (message: string) => new ApiError(404, 'NotFoundError', 'NOT_FOUND', message);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new ApiError(
    429,
    'TooManyRequestsError',
    'TOO_MANY_REQUESTS',
    `Rate limit exceeded. Retry after ${retryAfterSeconds} seconds.`,
    { 'Retry-After': String(retryAfterSeconds) },
  );
export const internalError = (message = 'Internal server error') =>
  new ApiError(500, 'InternalServerError', 'INTERNAL_SERVER_ERROR', message);

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, headers });

/** Path ids: an integer in 1..2,147,483,647, else the endpoint's "Invalid X ID" 400. */
export function parsePathId(raw: string | undefined, label: string): number {
  if (raw === undefined || !/^\d{1,10}$/.test(raw)) throw badRequest(`Invalid ${label} ID`);
  const id = Number(raw);
  if (id < 1 || id > 2_147_483_647) throw badRequest(`Invalid ${label} ID`);
  return id;
}

export interface PagingSpec {
  /** Name of the page-size query parameter: `limit` (conventions) or `per_page` (topups, eSIM). */
  sizeParam: 'limit' | 'per_page';
  defaultSize: number;
  maxSize: number;
}

export const CONVENTIONS_PAGING: PagingSpec = { sizeParam: 'limit', defaultSize: 50, maxSize: 10_000 };
export const VERTICAL_PAGING: PagingSpec = { sizeParam: 'per_page', defaultSize: 50, maxSize: 500 };

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

function positiveIntParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    throw badRequest(`Invalid query parameters: ${name} must be a positive integer`);
  }
  return Number(raw);
}

export function paginate<T>(items: readonly T[], query: URLSearchParams, spec: PagingSpec): Page<T> {
  const page = positiveIntParam(query, 'page') ?? 1;
  const size = positiveIntParam(query, spec.sizeParam) ?? spec.defaultSize;
  if (size > spec.maxSize) {
    throw badRequest(`Invalid query parameters: ${spec.sizeParam} must be between 1 and ${spec.maxSize}`);
  }
  const total = items.length;
  const totalPages = Math.ceil(total / size);
  const slice = items.slice((page - 1) * size, page * size);
  return {
    items: slice,
    headers: {
      'X-Page': String(page),
      'X-Per-Page': String(size),
      'X-Total-Count': String(total),
      'X-Total-Pages': String(totalPages),
      'X-Page-Size': String(slice.length),
      'X-Has-More': String(page < totalPages),
    },
  };
}

export function pageReply<T, U>(items: readonly T[], query: URLSearchParams, spec: PagingSpec, map: (item: T) => U): Reply {
  const page = paginate(items, query, spec);
  return ok(page.items.map(map), page.headers);
}

/** Optional positive-integer filter from the query string. */
export function intFilter(query: URLSearchParams, name: string): number | undefined {
  return positiveIntParam(query, name);
}

/** Optional enum filter from the query string (case-insensitive), 400 when not one of `values`. */
export function enumFilter<T extends string>(query: URLSearchParams, name: string, values: readonly T[]): T | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const upper = raw.toUpperCase() as T;
  if (!values.includes(upper)) throw badRequest(`Invalid query parameters: ${name} must be one of ${values.join(', ')}`);
  return upper;
}
