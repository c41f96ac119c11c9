/**
 * eSIM: catalogue, charges and orders. The create endpoint always answers 200: it waits for
 * provisioning up to the deadline (60 s documented), then answers DELIVERED, FAILED or PENDING.
 * The detail endpoint refreshes install status (NOT_INSTALLED -> ACTIVE -> EXPIRED) on read.
 */
import { Decimal } from '../engine/money';
import { iccid, lpaString } from '../catalogue/codes';
import type { EsimProduct, EsimVariant } from '../catalogue/esim';
import { ESIM_SCENARIOS } from '../catalogue/esim';
import { rfc3339 } from '../lib/clock';
import { badRequest, enumFilter, notFound, ok, pageReply, parsePathId, validationError, VERTICAL_PAGING } from '../lib/http';
import type { Body } from '../lib/validate';
import { asBody, optionalClientReference, optionalPositiveInt, requiredAmount, requiredPositiveInt } from '../lib/validate';
import type { SandboxCore } from '../engine/core';
import { chargeJson, computeCharge, num } from '../engine/money';
import { notifyTerminal } from '../engine/notify';
import { claimClientReference, debitForOrder, refundOrder } from '../engine/orders';
import type { Route } from '../engine/router';
import { FAILURE_CODES, failureDetails } from '../engine/scenarios';
import type { EsimOrder } from '../engine/state';
import { requiredNotificationEmail } from './topups';

const STATUSES = ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'] as const;
const AUTH_REQUIRED = 'Authentication required';

const productJson = (p: EsimProduct) => ({
  id: p.id,
  name: p.name,
  country_code: p.country_code,
  currency_code: p.currency_code,
  image_url: p.image_url,
});

const variantJson = (v: EsimVariant) => ({ ...v });

function productById(core: SandboxCore, id: number): EsimProduct {
  const product = core.catalogue.esims.find((p) => p.id === id);
  if (!product) throw notFound('Product not found');
  return product;
}

function pricedRequest(core: SandboxCore, input: Body) {
  const productId = requiredPositiveInt(input, 'product_id', 'Product ID');
  const amount = requiredAmount(input, 'amount', 'Amount');
  const walletId = optionalPositiveInt(input, 'wallet_id', 'Wallet ID');
  const product = productById(core, productId);
  const variant = product.variants.find((v) => amount.eq(v.amount));
  if (!variant) throw badRequest('Amount does not match any plan of this product');
  const charge = computeCharge(core.state.ledger, {
    currency: variant.currency_code,
    face: amount,
    discountPercent: new Decimal(variant.client_discount),
    walletId,
  });
  return { product, variant, charge };
}

/** `activation_code` only on the single-order view and only until the profile is installed. */
export function esimOrderJson(order: EsimOrder, view: 'detail' | 'list') {
  const delivered = order.status === 'DELIVERED';
  return {
    id: order.id,
    ...(order.clientReference !== undefined ? { client_reference: order.clientReference } : {}),
    status: order.status,
    status_text: order.statusText,
    product_id: order.productId,
    product_name: order.productName,
    variant_name: order.variantName,
    country_code: order.countryCode,
    data_amount_gb: order.dataAmountGb,
    validity_days: order.validityDays,
    amount: num(order.amount),
    currency: order.currency,
    ...(order.failure
      ? { failure_code: order.failure.code, failure_reason: order.failure.reason, is_user_fixable: order.failure.userFixable }
      : {}),
    ...(delivered && view === 'detail' && !order.isInstalled ? { activation_code: order.activationCode } : {}),
    ...(delivered ? { iccid: order.iccid, activation_status: order.activationStatus, is_installed: order.isInstalled ?? false } : {}),
    ...(order.installedAt !== undefined ? { installed_at: rfc3339(order.installedAt) } : {}),
    ...(order.activatedAt !== undefined ? { activated_at: rfc3339(order.activatedAt) } : {}),
    ...(order.transactionId !== undefined ? { transaction_id: order.transactionId } : {}),
    ...(order.notificationEmail !== undefined ? { notification_email: order.notificationEmail } : {}),
    created_at: rfc3339(order.createdAt),
    ...(order.completedAt !== undefined ? { completed_at: rfc3339(order.completedAt) } : {}),
  };
}

type Resolution = { kind: 'deliver'; neverInstalled?: boolean } | { kind: 'fail'; code: string } | { kind: 'cancel' };

export function resolveEsimOrder(core: SandboxCore, order: EsimOrder, resolution: Resolution): void {
  if (order.status !== 'PENDING') return;
  core.scheduler.cancel(order.task);
  order.task = undefined;
  const now = core.now();
  order.completedAt = now;
  if (resolution.kind === 'deliver') {
    const product = core.catalogue.everyEsim().find((p) => p.id === order.productId);
    order.status = 'DELIVERED';
    order.statusText = 'eSIM delivered';
    order.iccid = iccid(core.rng);
    order.activationCode = lpaString(core.rng, product?.smdpAddress ?? 'rsp.sandbox-esim.net').activationCode;
    order.activationStatus = 'NOT_INSTALLED';
    order.isInstalled = false;
    order.installDueAt = resolution.neverInstalled ? Number.POSITIVE_INFINITY : now + core.delay(core.config.installAfterMs);
    order.transactionId = order.debitTxnId;
  } else {
    if (resolution.kind === 'fail') {
      const failure = FAILURE_CODES[resolution.code] ?? FAILURE_CODES.UNKNOWN;
      if (failure) {
        order.status = 'FAILED';
        order.statusText = failure.statusText;
        order.failure = failureDetails(failure, 'plan');
      }
    } else {
      order.status = 'CANCELLED';
      order.statusText = 'Order cancelled';
    }
    refundOrder(core, order);
  }
  notifyTerminal(core, order);
  for (const wake of order.waiters.splice(0)) wake();
}

/** Refresh-on-read: the device installs the profile, later the validity window runs out. */
function refreshInstall(core: SandboxCore, order: EsimOrder): void {
  if (order.status !== 'DELIVERED') return;
  const now = core.now();
  if (!order.isInstalled && order.installDueAt !== undefined && now >= order.installDueAt) {
    order.isInstalled = true;
    order.installedAt = order.installDueAt;
    order.activatedAt = order.installDueAt;
    order.activationStatus = 'ACTIVE';
  }
  if (order.activationStatus === 'ACTIVE' && order.activatedAt !== undefined) {
    const expiresAt = order.activatedAt + core.delay(order.validityDays * core.config.validityDayMs);
    if (now >= expiresAt) order.activationStatus = 'EXPIRED';
  }
}

function plan(core: SandboxCore, product: EsimProduct, variant: EsimVariant): { after: number; resolution: Resolution } | Resolution {
  const cfg = core.config;
  const normal = { after: core.delay(cfg.esimFulfilMs), resolution: { kind: 'deliver' } as Resolution };
  if (!product.scenario) return normal;
  switch (variant.amount) {
    case ESIM_SCENARIOS.FAIL_UNAVAILABLE:
      return { kind: 'fail', code: 'PRODUCT_UNAVAILABLE' };
    case ESIM_SCENARIOS.FAIL_OUT_OF_STOCK:
      return { kind: 'fail', code: 'PRODUCT_OUT_OF_STOCK' };
    case ESIM_SCENARIOS.SLOW:
      return { after: core.delay(cfg.esimSlowFulfilMs), resolution: { kind: 'deliver' } };
    case ESIM_SCENARIOS.FAIL_LATE:
      return { after: core.delay(cfg.esimSlowFulfilMs), resolution: { kind: 'fail', code: 'UNKNOWN' } };
    case ESIM_SCENARIOS.CANCEL_LATE:
      return { after: core.delay(cfg.esimSlowFulfilMs), resolution: { kind: 'cancel' } };
    case ESIM_SCENARIOS.STUCK:
      return { after: core.delay(cfg.longPendingMs), resolution: { kind: 'deliver' } };
    case ESIM_SCENARIOS.NEVER_INSTALLED:
      return { after: core.delay(cfg.esimFulfilMs), resolution: { kind: 'deliver', neverInstalled: true } };
    default:
      return normal;
  }
}

export function esimRoutes(core: SandboxCore): Route[] {
  const findOrder = (raw: string | undefined) => {
    const order = core.state.esims.get(parsePathId(raw, 'order'));
    if (!order) throw notFound('Order not found');
    return order;
  };
  return [
    {
      method: 'GET',
      pattern: '/api/v1/esim/products',
      rate: 'read',
      auth: true,
      handle: ({ query }) => {
        const country = query.get('country_code')?.toUpperCase();
        if (country !== undefined && !/^[A-Z]{3}$/.test(country)) {
          throw badRequest('Invalid query parameters: country_code must be an ISO 3166-1 alpha-3 code');
        }
        const search = query.get('search')?.toLowerCase();
        const items = core.catalogue.esims.filter((p) => (!country || p.country_code === country) && (!search || p.name.toLowerCase().includes(search)));
        return pageReply(items, query, VERTICAL_PAGING, productJson);
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/esim/products/:id',
      rate: 'read',
      auth: true,
      handle: ({ params }) => {
        const product = productById(core, parsePathId(params.id, 'product'));
        return ok({ ...productJson(product), variants: product.variants.map(variantJson) });
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/esim/products/:id/variants',
      rate: 'read',
      auth: true,
      handle: ({ params }) => ok(productById(core, parsePathId(params.id, 'product')).variants.map(variantJson)),
    },
    {
      method: 'GET',
      pattern: '/api/v1/esim/variants/:id',
      rate: 'read',
      auth: true,
      handle: ({ params }) => {
        const id = parsePathId(params.id, 'variant');
        const variant = core.catalogue.esims.flatMap((p) => p.variants).find((v) => v.id === id);
        if (!variant) throw notFound('Variant not found');
        return ok(variantJson(variant));
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/esim/charges',
      rate: 'esim_charges',
      auth: true,
      handle: ({ body }) => {
        const input = asBody(body, ['product_id', 'amount', 'wallet_id']);
        const { variant, charge } = pricedRequest(core, input);
        return ok(chargeJson(charge, { details: { variant_id: variant.id, variant_name: variant.name } }));
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/esim/orders',
      rate: 'esim_orders',
      auth: true,
      missingAuthMessage: AUTH_REQUIRED,
      handle: async ({ body }) => {
        const input = asBody(body, ['product_id', 'amount', 'quantity', 'client_reference', 'wallet_id']);
        const { product, variant, charge } = pricedRequest(core, input);
        if (input.quantity !== undefined && input.quantity !== null && (typeof input.quantity !== 'number' || !Number.isInteger(input.quantity))) {
          throw validationError('Quantity must be an integer');
        }
        const clientReference = optionalClientReference(input);
        core.state.assertClientReferenceFree(clientReference);

        const id = core.state.nextOrderId('esim');
        const debit = debitForOrder(core, charge, 'esim', id);
        const order: EsimOrder = {
          vertical: 'esim',
          id,
          clientReference,
          status: 'PENDING',
          createdAt: core.now(),
          charge,
          walletId: charge.walletId,
          debitTxnId: debit.id,
          refundTxnIds: [],
          productId: product.id,
          productName: product.name,
          variantId: variant.id,
          variantName: variant.name,
          countryCode: product.country_code,
          dataAmountGb: variant.data_amount_gb,
          validityDays: variant.validity_days,
          amount: charge.totalAmount,
          currency: variant.currency_code,
          statusText: 'Order submitted for fulfilment',
          waiters: [],
        };
        core.state.esims.set(id, order);
        claimClientReference(core, clientReference, 'esim', id);

        const next = plan(core, product, variant);
        if (!('after' in next)) {
          resolveEsimOrder(core, order, next);
        } else {
          order.task = core.scheduler.after(next.after, () => resolveEsimOrder(core, order, next.resolution));
          await new Promise<void>((resolve) => {
            const deadline = core.scheduler.after(core.delay(core.config.esimDeadlineMs), resolve);
            order.waiters.push(() => {
              core.scheduler.cancel(deadline);
              resolve();
            });
          });
          if (order.status === 'PENDING') order.statusText = 'eSIM provisioning in progress';
        }
        return ok(esimOrderJson(order, 'detail'));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/esim/orders',
      rate: 'read',
      auth: true,
      missingAuthMessage: AUTH_REQUIRED,
      handle: ({ query }) => {
        const status = enumFilter(query, 'status', STATUSES);
        const reference = query.get('client_reference');
        const orders = [...core.state.esims.values()]
          .filter((o) => (!status || o.status === status) && (reference === null || o.clientReference === reference))
          .sort((a, b) => b.id - a.id);
        return pageReply(orders, query, VERTICAL_PAGING, (o) => esimOrderJson(o, 'list'));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/esim/orders/:id',
      rate: 'read',
      auth: true,
      missingAuthMessage: AUTH_REQUIRED,
      handle: ({ params }) => {
        const order = findOrder(params.id);
        refreshInstall(core, order);
        return ok(esimOrderJson(order, 'detail'));
      },
    },
    {
      method: 'PATCH',
      pattern: '/api/v1/esim/orders/:id/notification-email',
      rate: 'other',
      auth: true,
      missingAuthMessage: AUTH_REQUIRED,
      handle: ({ params, body }) => {
        const order = findOrder(params.id);
        order.notificationEmail = requiredNotificationEmail(body);
        return ok(esimOrderJson(order, 'detail'));
      },
    },
  ];
}

export { refreshInstall };
