/** Sandbox options: everything a test or the launcher may tune. */

export type RateClass =
  | 'login'
  | 'refresh'
  | 'read'
  | 'voucher_orders'
  | 'topup_orders'
  | 'esim_orders'
  | 'voucher_charges'
  | 'topup_charges'
  | 'esim_charges'
  | 'other';

/** Requests per rolling window (one minute by default): the docs' sandbox column. */
export const DEFAULT_RATE_LIMITS: Record<RateClass, number> = {
  login: 30,
  refresh: 30,
  read: 600,
  voucher_orders: 120,
  topup_orders: 120,
  esim_orders: 120,
  voucher_charges: 300,
  topup_charges: 300,
  esim_charges: 300,
  other: 600,
};

export interface SandboxOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  apiKey: string;
  apiSecret: string;
  /** The client id `/auth/login` reports (the docs' example: 42). */
  clientId: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Top-ups: PENDING -> terminal. */
  topupDelayMs: number;
  /** How long the "long PENDING" scenarios stay pending before they deliver. */
  longPendingMs: number;
  /** eSIM: how long the create request waits before answering PENDING (documented: 60 s). */
  esimDeadlineMs: number;
  /** eSIM: how long provisioning takes normally (under the deadline, so DELIVERED inline). */
  esimFulfilMs: number;
  /** eSIM: provisioning time of the "slow" scenario (over the deadline). */
  esimSlowFulfilMs: number;
  /** Vouchers over quantity 5: PENDING -> terminal. */
  voucherAsyncDelayMs: number;
  /** eSIM: DELIVERED -> installed (ACTIVE), observed by the order detail endpoint. */
  installAfterMs: number;
  /** Length of one validity day for eSIM expiry (ACTIVE -> EXPIRED after validity_days of these). */
  validityDayMs: number;
  /** Multiplies every delay above (0.01 = a hundred times faster). */
  timeScale: number;
  /** false disables rate limiting; an object overrides per-class limits. */
  rateLimits: false | Partial<Record<RateClass, number>>;
  rateLimitWindowMs: number;
  /** Client discount on top-ups and eSIM, in percent (docs: 5). */
  clientDiscountPercent: number;
  /** Seed for generated codes (voucher codes, ICCIDs, LPA strings). Random when omitted. */
  seed?: string;
  /** Opening balances per currency; these wallets exist in this order (first = default wallet). */
  walletBalances: Record<string, string>;
  /** CIDR ranges allowed to call the API; empty = everyone (as when no whitelist is configured). */
  ipAllowlist: string[];
  /** Log one line per request to stdout. */
  logRequests: boolean;
  /** Synthetic products added to the seeded catalogue (benchmarks): half vouchers, 30 % top-ups, 20 % eSIMs. */
  generatedProducts: number;
  /** Variants (denominations, packs, plans) of each generated product. */
  generatedVariantsPerProduct: number;
  /** PARTIALLY_DELIVERED -> the rest of the codes delivered (or failed). */
  partialRestMs: number;
  /** How a partial order whose remaining codes fail ends: FAILED (delivered codes kept) or stays PARTIALLY_DELIVERED. */
  partialFailureStatus: 'FAILED' | 'PARTIALLY_DELIVERED';
  /** Webhooks: how long the receiver gets to answer (real time, not scaled). Documented: 30 s. */
  webhookTimeoutMs: number;
  /** Webhooks: first retry delay; doubles with every attempt (scaled). */
  webhookRetryBaseMs: number;
  /** Webhooks: attempts per delivery before giving up. */
  webhookMaxAttempts: number;
  /** Webhooks: share (0..1) of acknowledged deliveries sent once more later, as after a supplier recovery. */
  webhookRedeliveryRate: number;
  /** Webhooks: how long after the acknowledgement such a re-delivery comes (scaled). */
  webhookRedeliveryDelayMs: number;
}

export const DEFAULT_OPTIONS: SandboxOptions = {
  port: 4010,
  host: '127.0.0.1',
  apiKey: 'sandbox_demo_key',
  apiSecret: 'sandbox_demo_secret',
  clientId: 42,
  accessTokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 7 * 24 * 3600,
  topupDelayMs: 4000,
  longPendingMs: 30 * 60 * 1000,
  esimDeadlineMs: 60_000,
  esimFulfilMs: 2000,
  esimSlowFulfilMs: 90_000,
  voucherAsyncDelayMs: 15_000,
  installAfterMs: 120_000,
  validityDayMs: 24 * 3600 * 1000,
  timeScale: 1,
  rateLimits: {},
  rateLimitWindowMs: 60_000,
  clientDiscountPercent: 5,
  walletBalances: { USD: '10000.00', EUR: '5000.00', GBP: '5000.00', INR: '500000.00', AED: '10000.00' },
  ipAllowlist: [],
  logRequests: false,
  generatedProducts: 0,
  generatedVariantsPerProduct: 4,
  partialRestMs: 60_000,
  partialFailureStatus: 'FAILED',
  webhookTimeoutMs: 30_000,
  webhookRetryBaseMs: 10_000,
  webhookMaxAttempts: 8,
  webhookRedeliveryRate: 0.02,
  webhookRedeliveryDelayMs: 60_000,
};

/** Merges options, ignoring keys given as undefined or NaN (e.g. an unset env variable). */
export function resolveOptions(partial: Partial<SandboxOptions> = {}): SandboxOptions {
  const merged: SandboxOptions = { ...DEFAULT_OPTIONS, walletBalances: { ...DEFAULT_OPTIONS.walletBalances } };
  for (const [key, value] of Object.entries(partial) as [keyof SandboxOptions, unknown][]) {
    if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) continue;
    (merged as unknown as Record<string, unknown>)[key] = value;
  }
  if (!(merged.timeScale > 0)) throw new Error('timeScale must be a positive number');
  return merged;
}
