/**
 * Typed client of the sandbox control API (/__sandbox/), for tests of other modules:
 *
 *   const control = new SandboxControl(sandbox.url);
 *   await control.injectFault({ method: 'POST', path: '/api/v1/topups/orders', kind: 'drop', phase: 'after', count: 1 });
 *   const orders = await control.listOrders({ clientReference: 'abc' });
 */
import type { RateClass, SandboxOptions } from './engine/config';
import type { Fault, FaultSpec } from './engine/faults';
import type { LoggedRequest } from './engine/requestlog';
import type { SentEmail, Vertical } from './engine/state';
import type { WebhookDelivery, WebhookEventType } from './engine/webhooks';

export type { WebhookDelivery, WebhookEventType } from './engine/webhooks';

export type { Fault, FaultSpec, LoggedRequest, SentEmail, Vertical };

export interface ControlOrder {
  vertical: Vertical;
  id: number;
  client_reference: string | null;
  status: string;
  wallet_id: number | null;
  total_payable: number;
  wallet_currency: string;
  debit_transaction_id: number | null;
  refund_transaction_ids: number[];
  created_at: string;
  completed_at: string | null;
  /** The order exactly as the API's detail endpoint shows it. */
  api: Record<string, unknown>;
}

export interface LedgerWallet {
  id: number;
  currency: string;
  currency_id: number;
  /** Exact decimal string. */
  balance: string;
  amount: number;
  type: string;
}

export interface LedgerTransaction {
  id: number;
  wallet_id: number;
  currency_id: number;
  amount: number;
  transaction_type: 'CREDIT' | 'DEBIT';
  status: string;
  remarks: string;
  created_at: string;
  order: { vertical: Vertical; id: number; reason: 'debit' | 'refund' | 'adjustment' } | null;
}

export type TunableConfig = Partial<
  Pick<
    SandboxOptions,
    | 'accessTokenTtlSeconds'
    | 'refreshTokenTtlSeconds'
    | 'topupDelayMs'
    | 'longPendingMs'
    | 'esimDeadlineMs'
    | 'esimFulfilMs'
    | 'esimSlowFulfilMs'
    | 'voucherAsyncDelayMs'
    | 'installAfterMs'
    | 'validityDayMs'
    | 'clientDiscountPercent'
    | 'rateLimits'
    | 'rateLimitWindowMs'
    | 'ipAllowlist'
    | 'logRequests'
    | 'partialRestMs'
    | 'partialFailureStatus'
    | 'webhookTimeoutMs'
    | 'webhookRetryBaseMs'
    | 'webhookMaxAttempts'
    | 'webhookRedeliveryRate'
    | 'webhookRedeliveryDelayMs'
  >
>;

export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class SandboxControl {
  private readonly base: string;

  constructor(baseUrl: string) {
    this.base = `${baseUrl.replace(/\/+$/, '')}/__sandbox`;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const message = (parsed as { error?: { message?: string } } | undefined)?.error?.message ?? text;
      throw new SandboxControlError(response.status, `sandbox control ${method} ${path}: ${response.status} ${message}`);
    }
    return parsed as T;
  }

  health(): Promise<{ ok: boolean; now: string }> {
    return this.call('GET', '/health');
  }

  /** Orders, ledger, faults, request log, clock and options back to the seeded start. Tokens stay valid. */
  reset(): Promise<{ ok: boolean }> {
    return this.call('POST', '/reset');
  }

  config(): Promise<SandboxOptions & { now: string }> {
    return this.call('GET', '/config');
  }

  setConfig(patch: TunableConfig): Promise<SandboxOptions> {
    return this.call('PATCH', '/config', patch);
  }

  setRateLimits(limits: false | Partial<Record<RateClass, number>>): Promise<SandboxOptions> {
    return this.setConfig({ rateLimits: limits });
  }

  setTimeScale(timeScale: number): Promise<{ timeScale: number }> {
    return this.call('POST', '/time-scale', { timeScale });
  }

  /** Moves the sandbox clock forward, running every transition that falls due. */
  advanceClock(ms: number): Promise<{ now: string }> {
    return this.call('POST', '/clock/advance', { ms });
  }

  injectFault(spec: FaultSpec): Promise<Fault> {
    return this.call('POST', '/faults', spec);
  }

  listFaults(): Promise<Fault[]> {
    return this.call('GET', '/faults');
  }

  removeFault(id: number): Promise<{ ok: boolean }> {
    return this.call('DELETE', `/faults/${id}`);
  }

  clearFaults(): Promise<{ ok: boolean }> {
    return this.call('DELETE', '/faults');
  }

  /** Every issued token stops working (as if expired); pass kinds to expire only access or refresh tokens. */
  expireTokens(kinds?: ('access' | 'refresh')[]): Promise<{ expired: number }> {
    return this.call('POST', '/tokens/expire', kinds ? { kinds } : {});
  }

  listOrders(filter: { vertical?: Vertical; clientReference?: string } = {}): Promise<ControlOrder[]> {
    const query = new URLSearchParams();
    if (filter.vertical) query.set('vertical', filter.vertical);
    if (filter.clientReference !== undefined) query.set('client_reference', filter.clientReference);
    const qs = query.toString();
    return this.call('GET', `/orders${qs ? `?${qs}` : ''}`);
  }

  getOrder(vertical: Vertical, id: number): Promise<ControlOrder> {
    return this.call('GET', `/orders/${vertical}/${id}`);
  }

  /** Forces a PENDING order to a terminal status (refunds as the API would). */
  resolveOrder(
    vertical: Vertical,
    id: number,
    status: 'DELIVERED' | 'FAILED' | 'CANCELLED' | 'PARTIALLY_DELIVERED',
    failureCode?: string,
  ): Promise<ControlOrder> {
    return this.call('POST', `/orders/${vertical}/${id}/resolve`, failureCode ? { status, failure_code: failureCode } : { status });
  }

  /** Marks a DELIVERED eSIM as installed on a device now. */
  installEsim(id: number): Promise<ControlOrder> {
    return this.call('POST', `/esim/${id}/install`);
  }

  ledger(): Promise<{ wallets: LedgerWallet[]; transactions: LedgerTransaction[] }> {
    return this.call('GET', '/ledger');
  }

  /** Sets a wallet balance (by currency code or wallet id) through an adjustment transaction. */
  setWalletBalance(wallet: string | number, balance: number | string): Promise<{ id: number; currency: string; amount: number }> {
    return this.call('PUT', `/wallets/${encodeURIComponent(String(wallet))}`, { balance });
  }

  requests(filter: { method?: string; path?: string; route?: string } = {}): Promise<LoggedRequest[]> {
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined));
    const qs = query.toString();
    return this.call('GET', `/requests${qs ? `?${qs}` : ''}`);
  }

  /** Requests per endpoint, keyed `METHOD /route/pattern`, e.g. `POST /api/v1/topups/orders`. */
  requestCounts(): Promise<Record<string, number>> {
    return this.call('GET', '/requests/counts');
  }

  clearRequests(): Promise<{ ok: boolean }> {
    return this.call('DELETE', '/requests');
  }

  emails(): Promise<SentEmail[]> {
    return this.call('GET', '/emails');
  }

  /** Registers a webhook URL with its secret (the supplier dashboard's job); all six events unless `events` is given. */
  addWebhook(config: { url: string; secret: string; events?: WebhookEventType[]; enabled?: boolean }): Promise<{ id: string; url: string; events: WebhookEventType[]; enabled: boolean; secret: string }> {
    return this.call('POST', '/webhooks', config);
  }

  listWebhooks(): Promise<{ id: string; url: string; events: WebhookEventType[]; enabled: boolean }[]> {
    return this.call('GET', '/webhooks');
  }

  removeWebhook(id: string): Promise<{ ok: boolean }> {
    return this.call('DELETE', `/webhooks/${encodeURIComponent(id)}`);
  }

  clearWebhooks(): Promise<{ ok: boolean }> {
    return this.call('DELETE', '/webhooks');
  }

  /** Every delivery attempt with the receiver's answer, oldest first. */
  webhookDeliveries(filter: { eventId?: string; type?: string; webhookId?: string } = {}): Promise<WebhookDelivery[]> {
    const query = new URLSearchParams();
    if (filter.eventId) query.set('event_id', filter.eventId);
    if (filter.type) query.set('type', filter.type);
    if (filter.webhookId) query.set('webhook_id', filter.webhookId);
    const qs = query.toString();
    return this.call('GET', `/webhooks/deliveries${qs ? `?${qs}` : ''}`);
  }

  webhookEvents(): Promise<{ id: string; type: WebhookEventType; data: Record<string, unknown>; created_at: string }[]> {
    return this.call('GET', '/webhooks/events');
  }

  /** Sends an event again, as after a supplier recovery. */
  redeliverWebhook(eventId: string): Promise<{ ok: boolean }> {
    return this.call('POST', `/webhooks/events/${encodeURIComponent(eventId)}/redeliver`);
  }

  /** Delays (`ms` of sandbox time), drops or duplicates the next `count` deliveries (of `type`, or a prefix such as `order.`). */
  injectWebhookFault(fault: { kind: 'delay' | 'drop' | 'duplicate'; ms?: number; type?: string; count?: number }): Promise<{ id: number }> {
    return this.call('POST', '/webhooks/faults', fault);
  }

  clearWebhookFaults(): Promise<{ ok: boolean }> {
    return this.call('DELETE', '/webhooks/faults');
  }

  /** The supplier stops listing a product (it answers 404 from now on; its orders stay readable). */
  removeProduct(vertical: Vertical, id: number): Promise<{ ok: boolean }> {
    return this.call('POST', `/catalogue/${vertical}/${id}/remove`);
  }

  /** A product removed with removeProduct is listed again. */
  restoreProduct(vertical: Vertical, id: number): Promise<{ ok: boolean }> {
    return this.call('POST', `/catalogue/${vertical}/${id}/restore`);
  }

  /** Voucher denominations (and eSIM plans) get `discount` percent; prices are multiplied by `factor`. */
  repriceProduct(vertical: Vertical, id: number, change: { discount?: number; factor?: number }): Promise<{ ok: boolean }> {
    return this.call('POST', `/catalogue/${vertical}/${id}/reprice`, change);
  }
}
