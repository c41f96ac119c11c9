/**
 * The stand-in's control API under `/__sandbox/` (JSON in, JSON out, loopback only): what it
 * holds, webhook endpoints, delivery faults, refund failures, API faults, the clock, and paying a
 * session without a browser.
 */
import type { ValidCard } from './cards';
import { brandOf, validateCardForm } from './cards';
import type { ApiFault, RefundFailure, StripeEngine } from './engine';
import type { DeliveryFault, DeliveryFaultAction } from './webhooks';

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ControlRoute {
  method: 'GET' | 'POST' | 'DELETE';
  regex: RegExp;
  handle: (body: Record<string, unknown>, ids: string[], query: URLSearchParams) => unknown;
}

const bad = (message: string) => new ControlError(400, message);

function route(method: ControlRoute['method'], pattern: string, handle: ControlRoute['handle']): ControlRoute {
  return { method, regex: new RegExp(`^/__sandbox${pattern.replace(/:[a-z]+/g, '([^/]+)')}$`), handle };
}

function positiveInt(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw bad(`${name} must be a non-negative integer`);
  return value;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw bad(`${name} must be a non-empty string`);
  return value;
}

const FAULT_ACTIONS: DeliveryFaultAction[] = ['delay', 'drop', 'duplicate', 'fail', 'hold'];

export function controlRoutes(engine: StripeEngine): ControlRoute[] {
  const summary = () => ({
    sessions: engine.sessions.size,
    payment_intents: engine.paymentIntents.size,
    refunds: engine.refunds.size,
    events: engine.events.length,
    deliveries: engine.webhooks.deliveries.length,
    totals: engine.totals(),
  });
  return [
    route('GET', '', () => summary()),
    route('GET', '/totals', () => engine.totals()),
    route('GET', '/sessions', (_b, _i, q) => {
      const status = q.get('status');
      const ref = q.get('client_reference_id');
      return [...engine.sessions.values()].map((r) => r.session).filter((s) => (!status || s.status === status) && (!ref || s.client_reference_id === ref));
    }),
    route('GET', '/payments', () =>
      [...engine.paymentIntents.values()].map((pi) => ({
        ...pi,
        charges: [...engine.charges.values()].filter((c) => c.charge.payment_intent === pi.id).map((c) => c.charge),
        checkout_session: [...engine.sessions.values()].find((r) => r.session.payment_intent === pi.id)?.session.id ?? null,
      })),
    ),
    route('GET', '/refunds', () => [...engine.refunds.values()]),
    route('GET', '/events', (_b, _i, q) => {
      const type = q.get('type');
      return engine.events.filter((e) => !type || e.type === type);
    }),
    route('GET', '/deliveries', (_b, _i, q) => {
      const type = q.get('type');
      const state = q.get('state');
      return engine.webhooks.deliveries.filter((d) => (!type || d.eventType === type) && (!state || d.state === state));
    }),
    route('GET', '/webhook-endpoints', () => [...engine.webhooks.endpoints.values()]),
    route('POST', '/webhook-endpoints', (body) => {
      const url = optionalString(body.url, 'url');
      if (!url) throw bad('url is required');
      const enabled = body.enabled_events;
      if (enabled !== undefined && (!Array.isArray(enabled) || enabled.some((e) => typeof e !== 'string'))) throw bad('enabled_events must be an array of strings');
      try {
        return engine.webhooks.addEndpoint({ url, secret: optionalString(body.secret, 'secret'), enabledEvents: enabled as string[] | undefined });
      } catch (error) {
        throw bad(error instanceof Error ? error.message : String(error));
      }
    }),
    route('DELETE', '/webhook-endpoints/:id', (_b, [id]) => {
      if (!engine.webhooks.removeEndpoint(id as string)) throw new ControlError(404, `No webhook endpoint ${id}`);
      return { id, deleted: true };
    }),
    route('POST', '/deliveries/faults', (body) => {
      const action = body.action as DeliveryFaultAction;
      if (!FAULT_ACTIONS.includes(action)) throw bad(`action must be one of ${FAULT_ACTIONS.join(', ')}`);
      const fault: DeliveryFault = {
        action,
        type: optionalString(body.type, 'type'),
        ms: positiveInt(body.ms, 'ms', action === 'delay' ? 60_000 : 0),
        times: positiveInt(body.times, 'times', 1),
        count: positiveInt(body.count, 'count', 1),
      };
      if (fault.count < 1) throw bad('count must be at least 1');
      engine.webhooks.addFault(fault);
      return { pending: engine.webhooks.pendingFaults };
    }),
    route('GET', '/deliveries/faults', () => engine.webhooks.pendingFaults),
    route('DELETE', '/deliveries/faults', () => {
      engine.webhooks.clearFaults();
      return { pending: [] };
    }),
    route('POST', '/deliveries/hold', () => {
      engine.webhooks.holdAll = true;
      return { holding: true };
    }),
    route('POST', '/deliveries/release', () => ({ released: engine.webhooks.release() })),
    route('POST', '/deliveries/:id/deliver', (_b, [id]) => {
      const delivery = engine.webhooks.deliverNow(id as string);
      if (!delivery) throw new ControlError(404, `No delivery ${id}`);
      return delivery;
    }),
    route('POST', '/refunds/fail-next', (body) => {
      const mode = (body.mode ?? 'error') as RefundFailure['mode'];
      if (mode !== 'error' && mode !== 'async') throw bad('mode must be "error" (the refund call is refused) or "async" (created pending, then failed)');
      const status = body.status === undefined ? undefined : positiveInt(body.status, 'status', 402);
      if (status !== undefined && (status < 400 || status > 599)) throw bad('status must be an HTTP error status');
      const count = positiveInt(body.count, 'count', 1);
      for (let i = 0; i < count; i++) engine.refundFailures.push({ mode, status, code: optionalString(body.code, 'code'), message: optionalString(body.message, 'message') });
      return { pending: engine.refundFailures };
    }),
    route('POST', '/faults', (body) => {
      const path = optionalString(body.path, 'path');
      if (!path?.startsWith('/v1/')) throw bad('path must be an API path prefix such as /v1/refunds');
      const kind = (body.kind ?? 'error') as ApiFault['kind'];
      if (kind !== 'error' && kind !== 'drop') throw bad('kind must be "error" or "drop"');
      const status = positiveInt(body.status, 'status', 500);
      const fault: ApiFault = { path, method: optionalString(body.method, 'method')?.toUpperCase(), kind, status, count: positiveInt(body.count, 'count', 1) };
      engine.apiFaults.push(fault);
      return { pending: engine.apiFaults };
    }),
    route('DELETE', '/faults', () => {
      engine.apiFaults.length = 0;
      engine.refundFailures.length = 0;
      return { pending: [] };
    }),
    route('POST', '/clock/advance', (body) => {
      const ms = positiveInt(body.ms ?? (typeof body.seconds === 'number' ? body.seconds * 1000 : undefined), 'ms', 0);
      engine.scheduler.advance(ms);
      return { now: new Date(engine.now()).toISOString(), unix: Math.floor(engine.now() / 1000) };
    }),
    route('GET', '/clock', () => ({ now: new Date(engine.now()).toISOString(), unix: Math.floor(engine.now() / 1000) })),
    route('POST', '/sessions/:id/pay', (body, [id]) => {
      if (!engine.sessions.has(id as string)) throw new ControlError(404, `No checkout session ${id}`);
      const number = String(body.card_number ?? '4242424242424242');
      const { card, errors } = validateCardForm(
        { email: String(body.email ?? 'buyer@example.com'), cardNumber: number, expiry: String(body.expiry ?? '12 / 34'), cvc: String(body.cvc ?? (brandOf(number.replace(/\s/g, '')) === 'amex' ? '1234' : '123')), name: String(body.name ?? 'Test Buyer') },
        new Date(engine.now()),
      );
      if (!card) throw bad(Object.values(errors).join(' '));
      const result = engine.pay(id as string, card as ValidCard);
      return { ...result, session: engine.sessionRecord(id as string).session };
    }),
    route('POST', '/reset', () => {
      engine.reset();
      return summary();
    }),
  ];
}
