/** Options of the Stripe stand-in (`startStripeSandbox(options)`), all optional. */

export interface WebhookEndpointSpec {
  url: string;
  /** `whsec_...`; generated when omitted. */
  secret?: string;
  /** Event types, or `['*']` (default) for all. */
  enabledEvents?: string[];
}

export interface StripeSandboxOptions {
  port: number;
  host: string;
  /** Base of the hosted page URLs (`<publicUrl>/c/pay/cs_test_...`); default the server's own URL. */
  publicUrl?: string;
  /** Accepted secret keys (Bearer). */
  secretKeys: string[];
  /** Shown at the top of the hosted page, like the account's business name. */
  accountName: string;
  /** `api_version` of events; the SDK's pinned version by default. */
  apiVersion: string;
  /** Webhook endpoints registered at start. */
  webhookEndpoints: WebhookEndpointSpec[];
  /** Delays between delivery attempts after a failure (virtual clock, scaled by timeScale). */
  webhookRetryDelaysMs: number[];
  /** A webhook POST that takes longer than this counts as failed. */
  webhookTimeoutMs: number;
  /** How long after creation a refund that fails asynchronously turns `failed`. */
  refundFailureDelayMs: number;
  /** Multiplies webhook retry delays and refund failure delays (not session expiry, which is `expires_at`). */
  timeScale: number;
  logRequests: boolean;
}

/** The API version the official SDK (`stripe` 23) pins; events are written in it. */
export const DEFAULT_API_VERSION = '2026-10-28.endive';

export const DEFAULT_SECRET_KEY = 'sk_test_sandbox_0123456789abcdefghijklmnopqrstuvwxyz';
export const DEFAULT_WEBHOOK_SECRET = 'whsec_sandbox_0123456789abcdefghijklmnopqrstuv';

export function resolveStripeOptions(options: Partial<StripeSandboxOptions>): StripeSandboxOptions {
  return {
    port: options.port ?? 4510,
    host: options.host ?? '127.0.0.1',
    publicUrl: options.publicUrl,
    secretKeys: options.secretKeys ?? [DEFAULT_SECRET_KEY],
    accountName: options.accountName ?? 'Sandbox Store',
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    webhookEndpoints: options.webhookEndpoints ?? [],
    // Stripe retries for up to three days with exponential backoff; the stand-in's schedule is shorter.
    webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? [5_000, 30_000, 120_000, 600_000, 3_600_000, 10_800_000],
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    refundFailureDelayMs: options.refundFailureDelayMs ?? 5_000,
    timeScale: options.timeScale ?? 1,
    logRequests: options.logRequests ?? false,
  };
}
