/**
 * Vouchers: products, charges, availability and orders. Quantity 1-5 delivers inside the
 * request (201 DELIVERED with codes); 6-5,000 answers 201 PENDING with `vouchers: []` and
 * completes in the background.
 */
import { Decimal } from '../engine/money';
import { voucherCode } from '../catalogue/codes';
import { COUNTRIES, CURRENCIES } from '../catalogue/reference';
import type { Denomination, VoucherProduct } from '../catalogue/vouchers';
import { VOUCHER_SCENARIOS } from '../catalogue/vouchers';
import { rfc3339 } from '../lib/clock';
import {
  badRequest,
  CONVENTIONS_PAGING,
  enumFilter,
  intFilter,
  notFound,
  ok,
  pageReply,
  parsePathId,
} from '../lib/http';
import type { Body } from '../lib/validate';
import {
  asBody,
  optionalClientReference,
  optionalEmail,
  optionalPositiveInt,
  optionalString,
  requiredAmount,
  requiredPositiveInt,
} from '../lib/validate';
import type { SandboxCore } from '../engine/core';
import { chargeJson, computeCharge, num } from '../engine/money';
import { claimClientReference, debitForOrder, refundOrder } from '../engine/orders';
import type { Route } from '../engine/router';
import type { OrderStatus, VoucherOrder } from '../engine/state';
import type { WebhookEventType } from '../engine/webhooks';
import { orderEventData } from '../engine/webhooks';

const SYNC_LIMIT = 5;
const ABSOLUTE_MAX_QUANTITY = 5000;
const STATUSES = ['PENDING', 'DELIVERED', 'PARTIALLY_DELIVERED', 'FAILED', 'CANCELLED'] as const;

export function productJson(core: SandboxCore, p: VoucherProduct) {
  return {
    id: p.id,
    name: p.name,
    category: p.category,
    sub_category: p.sub_category,
    country_code: p.country_code,
    currency_code: p.currency_code,
    image_url: core.imageUrlOf('voucher', p),
    delivery_mode: p.delivery_mode,
    delivery_time: p.delivery_time,
    validity: p.validity,
    available_denominations: p.available_denominations,
  };
}

function findProduct(core: SandboxCore, rawId: string | undefined): VoucherProduct {
  const id = parsePathId(rawId, 'product');
  const product = core.catalogue.vouchers.find((p) => p.id === id);
  if (!product) throw notFound('Product not found');
  return product;
}

function findDenomination(product: VoucherProduct, value: Decimal): Denomination | undefined {
  return product.available_denominations.find((d) => value.gte(d.min_value) && value.lte(d.max_value));
}

function quantityOf(body: Body): number {
  const quantity = requiredPositiveInt(body, 'quantity', 'Quantity');
  if (quantity > ABSOLUTE_MAX_QUANTITY) throw badRequest(`Quantity must not exceed ${ABSOLUTE_MAX_QUANTITY}`);
  return quantity;
}

/** Denomination and quantity checks shared by charges and orders. */
function priced(product: VoucherProduct, body: Body) {
  const denomination = requiredAmount(body, 'denomination', 'Denomination');
  const quantity = quantityOf(body);
  const match = findDenomination(product, denomination);
  if (!match) throw badRequest('Denomination is not available for this product');
  if (quantity > product.maxQuantity) {
    throw badRequest(`Quantity exceeds the maximum of ${product.maxQuantity} for this product`);
  }
  return { denomination, quantity, discount: new Decimal(match.discount) };
}

type Outcome = 'deliver' | 'partial' | 'partial_fail' | 'fail' | 'cancel';

function scenarioOf(product: VoucherProduct, denomination: Decimal): { outcome: Outcome; slow: boolean } {
  if (!product.scenario) return { outcome: 'deliver', slow: false };
  const value = denomination.toNumber();
  if (value === VOUCHER_SCENARIOS.PARTIAL) return { outcome: 'partial', slow: false };
  if (value === VOUCHER_SCENARIOS.PARTIAL_FAIL) return { outcome: 'partial_fail', slow: false };
  if (value === VOUCHER_SCENARIOS.FAIL || value === VOUCHER_SCENARIOS.OUT_OF_STOCK) return { outcome: 'fail', slow: false };
  if (value === VOUCHER_SCENARIOS.CANCEL) return { outcome: 'cancel', slow: false };
  return { outcome: 'deliver', slow: value === VOUCHER_SCENARIOS.SLOW };
}

const MESSAGES: Record<OrderStatus, string> = {
  PENDING: 'Order is being processed',
  DELIVERED: 'Order delivered',
  PARTIALLY_DELIVERED: 'Order partially delivered; the remaining vouchers are being processed',
  FAILED: 'Order could not be fulfilled; the wallet has been refunded',
  CANCELLED: 'Order cancelled; the wallet has been refunded',
};

export function voucherOrderJson(order: VoucherOrder, withCodes: boolean) {
  return {
    id: order.id,
    product_id: order.productId,
    product_name: order.productName,
    denomination: num(order.denomination),
    quantity: order.quantity,
    amount: num(order.charge.nonDiscounted),
    discount: num(order.charge.discountAmount),
    ...(order.ref !== undefined ? { ref: order.ref } : {}),
    ...(order.clientReference !== undefined ? { client_reference: order.clientReference } : {}),
    wallet_id: order.walletId,
    status: order.status,
    base_currency: order.baseCurrency,
    deduction_currency: order.deductionCurrency,
    message: order.message,
    delivered_quantity: order.vouchers.length,
    ...(order.email !== undefined ? { email: order.email } : {}),
    ...(withCodes
      ? {
          vouchers: order.vouchers.map((v) => ({
            card_number: v.card_number,
            pin_code: v.pin_code,
            claim_url: v.claim_url,
            expires_at: v.expires_at,
            voucher_reference_number: v.voucher_reference_number,
          })),
        }
      : {}),
    created_at: rfc3339(order.createdAt),
  };
}

const EVENT_OF: Partial<Record<OrderStatus, WebhookEventType>> = {
  DELIVERED: 'order.delivered',
  PARTIALLY_DELIVERED: 'order.partially_delivered',
  FAILED: 'order.failed',
  CANCELLED: 'order.cancelled',
};

function announce(core: SandboxCore, order: VoucherOrder): void {
  const type = EVENT_OF[order.status];
  if (type) core.webhooks.emit(type, orderEventData(order, core.now()));
}

function deliverCodes(core: SandboxCore, order: VoucherOrder, count: number): void {
  const product = core.catalogue.everyVoucher().find((p) => p.id === order.productId);
  const now = core.now();
  for (let i = 0; i < count; i++) {
    const code = product ? voucherCode(core.rng, product.codeStyle, product.delivery_mode === 'Code with PIN') : voucherCode(core.rng, 'numeric', true);
    const validityDays = product?.validityDays ?? null;
    order.vouchers.push({ ...code, expires_at: validityDays === null ? null : rfc3339(now + validityDays * 86_400_000) });
  }
}

/**
 * PENDING -> terminal, or PENDING -> PARTIALLY_DELIVERED (half the codes, rounded up) followed
 * `partialRestMs` later by the rest: delivered (`partial`) or failed (`partial_fail`).
 */
export function resolveVoucherOrder(core: SandboxCore, order: VoucherOrder, outcome: Outcome): void {
  if (order.status !== 'PENDING') return;
  core.scheduler.cancel(order.task);
  order.task = undefined;
  let status: OrderStatus;
  if (outcome === 'deliver' || ((outcome === 'partial' || outcome === 'partial_fail') && order.quantity === 1)) {
    deliverCodes(core, order, order.quantity);
    status = 'DELIVERED';
  } else if (outcome === 'partial' || outcome === 'partial_fail') {
    deliverCodes(core, order, Math.ceil(order.quantity / 2));
    status = 'PARTIALLY_DELIVERED';
    const rest = outcome === 'partial' ? 'deliver' : 'fail';
    order.task = core.scheduler.after(core.delay(core.config.partialRestMs), () => settlePartialVoucherOrder(core, order, rest));
  } else {
    status = outcome === 'fail' ? 'FAILED' : 'CANCELLED';
    refundOrder(core, order);
  }
  order.status = status;
  order.message = MESSAGES[status];
  order.completedAt = core.now();
  announce(core, order);
}

/**
 * The codes still pending on a PARTIALLY_DELIVERED order: all delivered (-> DELIVERED), or all
 * failed, refunding their share, ending as `partialFailureStatus` (FAILED by default) with the
 * delivered codes still listed.
 */
export function settlePartialVoucherOrder(core: SandboxCore, order: VoucherOrder, rest: 'deliver' | 'fail'): void {
  if (order.status !== 'PARTIALLY_DELIVERED' || order.vouchers.length >= order.quantity) return;
  core.scheduler.cancel(order.task);
  order.task = undefined;
  const missing = order.quantity - order.vouchers.length;
  if (rest === 'deliver') {
    deliverCodes(core, order, missing);
    order.status = 'DELIVERED';
    order.message = MESSAGES.DELIVERED;
  } else {
    const share = order.charge.totalPayable.mul(missing).div(order.quantity);
    refundOrder(core, order, share.toDecimalPlaces(4, Decimal.ROUND_DOWN));
    order.status = core.config.partialFailureStatus;
    order.message = `${order.vouchers.length} of ${order.quantity} vouchers delivered; ${missing} could not be delivered and were refunded`;
    order.settled = true;
  }
  order.completedAt = core.now();
  announce(core, order);
}

export function voucherRoutes(core: SandboxCore): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/v1/products',
      rate: 'read',
      auth: true,
      handle: ({ query }) => {
        const countryId = intFilter(query, 'country_id');
        const currencyId = intFilter(query, 'currency_id');
        const category = query.get('category')?.toLowerCase();
        const search = query.get('search')?.toLowerCase();
        const country = countryId === undefined ? undefined : COUNTRIES.find((c) => c.id === countryId)?.alpha_2 ?? '-';
        const currency = currencyId === undefined ? undefined : CURRENCIES.find((c) => c.id === currencyId)?.currency ?? '-';
        const { field, direction } = sortOf(query);
        const items = core.catalogue.vouchers.filter(
          (p) =>
            (!country || p.country_code === country) &&
            (!currency || p.currency_code === currency) &&
            (!category || p.category.toLowerCase() === category) &&
            (!search || p.name.toLowerCase().includes(search)),
        ).sort((a, b) => {
          const order = field === 'id' ? a.id - b.id : a[field].localeCompare(b[field]) || a.id - b.id;
          return direction === 'ASC' ? order : -order;
        });
        return pageReply(items, query, CONVENTIONS_PAGING, (p) => productJson(core, p));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/products/:id',
      rate: 'read',
      auth: true,
      handle: ({ params }) => ok(productJson(core, findProduct(core, params.id))),
    },
    {
      method: 'POST',
      pattern: '/api/v1/products/:id/charges',
      rate: 'voucher_charges',
      auth: true,
      handle: ({ params, body }) => {
        const product = findProduct(core, params.id);
        const input = asBody(body, ['denomination', 'quantity', 'wallet_id']);
        const { denomination, quantity, discount } = priced(product, input);
        const walletId = optionalPositiveInt(input, 'wallet_id', 'Wallet ID');
        const charge = computeCharge(core.state.ledger, {
          currency: product.currency_code,
          face: denomination.mul(quantity),
          discountPercent: discount,
          walletId,
        });
        return ok(chargeJson(charge, { gst: true, maxQuantity: product.maxQuantity }));
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/products/:id/availability',
      rate: 'read',
      auth: true,
      handle: ({ params, body }) => {
        const product = findProduct(core, params.id);
        const input = asBody(body, ['denomination', 'quantity']);
        const denomination = requiredAmount(input, 'denomination', 'Denomination');
        const quantity = quantityOf(input);
        const outOfStock = product.scenario && denomination.eq(VOUCHER_SCENARIOS.OUT_OF_STOCK);
        const available = !outOfStock && findDenomination(product, denomination) !== undefined && quantity <= product.maxQuantity;
        return ok({ is_available: available });
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/orders',
      rate: 'voucher_orders',
      auth: true,
      handle: ({ body }) => {
        const input = asBody(body, ['product_id', 'denomination', 'quantity', 'wallet_id', 'client_reference', 'email', 'ref']);
        const productId = requiredPositiveInt(input, 'product_id', 'Product ID');
        const clientReference = optionalClientReference(input);
        const email = optionalEmail(input, 'email');
        const ref = optionalString(input, 'ref', 'ref', 255);
        const walletId = optionalPositiveInt(input, 'wallet_id', 'Wallet ID');
        const product = core.catalogue.vouchers.find((p) => p.id === productId);
        if (!product) throw notFound('Product not found');
        const { denomination, quantity, discount } = priced(product, input);
        core.state.assertClientReferenceFree(clientReference);
        const charge = computeCharge(core.state.ledger, {
          currency: product.currency_code,
          face: denomination.mul(quantity),
          discountPercent: discount,
          walletId,
        });
        const id = core.state.nextOrderId('voucher');
        const debit = debitForOrder(core, charge, 'voucher', id);
        const order: VoucherOrder = {
          vertical: 'voucher',
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
          denomination,
          quantity,
          ref,
          email,
          baseCurrency: product.currency_code,
          deductionCurrency: charge.destinationCurrency,
          message: MESSAGES.PENDING,
          vouchers: [],
        };
        core.state.vouchers.set(id, order);
        claimClientReference(core, clientReference, 'voucher', id);

        const { outcome, slow } = scenarioOf(product, denomination);
        if (quantity <= SYNC_LIMIT && !slow) {
          resolveVoucherOrder(core, order, outcome);
        } else {
          const delay = slow ? core.config.longPendingMs : core.config.voucherAsyncDelayMs;
          order.task = core.scheduler.after(core.delay(delay), () => resolveVoucherOrder(core, order, outcome));
        }
        return { status: 201, body: voucherOrderJson(order, true) };
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/orders',
      rate: 'read',
      auth: true,
      handle: ({ query }) => {
        const status = enumFilter(query, 'status', STATUSES);
        const productId = intFilter(query, 'product_id');
        const reference = query.get('client_reference');
        const orders = [...core.state.vouchers.values()]
          .filter(
            (o) =>
              (!status || o.status === status) &&
              (productId === undefined || o.productId === productId) &&
              (reference === null || o.clientReference === reference),
          )
          .sort((a, b) => b.id - a.id);
        return pageReply(orders, query, CONVENTIONS_PAGING, (o) => voucherOrderJson(o, false));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/orders/:id',
      rate: 'read',
      auth: true,
      handle: ({ params }) => {
        const order = core.state.vouchers.get(parsePathId(params.id, 'order'));
        if (!order) throw notFound('Order not found');
        return ok(voucherOrderJson(order, true));
      },
    },
  ];
}

function sortOf(query: URLSearchParams): { field: 'id' | 'name' | 'category'; direction: 'ASC' | 'DESC' } {
  let field = query.get('sort_by') ?? undefined;
  let direction = query.get('sort_dir') ?? undefined;
  const sort = query.get('sort');
  if (sort) {
    try {
      const parsed = JSON.parse(sort) as Record<string, unknown>;
      const f = parsed.Field ?? parsed.field;
      const d = parsed.Direction ?? parsed.direction;
      if (typeof f === 'string') field = f;
      if (typeof d === 'string') direction = d;
    } catch {
      throw badRequest('Invalid query parameters: sort must be JSON such as {"Field":"name","Direction":"ASC"}');
    }
  }
  const f = (field ?? 'id').toLowerCase();
  const d = (direction ?? (field ? 'asc' : 'desc')).toUpperCase();
  if (f !== 'id' && f !== 'name' && f !== 'category') throw badRequest('Invalid query parameters: sort_by must be one of name, id, category');
  if (d !== 'ASC' && d !== 'DESC') throw badRequest('Invalid query parameters: sort_dir must be asc or desc');
  return { field: f, direction: d };
}
