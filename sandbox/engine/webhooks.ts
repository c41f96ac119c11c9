/**
 * Outbound webhooks as documented (general.md §19): configurations standing in for the client
 * dashboard, the `{id, type, created_at, data}` envelope, the eight headers with an HMAC-SHA256
 * signature of the raw body, retries with exponential backoff on non-2xx or timeout, and the
 * occasional re-delivery of an event that was already acknowledged. Every attempt is logged so
 * tests can read what was sent and what the receiver answered; faults delay, drop or duplicate
 * the next deliveries.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { rfc3339 } from '../lib/clock';
import { Rng } from '../lib/ids';
import type { SandboxCore } from './core';

export const WEBHOOK_EVENT_TYPES = [
  'order.delivered',
  'order.partially_delivered',
  'order.failed',
  'order.cancelled',
  'wallet.credited',
  'wallet.debited',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const USER_AGENT = 'octopusrewards.com/webhook-agent';

export const webhookConfigSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    secret: z.string().min(8).max(256),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).default([...WEBHOOK_EVENT_TYPES]),
    enabled: z.boolean().default(true),
  })
  .strict();

export const webhookFaultSchema = z
  .object({
    kind: z.enum(['delay', 'drop', 'duplicate']),
    /** delay: sandbox milliseconds before the first attempt (not scaled). */
    ms: z.number().int().min(0).max(86_400_000).optional(),
    /** Only events of this type (or prefix such as `order.`). */
    type: z.string().max(60).optional(),
    count: z.number().int().min(1).default(1),
  })
  .strict();

export interface WebhookConfig {
  id: string;
  url: string;
  secret: string;
  events: WebhookEventType[];
  enabled: boolean;
  createdAt: number;
}

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  createdAt: number;
  data: Record<string, unknown>;
  /** The exact bytes sent (and signed) for this event: identical on every attempt. */
  body: string;
}

export type DeliveryKind = 'first' | 'retry' | 'redelivery' | 'duplicate';

export interface WebhookDelivery {
  id: number;
  eventId: string;
  eventType: WebhookEventType;
  webhookId: string;
  url: string;
  kind: DeliveryKind;
  attempt: number;
  scheduledAt: string;
  sentAt: string | null;
  outcome: 'scheduled' | 'delivered' | 'failed' | 'timeout' | 'error' | 'dropped';
  status: number | null;
  error: string | null;
  durationMs: number | null;
  nextAttemptAt: string | null;
  headers: Record<string, string> | null;
}

interface WebhookFault {
  id: number;
  kind: 'delay' | 'drop' | 'duplicate';
  ms?: number;
  type?: string;
  remaining: number;
}

let configSequence = 0;

export class WebhookBook {
  readonly configs: WebhookConfig[] = [];
  readonly events: WebhookEvent[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  private faults: WebhookFault[] = [];
  private nextFaultId = 1;
  private nextDeliveryId = 1;
  private eventSequence = 0;
  private rng: Rng;
  private readonly inFlight = new Set<AbortController>();

  constructor(
    private readonly core: SandboxCore,
    private readonly seed: string,
  ) {
    this.rng = new Rng(`${seed}:webhooks`);
  }

  /** Configurations survive a reset (they are the client's dashboard), deliveries and faults do not. */
  reset(): void {
    this.events.length = 0;
    this.deliveries.length = 0;
    this.faults = [];
    this.rng = new Rng(`${this.seed}:webhooks`);
    this.abortAll();
  }

  abortAll(): void {
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }

  addConfig(input: z.input<typeof webhookConfigSchema>): WebhookConfig {
    const parsed = webhookConfigSchema.parse(input);
    configSequence += 1;
    const config: WebhookConfig = { id: `wh_${configSequence}_${randomBytes(4).toString('hex')}`, ...parsed, createdAt: this.core.now() };
    this.configs.push(config);
    return config;
  }

  removeConfig(id: string): boolean {
    const index = this.configs.findIndex((config) => config.id === id);
    if (index < 0) return false;
    this.configs.splice(index, 1);
    return true;
  }

  addFault(input: z.input<typeof webhookFaultSchema>): WebhookFault {
    const parsed = webhookFaultSchema.parse(input);
    const fault: WebhookFault = { id: this.nextFaultId++, kind: parsed.kind, ms: parsed.ms, type: parsed.type, remaining: parsed.count };
    this.faults.push(fault);
    return fault;
  }

  listFaults(): WebhookFault[] {
    return this.faults.filter((fault) => fault.remaining > 0);
  }

  clearFaults(): void {
    this.faults = [];
  }

  private takeFault(type: WebhookEventType): WebhookFault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.type || type === f.type || (f.type.endsWith('.') && type.startsWith(f.type))));
    if (fault) fault.remaining -= 1;
    return fault;
  }

  /** An event happened: one envelope, sent to every enabled configuration subscribed to its type. */
  emit(type: WebhookEventType, data: Record<string, unknown>): WebhookEvent | undefined {
    const targets = this.configs.filter((config) => config.enabled && config.events.includes(type));
    if (targets.length === 0) return undefined;
    this.eventSequence += 1;
    const id = `evt_${this.eventSequence.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
    const createdAt = this.core.now();
    const body = JSON.stringify({ id, type, created_at: rfc3339(createdAt), data });
    const event: WebhookEvent = { id, type, createdAt, data, body };
    this.events.push(event);
    for (const config of targets) {
      const fault = this.takeFault(type);
      if (fault?.kind === 'drop') {
        this.record(event, config, 'first', 1, { outcome: 'dropped', error: 'dropped by a sandbox fault' });
        continue;
      }
      this.schedule(event, config, 'first', 1, fault?.kind === 'delay' ? (fault.ms ?? 0) : 0);
      if (fault?.kind === 'duplicate') this.schedule(event, config, 'duplicate', 1, 0);
    }
    return event;
  }

  /** Sends an event again to its configurations, as after a supplier recovery. */
  redeliver(eventId: string): boolean {
    const event = this.events.find((e) => e.id === eventId);
    if (!event) return false;
    for (const config of this.configs.filter((c) => c.enabled && c.events.includes(event.type))) this.schedule(event, config, 'redelivery', 1, 0);
    return true;
  }

  private record(event: WebhookEvent, config: WebhookConfig, kind: DeliveryKind, attempt: number, extra: Partial<WebhookDelivery> = {}): WebhookDelivery {
    const delivery: WebhookDelivery = {
      id: this.nextDeliveryId++,
      eventId: event.id,
      eventType: event.type,
      webhookId: config.id,
      url: config.url,
      kind,
      attempt,
      scheduledAt: rfc3339(this.core.now()),
      sentAt: null,
      outcome: 'scheduled',
      status: null,
      error: null,
      durationMs: null,
      nextAttemptAt: null,
      headers: null,
      ...extra,
    };
    this.deliveries.push(delivery);
    return delivery;
  }

  private schedule(event: WebhookEvent, config: WebhookConfig, kind: DeliveryKind, attempt: number, delayMs: number): void {
    const delivery = this.record(event, config, kind, attempt);
    this.core.scheduler.after(delayMs, () => void this.send(event, config, delivery));
  }

  /** Headers of one attempt; X-Timestamp is the real wall clock (it is about transport, not the sandbox's virtual time). */
  static headersFor(event: Pick<WebhookEvent, 'id' | 'type' | 'body'>, config: Pick<WebhookConfig, 'id' | 'secret'>, nowMs = Date.now()) {
    return {
      'Content-Type': 'application/json',
      'User-Agent': USER_AGENT,
      'X-OCTOPUS-WEBHOOK-TOKEN': config.secret,
      'X-Webhook-ID': config.id,
      'X-Event-ID': event.id,
      'X-Event-Type': event.type,
      'X-Timestamp': String(Math.floor(nowMs / 1000)),
      'X-Signature': createHmac('sha256', config.secret).update(event.body).digest('hex'),
    };
  }

  private async send(event: WebhookEvent, config: WebhookConfig, delivery: WebhookDelivery): Promise<void> {
    const headers = WebhookBook.headersFor(event, config);
    delivery.headers = { ...headers, 'X-OCTOPUS-WEBHOOK-TOKEN': '[secret]' };
    delivery.sentAt = rfc3339(this.core.now());
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(new Error('timeout')), this.core.config.webhookTimeoutMs);
    const started = Date.now();
    let ok = false;
    try {
      const response = await fetch(config.url, { method: 'POST', headers, body: event.body, signal: controller.signal, redirect: 'manual' });
      await response.arrayBuffer().catch(() => undefined); // the body is ignored
      delivery.status = response.status;
      ok = response.status >= 200 && response.status < 300;
      delivery.outcome = ok ? 'delivered' : 'failed';
    } catch (error) {
      const timedOut = controller.signal.aborted && (controller.signal.reason as Error | undefined)?.message === 'timeout';
      delivery.outcome = timedOut ? 'timeout' : 'error';
      delivery.error = timedOut ? `no answer within ${this.core.config.webhookTimeoutMs} ms` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
      delivery.durationMs = Date.now() - started;
    }
    if (!this.configs.includes(config)) return; // removed (or the sandbox reset) meanwhile
    if (ok) {
      // Documented: events may be re-delivered after recoveries, even when acknowledged.
      const rate = this.core.config.webhookRedeliveryRate;
      if (delivery.kind !== 'redelivery' && rate > 0 && this.rng.next() < rate) {
        this.schedule(event, config, 'redelivery', 1, this.core.delay(this.core.config.webhookRedeliveryDelayMs));
      }
      return;
    }
    if (delivery.attempt >= this.core.config.webhookMaxAttempts) return;
    const wait = this.core.delay(this.core.config.webhookRetryBaseMs * 2 ** (delivery.attempt - 1));
    delivery.nextAttemptAt = rfc3339(this.core.now() + wait);
    this.schedule(event, config, 'retry', delivery.attempt + 1, wait);
  }

  listDeliveries(filter: { eventId?: string; type?: string; webhookId?: string } = {}): WebhookDelivery[] {
    return this.deliveries.filter(
      (d) =>
        (!filter.eventId || d.eventId === filter.eventId) &&
        (!filter.type || d.eventType === filter.type) &&
        (!filter.webhookId || d.webhookId === filter.webhookId),
    );
  }
}

/** `data` of the documented order events (no codes). */
export function orderEventData(order: {
  id: number;
  clientReference?: string;
  ref?: string;
  status: string;
  productName: string;
  denomination: { toNumber(): number };
  quantity: number;
  vouchers: unknown[];
  completedAt?: number;
  createdAt: number;
}, now: number): Record<string, unknown> {
  const denomination = order.denomination.toNumber();
  return {
    id: order.id,
    reference_code: order.clientReference ?? order.ref ?? null,
    status: order.status,
    product_name: order.productName,
    denomination,
    quantity: order.quantity,
    amount: Math.round(denomination * order.quantity * 10_000) / 10_000,
    delivered_quantity: order.vouchers.length,
    delivered_on: rfc3339(order.completedAt ?? now),
    created_at: rfc3339(order.createdAt),
  };
}
