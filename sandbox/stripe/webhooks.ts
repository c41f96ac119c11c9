/**
 * Webhook endpoints and deliveries: each event goes to every enabled endpoint subscribed to its
 * type, as `POST <url>` with the event JSON and `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256
 * of "<t>.<body>">`. A non-2xx answer, a timeout or a refused connection is retried on the
 * configured backoff schedule. The control API can delay, drop, duplicate or fail deliveries.
 */
import { createHmac } from 'node:crypto';
import type { Clock, Scheduler, TaskHandle } from '../lib/clock';
import type { WebhookEndpointSpec } from './config';
import { newId } from './ids';

export interface WebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  url: string;
  secret: string;
  enabled_events: string[];
  status: 'enabled' | 'disabled';
  api_version: string | null;
  created: number;
  livemode: false;
  metadata: Record<string, string>;
}

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export interface DeliveryAttempt {
  at: string;
  /** HTTP status, or undefined when the request failed (see `error`). */
  status?: number;
  error?: string;
  durationMs: number;
  signature: string;
}

export type DeliveryState = 'scheduled' | 'held' | 'succeeded' | 'retrying' | 'failed' | 'dropped';

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  state: DeliveryState;
  /** Copies made by a `duplicate` fault share the event and carry the original's id here. */
  duplicateOf?: string;
  attempts: DeliveryAttempt[];
  nextAttemptAt?: string;
  fault?: string;
}

export type DeliveryFaultAction = 'delay' | 'drop' | 'duplicate' | 'fail' | 'hold';

export interface DeliveryFault {
  action: DeliveryFaultAction;
  /** Only deliveries of this event type (default: any). */
  type?: string;
  /** delay: extra wait before the first attempt (virtual ms). fail: HTTP-less failures before the real attempt. */
  ms?: number;
  /** fail: how many attempts fail before one reaches the endpoint (default 1). duplicate: extra copies (default 1). */
  times?: number;
  /** How many deliveries this applies to (default 1). */
  count: number;
}

/** `t=<unix>,v1=<hex>` as Stripe writes it. */
export function signPayload(payload: string, secret: string, timestampSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}

export class Webhooks {
  readonly endpoints = new Map<string, WebhookEndpoint>();
  readonly deliveries: Delivery[] = [];
  private readonly faults: DeliveryFault[] = [];
  private readonly tasks = new Map<string, TaskHandle>();
  private readonly payloads = new Map<string, string>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;
  holdAll = false;

  constructor(
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly settings: { retryDelaysMs: () => number[]; timeoutMs: number; log: boolean },
  ) {}

  addEndpoint(spec: WebhookEndpointSpec & { apiVersion?: string | null }): WebhookEndpoint {
    if (!/^https?:\/\//.test(spec.url)) throw new Error('url must be an http(s) URL');
    const endpoint: WebhookEndpoint = {
      id: newId.webhookEndpoint(),
      object: 'webhook_endpoint',
      url: spec.url,
      secret: spec.secret ?? newId.webhookSecret(),
      enabled_events: spec.enabledEvents && spec.enabledEvents.length > 0 ? spec.enabledEvents : ['*'],
      status: 'enabled',
      api_version: spec.apiVersion ?? null,
      created: Math.floor(this.clock.now() / 1000),
      livemode: false,
      metadata: {},
    };
    this.endpoints.set(endpoint.id, endpoint);
    return endpoint;
  }

  removeEndpoint(id: string): boolean {
    return this.endpoints.delete(id);
  }

  addFault(fault: DeliveryFault): void {
    this.faults.push(fault);
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  get pendingFaults(): readonly DeliveryFault[] {
    return this.faults;
  }

  /** Counts endpoints that will receive `event` (its `pending_webhooks`). */
  subscribers(type: string): WebhookEndpoint[] {
    return [...this.endpoints.values()].filter((e) => e.status === 'enabled' && (e.enabled_events.includes('*') || e.enabled_events.includes(type)));
  }

  private takeFault(type: string): DeliveryFault | undefined {
    const index = this.faults.findIndex((f) => f.type === undefined || f.type === type);
    if (index < 0) return undefined;
    const fault = this.faults[index] as DeliveryFault;
    fault.count -= 1;
    if (fault.count <= 0) this.faults.splice(index, 1);
    return { ...fault };
  }

  /** Queues the event for every subscribed endpoint. */
  dispatch(event: StripeEvent): void {
    const payload = JSON.stringify(event, null, 2);
    this.payloads.set(event.id, payload);
    for (const endpoint of this.subscribers(event.type)) {
      const fault = this.takeFault(event.type);
      const delivery: Delivery = { id: newId.delivery(), eventId: event.id, eventType: event.type, endpointId: endpoint.id, url: endpoint.url, state: 'scheduled', attempts: [] };
      this.deliveries.push(delivery);
      if (fault) delivery.fault = fault.action + (fault.ms ? ` ${fault.ms}ms` : '') + (fault.times ? ` x${fault.times}` : '');
      if (fault?.action === 'drop') {
        delivery.state = 'dropped';
        continue;
      }
      if (fault?.action === 'hold' || this.holdAll) {
        delivery.state = 'held';
        continue;
      }
      let failuresLeft = fault?.action === 'fail' ? (fault.times ?? 1) : 0;
      const delay = fault?.action === 'delay' ? (fault.ms ?? 0) : 0;
      this.schedule(delivery, delay, () => failuresLeft-- > 0);
      if (fault?.action === 'duplicate') {
        for (let i = 0; i < (fault.times ?? 1); i++) {
          const copy: Delivery = { ...delivery, id: newId.delivery(), duplicateOf: delivery.id, attempts: [], fault: undefined };
          this.deliveries.push(copy);
          this.schedule(copy, 0, () => false);
        }
      }
    }
  }

  /** Delivers a held, dropped, failed or scheduled delivery now (or re-sends a succeeded one). */
  deliverNow(id: string): Delivery | undefined {
    const delivery = this.deliveries.find((d) => d.id === id);
    if (!delivery) return undefined;
    this.scheduler.cancel(this.tasks.get(delivery.id));
    this.schedule(delivery, 0, () => false);
    return delivery;
  }

  /** Releases every held delivery (and stops holding new ones). */
  release(): number {
    this.holdAll = false;
    let released = 0;
    for (const delivery of this.deliveries) {
      if (delivery.state !== 'held') continue;
      this.schedule(delivery, 0, () => false);
      released += 1;
    }
    return released;
  }

  private schedule(delivery: Delivery, delayMs: number, forcedFailure: () => boolean): void {
    delivery.state = delivery.attempts.length > 0 ? 'retrying' : 'scheduled';
    delivery.nextAttemptAt = new Date(this.clock.now() + delayMs).toISOString();
    const task = this.scheduler.after(delayMs, () => {
      this.tasks.delete(delivery.id);
      void this.attempt(delivery, forcedFailure);
    });
    this.tasks.set(delivery.id, task);
  }

  private async attempt(delivery: Delivery, forcedFailure: () => boolean): Promise<void> {
    if (this.closed) return;
    const endpoint = this.endpoints.get(delivery.endpointId);
    const payload = this.payloads.get(delivery.eventId);
    if (!endpoint || payload === undefined) {
      delivery.state = 'failed';
      delivery.nextAttemptAt = undefined;
      return;
    }
    // The signature's timestamp is wall-clock time (not the virtual clock): receivers check it
    // against their own clock with a tolerance (300 s in the SDK).
    const signature = signPayload(payload, endpoint.secret, Math.floor(Date.now() / 1000));
    const started = Date.now();
    const attempt: DeliveryAttempt = { at: new Date(this.clock.now()).toISOString(), durationMs: 0, signature };
    delivery.attempts.push(attempt);
    delivery.nextAttemptAt = undefined;
    if (forcedFailure()) {
      attempt.error = 'failed by the control API (not sent)';
    } else {
      const controller = new AbortController();
      this.inFlight.add(controller);
      const timer = setTimeout(() => controller.abort(), this.settings.timeoutMs);
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
            'Stripe-Signature': signature,
            'Cache-Control': 'no-cache',
          },
          body: payload,
          signal: controller.signal,
        });
        attempt.status = response.status;
        await response.arrayBuffer().catch(() => undefined);
      } catch (error) {
        attempt.error = controller.signal.aborted ? 'timed out' : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      } finally {
        clearTimeout(timer);
        this.inFlight.delete(controller);
      }
    }
    attempt.durationMs = Date.now() - started;
    if (this.settings.log) console.log(`[stripe-sandbox] webhook ${delivery.eventType} -> ${delivery.url}: ${attempt.status ?? attempt.error}`);
    if (this.closed) return;
    if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) {
      delivery.state = 'succeeded';
      return;
    }
    const delays = this.settings.retryDelaysMs();
    const retryIndex = delivery.attempts.length - 1;
    if (retryIndex >= delays.length) {
      delivery.state = 'failed';
      return;
    }
    this.schedule(delivery, delays[retryIndex] as number, forcedFailure);
  }

  /** Events still owed to some endpoint (for `pending_webhooks`). */
  pendingFor(eventId: string): number {
    return this.deliveries.filter((d) => d.eventId === eventId && !d.duplicateOf && d.state !== 'succeeded' && d.state !== 'failed').length;
  }

  reset(): void {
    for (const task of this.tasks.values()) this.scheduler.cancel(task);
    this.tasks.clear();
    this.deliveries.length = 0;
    this.faults.length = 0;
    this.payloads.clear();
    this.holdAll = false;
  }

  close(): void {
    this.closed = true;
    for (const controller of this.inFlight) controller.abort();
    this.reset();
  }
}
