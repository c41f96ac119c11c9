/**
 * The control API under /__sandbox/ (loopback only): reset, faults, time, read-back of orders,
 * ledger, emails and the request log. Not part of the Octopus API; see sandbox/README.md.
 */
import { Decimal } from '../engine/money';
import { z } from 'zod';
import { rfc3339 } from '../lib/clock';
import { badRequest, notFound, ok, validationError } from '../lib/http';
import type { SandboxCore } from '../engine/core';
import type { RateClass } from '../engine/config';
import { DEFAULT_RATE_LIMITS } from '../engine/config';
import { faultSpecSchema } from '../engine/faults';
import { num } from '../engine/money';
import type { Route } from '../engine/router';
import { FAILURE_CODES } from '../engine/scenarios';
import type { AnyOrder, Vertical } from '../engine/state';
import { transactionJson } from '../engine/state';
import { esimOrderJson, refreshInstall, resolveEsimOrder } from './esim';
import { resolveTopupOrder, topupOrderJson } from './topups';
import { resolveVoucherOrder, settlePartialVoucherOrder, voucherOrderJson } from './vouchers';
import { webhookConfigSchema, webhookFaultSchema } from '../engine/webhooks';
import type { WebhookConfig } from '../engine/webhooks';

const VERTICALS = ['voucher', 'topup', 'esim'] as const;

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw validationError(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return result.data;
}

export function orderView(order: AnyOrder) {
  const api =
    order.vertical === 'voucher'
      ? voucherOrderJson(order, true)
      : order.vertical === 'topup'
        ? topupOrderJson(order, 'detail')
        : esimOrderJson(order, 'detail');
  return {
    vertical: order.vertical,
    id: order.id,
    client_reference: order.clientReference ?? null,
    status: order.status,
    wallet_id: order.walletId ?? null,
    total_payable: num(order.charge.totalPayable),
    wallet_currency: order.charge.destinationCurrency,
    debit_transaction_id: order.debitTxnId ?? null,
    refund_transaction_ids: order.refundTxnIds,
    created_at: rfc3339(order.createdAt),
    completed_at: order.completedAt === undefined ? null : rfc3339(order.completedAt),
    api,
  };
}

function findOrder(core: SandboxCore, vertical: string | undefined, rawId: string | undefined): AnyOrder {
  const id = Number(rawId);
  const map = vertical === 'voucher' ? core.state.vouchers : vertical === 'topup' ? core.state.topups : vertical === 'esim' ? core.state.esims : undefined;
  if (!map) throw badRequest('vertical must be one of voucher, topup, esim');
  const order = map.get(id);
  if (!order) throw notFound('Order not found');
  return order;
}

const resolveSchema = z
  .object({
    status: z.enum(['DELIVERED', 'FAILED', 'CANCELLED', 'PARTIALLY_DELIVERED']),
    failure_code: z.string().optional(),
  })
  .strict();

function catalogueVertical(raw: string | undefined): Vertical {
  if (!VERTICALS.includes(raw as Vertical)) throw badRequest('vertical must be one of voucher, topup, esim');
  return raw as Vertical;
}

const repriceSchema = z
  .object({ discount: z.number().min(0).max(100).optional(), factor: z.number().positive().finite().optional() })
  .strict()
  .refine((change) => change.discount !== undefined || change.factor !== undefined, 'give discount or factor');

const rateClasses = Object.keys(DEFAULT_RATE_LIMITS) as [RateClass, ...RateClass[]];

const configSchema = z
  .object({
    accessTokenTtlSeconds: z.number().positive(),
    refreshTokenTtlSeconds: z.number().positive(),
    topupDelayMs: z.number().min(0),
    longPendingMs: z.number().min(0),
    esimDeadlineMs: z.number().min(0),
    esimFulfilMs: z.number().min(0),
    esimSlowFulfilMs: z.number().min(0),
    voucherAsyncDelayMs: z.number().min(0),
    installAfterMs: z.number().min(0),
    validityDayMs: z.number().positive(),
    clientDiscountPercent: z.number().min(0).max(100),
    rateLimits: z.union([z.literal(false), z.partialRecord(z.enum(rateClasses), z.number().int().positive())]),
    rateLimitWindowMs: z.number().int().positive(),
    ipAllowlist: z.array(z.string()),
    logRequests: z.boolean(),
    partialRestMs: z.number().min(0),
    partialFailureStatus: z.enum(['FAILED', 'PARTIALLY_DELIVERED']),
    webhookTimeoutMs: z.number().int().min(1).max(120_000),
    webhookRetryBaseMs: z.number().min(0),
    webhookMaxAttempts: z.number().int().min(1).max(50),
    webhookRedeliveryRate: z.number().min(0).max(1),
    webhookRedeliveryDelayMs: z.number().min(0),
  })
  .partial()
  .strict();

/** The secret is shown once, when the configuration is created (as a dashboard would). */
function configView(config: WebhookConfig, withSecret = false) {
  return { id: config.id, url: config.url, events: config.events, enabled: config.enabled, created_at: rfc3339(config.createdAt), ...(withSecret ? { secret: config.secret } : {}) };
}

export function controlRoutes(core: SandboxCore): Route[] {
  const route = (method: Route['method'], pattern: string, handle: Route['handle']): Route => ({
    method,
    pattern: `/__sandbox${pattern}`,
    rate: 'other',
    auth: false,
    handle,
  });
  return [
    route('GET', '/health', () => ok({ ok: true, now: rfc3339(core.now()) })),
    route('POST', '/reset', () => {
      core.reset();
      return ok({ ok: true });
    }),
    route('GET', '/config', () => ok({ ...core.config, now: rfc3339(core.now()) })),
    // The test products whose options select scenarios (failures, delays...): a store in sandbox
    // mode lists them apart from its catalogue. Top-up scenarios are magic inputs, not products.
    route('GET', '/scenarios', () =>
      ok({
        products: [
          ...core.catalogue.vouchers.filter((p) => p.scenario).map((p) => ({ vertical: 'voucher', id: p.id, name: p.name })),
          ...core.catalogue.esims.filter((p) => p.scenario).map((p) => ({ vertical: 'esim', id: p.id, name: p.name })),
        ],
      }),
    ),
    route('PATCH', '/config', ({ body }) => {
      const patch = parse(configSchema, body);
      Object.assign(core.config, patch);
      if (patch.rateLimits !== undefined || patch.rateLimitWindowMs !== undefined) core.limiter.clear();
      return ok(core.config);
    }),
    route('POST', '/time-scale', ({ body }) => {
      const { timeScale } = parse(z.object({ timeScale: z.number().positive().finite() }).strict(), body);
      core.setTimeScale(timeScale);
      return ok({ timeScale });
    }),
    route('POST', '/clock/advance', ({ body }) => {
      const { ms } = parse(z.object({ ms: z.number().min(0).finite() }).strict(), body);
      core.scheduler.advance(ms);
      return ok({ now: rfc3339(core.now()) });
    }),
    route('GET', '/faults', () => ok(core.faults.list())),
    route('POST', '/faults', ({ body }) => ({ status: 201, body: core.faults.add(parse(faultSpecSchema, body)) })),
    route('DELETE', '/faults', () => {
      core.faults.clear();
      return ok({ ok: true });
    }),
    route('DELETE', '/faults/:id', ({ params }) => {
      if (!core.faults.remove(Number(params.id))) throw notFound('Fault not found');
      return ok({ ok: true });
    }),
    route('POST', '/tokens/expire', ({ body }) => {
      const { kinds } = parse(z.object({ kinds: z.array(z.enum(['access', 'refresh'])).optional() }).strict(), body);
      return ok({ expired: core.tokens.expireAll(core.now(), kinds) });
    }),
    route('GET', '/orders', ({ query }) => {
      const vertical = query.get('vertical');
      if (vertical !== null && !VERTICALS.includes(vertical as Vertical)) throw badRequest('vertical must be one of voucher, topup, esim');
      const reference = query.get('client_reference');
      const orders = core.state
        .allOrders()
        .filter((o) => (vertical === null || o.vertical === vertical) && (reference === null || o.clientReference === reference));
      return ok(orders.map(orderView));
    }),
    route('GET', '/orders/:vertical/:id', ({ params }) => ok(orderView(findOrder(core, params.vertical, params.id)))),
    route('POST', '/orders/:vertical/:id/resolve', ({ params, body }) => {
      const order = findOrder(core, params.vertical, params.id);
      const { status, failure_code: code = 'UNKNOWN' } = parse(resolveSchema, body);
      if (order.vertical === 'voucher' && order.status === 'PARTIALLY_DELIVERED' && (status === 'DELIVERED' || status === 'FAILED') && !order.settled) {
        // The codes still pending on a partial order: deliver them, or fail them (refunded).
        settlePartialVoucherOrder(core, order, status === 'DELIVERED' ? 'deliver' : 'fail');
        return ok(orderView(order));
      }
      if (order.status !== 'PENDING') throw badRequest(`Order is already ${order.status}`);
      if (status === 'FAILED' && !FAILURE_CODES[code]) throw badRequest(`Unknown failure_code ${code}`);
      if (order.vertical === 'voucher') {
        const outcome = status === 'DELIVERED' ? 'deliver' : status === 'PARTIALLY_DELIVERED' ? 'partial' : status === 'FAILED' ? 'fail' : 'cancel';
        resolveVoucherOrder(core, order, outcome);
      } else if (status === 'PARTIALLY_DELIVERED') {
        throw badRequest('PARTIALLY_DELIVERED applies to voucher orders only');
      } else if (order.vertical === 'topup') {
        const failure = FAILURE_CODES[code];
        if (status === 'FAILED' && failure) resolveTopupOrder(core, order, { kind: 'fail', failure, sync: false });
        else resolveTopupOrder(core, order, status === 'DELIVERED' ? { kind: 'deliver', sync: false } : { kind: 'cancel', sync: false });
      } else {
        resolveEsimOrder(core, order, status === 'DELIVERED' ? { kind: 'deliver' } : status === 'FAILED' ? { kind: 'fail', code } : { kind: 'cancel' });
      }
      return ok(orderView(order));
    }),
    route('POST', '/esim/:id/install', ({ params }) => {
      const order = findOrder(core, 'esim', params.id);
      if (order.vertical !== 'esim' || order.status !== 'DELIVERED') throw badRequest('Only DELIVERED eSIM orders can be installed');
      if (!order.isInstalled) order.installDueAt = core.now();
      refreshInstall(core, order);
      return ok(orderView(order));
    }),
    route('GET', '/ledger', () =>
      ok({
        wallets: core.state.ledger.wallets.map((w) => ({ id: w.id, currency: w.currency, currency_id: w.currencyId, balance: w.balance.toString(), amount: num(w.balance), type: w.type })),
        transactions: core.state.ledger.transactions.map((t) => ({ ...transactionJson(t), order: t.order ?? null })),
      }),
    ),
    route('PUT', '/wallets/:key', ({ params, body }) => {
      const { balance } = parse(z.object({ balance: z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]) }).strict(), body);
      const key = params.key ?? '';
      const ledger = core.state.ledger;
      const wallet = /^\d+$/.test(key) ? ledger.wallet(Number(key)) : ledger.walletForCurrency(key.toUpperCase());
      if (!wallet) throw notFound('Wallet not found');
      const target = new Decimal(String(balance));
      if (target.isNegative()) throw badRequest('balance must not be negative');
      const diff = target.minus(wallet.balance);
      if (!diff.isZero()) {
        ledger.post(wallet, diff.isPositive() ? 'CREDIT' : 'DEBIT', diff.abs(), 'Sandbox balance adjustment', core.now());
      }
      return ok({ id: wallet.id, currency: wallet.currency, amount: num(wallet.balance) });
    }),
    route('GET', '/requests', ({ query }) =>
      ok(core.log.list({ method: query.get('method') ?? undefined, path: query.get('path') ?? undefined, route: query.get('route') ?? undefined })),
    ),
    route('GET', '/requests/counts', () => ok(core.log.counters())),
    route('DELETE', '/requests', () => {
      core.log.clear();
      return ok({ ok: true });
    }),
    route('GET', '/emails', () => ok(core.state.emails)),
    // Webhooks: the configurations stand in for the client dashboard.
    route('GET', '/webhooks', () => ok(core.webhooks.configs.map((config) => configView(config)))),
    route('POST', '/webhooks', ({ body }) => ({ status: 201, body: configView(core.webhooks.addConfig(parse(webhookConfigSchema, body)), true) })),
    route('DELETE', '/webhooks', () => {
      for (const config of [...core.webhooks.configs]) core.webhooks.removeConfig(config.id);
      return ok({ ok: true });
    }),
    // Before /webhooks/:id, which would otherwise match DELETE /webhooks/faults.
    route('GET', '/webhooks/faults', () => ok(core.webhooks.listFaults())),
    route('POST', '/webhooks/faults', ({ body }) => ({ status: 201, body: core.webhooks.addFault(parse(webhookFaultSchema, body)) })),
    route('DELETE', '/webhooks/faults', () => {
      core.webhooks.clearFaults();
      return ok({ ok: true });
    }),
    route('DELETE', '/webhooks/:id', ({ params }) => {
      if (!core.webhooks.removeConfig(params.id ?? '')) throw notFound('Webhook not found');
      return ok({ ok: true });
    }),
    route('GET', '/webhooks/deliveries', ({ query }) =>
      ok(core.webhooks.listDeliveries({ eventId: query.get('event_id') ?? undefined, type: query.get('type') ?? undefined, webhookId: query.get('webhook_id') ?? undefined })),
    ),
    route('GET', '/webhooks/events', () => ok(core.webhooks.events.map(({ body: _body, ...event }) => ({ ...event, created_at: rfc3339(event.createdAt) })))),
    route('POST', '/webhooks/events/:id/redeliver', ({ params }) => {
      if (!core.webhooks.redeliver(params.id ?? '')) throw notFound('Event not found');
      return ok({ ok: true });
    }),
    route('POST', '/catalogue/:vertical/:id/remove', ({ params }) => {
      const vertical = catalogueVertical(params.vertical);
      if (!core.catalogue.remove(vertical, Number(params.id))) throw notFound('Product not found');
      return ok({ ok: true });
    }),
    route('POST', '/catalogue/:vertical/:id/restore', ({ params }) => {
      const vertical = catalogueVertical(params.vertical);
      if (!core.catalogue.restore(vertical, Number(params.id))) throw notFound('Product was not removed');
      return ok({ ok: true });
    }),
    route('POST', '/catalogue/:vertical/:id/reprice', ({ params, body }) => {
      const vertical = catalogueVertical(params.vertical);
      const change = parse(repriceSchema, body);
      if (!core.catalogue.reprice(vertical, Number(params.id), change)) throw notFound('Product not found');
      return ok({ ok: true });
    }),
  ];
}
