/**
 * A typed client of the stand-in's control API, for tests, the fault campaign and e2e specs:
 * `new StripeSandboxControl(url)` where url is the stand-in's base URL (STRIPE_API_URL).
 */
import type { StripeObject } from './engine';
import type { Delivery, DeliveryFaultAction, StripeEvent, WebhookEndpoint } from './webhooks';

export interface Totals {
  captured: number;
  refunded: number;
  net: number;
  payments: number;
  refunds: number;
}

export class StripeSandboxControl {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl.replace(/\/+$/, '')}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json()) as T & { error?: { message?: string } };
    if (!response.ok) throw new Error(`Stripe stand-in control ${method} ${path}: ${response.status} ${parsed.error?.message ?? ''}`);
    return parsed;
  }

  sessions(filter: { status?: string; client_reference_id?: string } = {}): Promise<StripeObject[]> {
    const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined) as [string, string][]).toString();
    return this.call('GET', `/sessions${query ? `?${query}` : ''}`);
  }

  payments(): Promise<(StripeObject & { charges: StripeObject[]; checkout_session: string | null })[]> {
    return this.call('GET', '/payments');
  }

  refunds(): Promise<StripeObject[]> {
    return this.call('GET', '/refunds');
  }

  events(type?: string): Promise<StripeEvent[]> {
    return this.call('GET', `/events${type ? `?type=${encodeURIComponent(type)}` : ''}`);
  }

  deliveries(filter: { type?: string; state?: string } = {}): Promise<Delivery[]> {
    const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined) as [string, string][]).toString();
    return this.call('GET', `/deliveries${query ? `?${query}` : ''}`);
  }

  /** Captured and refunded amounts per currency (minor units). */
  totals(): Promise<Record<string, Totals>> {
    return this.call('GET', '/totals');
  }

  addWebhookEndpoint(url: string, options: { secret?: string; enabled_events?: string[] } = {}): Promise<WebhookEndpoint> {
    return this.call('POST', '/webhook-endpoints', { url, ...options });
  }

  removeWebhookEndpoint(id: string): Promise<unknown> {
    return this.call('DELETE', `/webhook-endpoints/${encodeURIComponent(id)}`);
  }

  webhookEndpoints(): Promise<WebhookEndpoint[]> {
    return this.call('GET', '/webhook-endpoints');
  }

  /** Applies to the next `count` deliveries (of `type`, if given). */
  deliveryFault(action: DeliveryFaultAction, options: { type?: string; ms?: number; times?: number; count?: number } = {}): Promise<unknown> {
    return this.call('POST', '/deliveries/faults', { action, ...options });
  }

  clearDeliveryFaults(): Promise<unknown> {
    return this.call('DELETE', '/deliveries/faults');
  }

  holdDeliveries(): Promise<unknown> {
    return this.call('POST', '/deliveries/hold');
  }

  releaseDeliveries(): Promise<{ released: number }> {
    return this.call('POST', '/deliveries/release');
  }

  deliverNow(deliveryId: string): Promise<Delivery> {
    return this.call('POST', `/deliveries/${encodeURIComponent(deliveryId)}/deliver`);
  }

  /** `error`: the next refund call is refused (402 `refund_declined` unless `status`); `async`: created pending, then failed. */
  failNextRefund(options: { mode?: 'error' | 'async'; status?: number; code?: string; message?: string; count?: number } = {}): Promise<unknown> {
    return this.call('POST', '/refunds/fail-next', options);
  }

  /** The next `count` API calls under `path` answer `status` (api_error for 5xx) or lose their connection (`drop`). */
  apiFault(path: string, options: { method?: string; kind?: 'error' | 'drop'; status?: number; count?: number } = {}): Promise<unknown> {
    return this.call('POST', '/faults', { path, ...options });
  }

  clearFaults(): Promise<unknown> {
    return this.call('DELETE', '/faults');
  }

  advanceClock(ms: number): Promise<{ now: string; unix: number }> {
    return this.call('POST', '/clock/advance', { ms });
  }

  /** Pays a session as the hosted page would (default card 4242 4242 4242 4242). */
  pay(sessionId: string, card: { card_number?: string; email?: string; name?: string; expiry?: string; cvc?: string } = {}): Promise<{ ok: boolean; message?: string; code?: string; session: StripeObject }> {
    return this.call('POST', `/sessions/${encodeURIComponent(sessionId)}/pay`, card);
  }

  reset(): Promise<unknown> {
    return this.call('POST', '/reset');
  }
}
