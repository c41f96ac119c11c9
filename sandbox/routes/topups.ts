/**
 * Top-ups: catalogue with `input_fields`, variants, operator lookup, charges and orders.
 * Orders answer 200 with PENDING (typical), or terminal when fulfilled or rejected in the request.
 */
import { Decimal } from '../engine/money';
import type { TopupProduct, TopupVariant } from '../catalogue/topups';
import { NUMBER_PREFIXES } from '../catalogue/topups';
import { rfc3339 } from '../lib/clock';
import {
  badRequest,
  enumFilter,
  intFilter,
  notFound,
  ok,
  pageReply,
  parsePathId,
  validationError,
  VERTICAL_PAGING,
} from '../lib/http';
import { E164, parsePhone } from '../lib/phone';
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
import { validateInputData } from '../engine/input-data';
import type { Charge } from '../engine/money';
import { chargeJson, computeCharge, num, ZERO } from '../engine/money';
import { notifyTerminal } from '../engine/notify';
import { claimClientReference, debitForOrder, refundOrder } from '../engine/orders';
import type { Route } from '../engine/router';
import type { TopupPlan } from '../engine/scenarios';
import { failureDetails, recipientNoun, topupPlan } from '../engine/scenarios';
import type { TopupOrder } from '../engine/state';

const TYPES = ['GAMING', 'MOBILE', 'UTILITY'] as const;
const STATUSES = ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED', 'RECHARGED'] as const;

const productJson = (core: SandboxCore, p: TopupProduct) => ({
  id: p.id,
  name: p.name,
  topup_type: p.topup_type,
  country_code: p.country_code,
  currency_code: p.currency_code,
  image_url: core.imageUrlOf('topup', p),
});

const productDetailJson = (core: SandboxCore, p: TopupProduct) => ({ ...productJson(core, p), description: p.description, input_fields: p.input_fields });

function variantJson(v: TopupVariant, withProduct = false) {
  return {
    id: v.id,
    ...(withProduct ? { product_id: v.product_id } : {}),
    name: v.name,
    category: v.category,
    currency_code: v.currency_code,
    ...(v.min_amount !== undefined ? { min_amount: v.min_amount, max_amount: v.max_amount } : {}),
    ...(v.fixed_amounts ? { fixed_amounts: v.fixed_amounts } : {}),
    available_in: v.available_in,
    fields: v.fields,
  };
}

function productById(core: SandboxCore, id: number): TopupProduct {
  const product = core.catalogue.topups.find((p) => p.id === id);
  if (!product) throw notFound('Product not found');
  return product;
}

/** The best variant for (product, amount, category): an exact fixed amount first, then a range. */
function selectVariant(product: TopupProduct, amount: Decimal, category: string | undefined): TopupVariant {
  const candidates = category
    ? product.variants.filter((v) => v.category.toLowerCase() === category.toLowerCase())
    : product.variants;
  if (category && candidates.length === 0) throw badRequest(`No ${category} variants are available for this product`);
  const variant =
    candidates.find((v) => v.fixed_amounts?.some((a) => amount.eq(a))) ??
    candidates.find((v) => v.min_amount !== undefined && v.max_amount !== undefined && amount.gte(v.min_amount) && amount.lte(v.max_amount));
  if (!variant) throw badRequest('Amount does not match any available denomination or range for this product');
  return variant;
}

function pricedRequest(core: SandboxCore, input: Body) {
  const productId = requiredPositiveInt(input, 'product_id', 'Product ID');
  const amount = requiredAmount(input, 'amount', 'Amount');
  const walletId = optionalPositiveInt(input, 'wallet_id', 'Wallet ID');
  const category = optionalString(input, 'category', 'category', 50);
  const product = productById(core, productId);
  const variant = selectVariant(product, amount, category);
  const discountPercent = new Decimal(core.config.clientDiscountPercent);
  return { product, variant, amount, walletId, discountPercent };
}

/** Voucher order statuses whose codes may fund a top-up (the create-order page: "DELIVERED, COMPLETED"). */
const REDEEMABLE_STATUSES: readonly string[] = ['DELIVERED', 'COMPLETED'];

/**
 * The voucher a `redeem_voucher_code` names, if this client may spend it on a product in
 * `currency`; otherwise the 400 that says why (sandbox/README.md "redeem_voucher_code").
 */
function redeemableVoucher(core: SandboxCore, code: string, currency: string) {
  const found = core.state.findVoucherCode(code);
  if (!found) throw badRequest('Voucher code not found');
  if (!REDEEMABLE_STATUSES.includes(found.order.status)) throw badRequest('Voucher is not delivered');
  if (found.voucher.redeemedBy !== undefined) throw badRequest('Voucher code has already been redeemed');
  if (found.order.baseCurrency !== currency) throw badRequest('Voucher currency does not match the product currency');
  return found;
}

export function topupOrderJson(order: TopupOrder, view: 'detail' | 'list') {
  return {
    id: order.id,
    ...(order.clientReference !== undefined ? { client_reference: order.clientReference } : {}),
    product_id: order.productId,
    product_name: order.productName,
    variant_name: order.variantName,
    country_code: order.countryCode,
    amount: num(order.amount),
    currency: order.currency,
    status: order.status,
    status_text: order.statusText,
    ...(order.transactionId !== undefined ? { transaction_id: order.transactionId } : {}),
    ...(order.failure
      ? { failure_code: order.failure.code, failure_reason: order.failure.reason, is_user_fixable: order.failure.userFixable }
      : {}),
    ...(view === 'detail' ? { input_data: order.inputData } : {}),
    ...(order.notificationEmail !== undefined ? { notification_email: order.notificationEmail } : {}),
    created_at: rfc3339(order.createdAt),
    ...(order.completedAt !== undefined ? { completed_at: rfc3339(order.completedAt) } : {}),
  };
}

type Resolution = Exclude<TopupPlan, { kind: 'long' }>;

export function resolveTopupOrder(core: SandboxCore, order: TopupOrder, plan: Resolution): void {
  if (order.status !== 'PENDING') return;
  core.scheduler.cancel(order.task);
  order.task = undefined;
  order.completedAt = core.now();
  if (plan.kind === 'deliver') {
    order.status = 'DELIVERED';
    order.statusText = 'Top-up delivered';
    order.transactionId = order.debitTxnId;
  } else {
    const product = core.catalogue.everyTopup().find((p) => p.id === order.productId);
    if (plan.kind === 'fail') {
      order.status = 'FAILED';
      order.statusText = plan.failure.statusText;
      order.failure = failureDetails(plan.failure, product ? recipientNoun(product) : 'account');
    } else {
      order.status = 'CANCELLED';
      order.statusText = 'Order cancelled';
    }
    if (order.redeemedVoucher) order.redeemedVoucher.redeemedBy = undefined;
    else refundOrder(core, order);
  }
  notifyTerminal(core, order);
}

function lookup(core: SandboxCore, mobileNumber: string) {
  const phone = parsePhone(mobileNumber);
  if (!phone?.country) return [];
  const rules = NUMBER_PREFIXES.filter(([country, prefix]) => country === phone.country && phone.nationalNumber.startsWith(prefix));
  const best = rules.sort((a, b) => b[1].length - a[1].length)[0];
  const countryProducts = core.catalogue.topups.filter(
    (p) => p.topup_type === 'MOBILE' && NUMBER_PREFIXES.some(([country, , ids]) => country === phone.country && ids.includes(p.id)),
  );
  const candidates = best ? best[2].flatMap((id) => core.catalogue.topups.filter((p) => p.id === id)) : countryProducts;
  return candidates.map((p, i) => ({ product_id: p.id, name: p.name, country_code: p.country_code, identified: best !== undefined && i === 0 }));
}

export function topupRoutes(core: SandboxCore): Route[] {
  const findOrder = (raw: string | undefined) => {
    const order = core.state.topups.get(parsePathId(raw, 'order'));
    if (!order) throw notFound('Order not found');
    return order;
  };
  return [
    {
      method: 'GET',
      pattern: '/api/v1/topups/products',
      rate: 'read',
      auth: true,
      handle: ({ query }) => {
        const type = enumFilter(query, 'type', TYPES);
        const search = query.get('search')?.toLowerCase();
        const items = core.catalogue.topups.filter((p) => (!type || p.topup_type === type) && (!search || p.name.toLowerCase().includes(search)));
        return pageReply(items, query, VERTICAL_PAGING, (p) => productJson(core, p));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/topups/products/:id',
      rate: 'read',
      auth: true,
      handle: ({ params }) => ok(productDetailJson(core, productById(core, parsePathId(params.id, 'product')))),
    },
    {
      method: 'GET',
      pattern: '/api/v1/topups/products/:id/variants',
      rate: 'read',
      auth: true,
      handle: ({ params }) => ok(productById(core, parsePathId(params.id, 'product')).variants.map((v) => variantJson(v))),
    },
    {
      method: 'GET',
      pattern: '/api/v1/topups/variants/:id',
      rate: 'read',
      auth: true,
      handle: ({ params }) => {
        const id = parsePathId(params.id, 'variant');
        const variant = core.catalogue.topups.flatMap((p) => p.variants).find((v) => v.id === id);
        if (!variant) throw notFound('Variant not found');
        return ok(variantJson(variant, true));
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/topups/lookup',
      rate: 'other',
      auth: true,
      handle: ({ body }) => {
        const input = asBody(body, ['mobile_number']);
        const value = input.mobile_number;
        if (value === undefined || value === null || value === '') throw validationError('mobile_number is required');
        if (typeof value !== 'string') throw validationError('mobile_number must be a string');
        if (!E164.test(value)) {
          throw validationError('mobile_number must be in E.164 format: a leading +, the country code and digits, e.g. +918879685100');
        }
        return ok(lookup(core, value));
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/topups/charges',
      rate: 'topup_charges',
      auth: true,
      handle: ({ body }) => {
        const input = asBody(body, ['product_id', 'amount', 'wallet_id', 'category']);
        const { product, variant, amount, walletId, discountPercent } = pricedRequest(core, input);
        const charge = computeCharge(core.state.ledger, { currency: product.currency_code, face: amount, discountPercent, walletId });
        return ok(chargeJson(charge, { details: { variant_id: variant.id, variant_name: variant.name, category: variant.category } }));
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/topups/orders',
      rate: 'topup_orders',
      auth: true,
      handle: ({ body }) => {
        const input = asBody(body, ['product_id', 'amount', 'input_data', 'client_reference', 'wallet_id', 'category', 'redeem_voucher_code']);
        const { product, variant, amount, walletId, discountPercent } = pricedRequest(core, input);
        const inputData = validateInputData(product, input.input_data);
        const clientReference = optionalClientReference(input);
        const voucherCode = optionalString(input, 'redeem_voucher_code', 'redeem_voucher_code', 255);
        if (voucherCode !== undefined && walletId !== undefined) {
          throw validationError('wallet_id and redeem_voucher_code cannot be used together');
        }
        core.state.assertClientReferenceFree(clientReference);

        let charge: Charge;
        const redeemed = voucherCode !== undefined ? redeemableVoucher(core, voucherCode, product.currency_code) : undefined;
        if (redeemed) {
          const discountAmount = amount.mul(discountPercent).div(100);
          const total = amount.minus(discountAmount);
          if (redeemed.order.denomination.lessThan(total)) throw badRequest('Voucher value does not cover the order amount');
          charge = {
            walletId: 0,
            sourceCurrency: product.currency_code,
            destinationCurrency: product.currency_code,
            nonDiscounted: amount,
            discountPercent,
            discountAmount,
            totalAmount: total,
            forexRate: null,
            netAmount: total,
            handlingFee: ZERO,
            totalPayable: ZERO,
          };
        } else {
          charge = computeCharge(core.state.ledger, { currency: product.currency_code, face: amount, discountPercent, walletId });
        }

        const id = core.state.nextOrderId('topup');
        const debit = redeemed ? undefined : debitForOrder(core, charge, 'topup', id);
        // Checked and taken in one synchronous step: concurrent requests cannot both pass the check.
        if (redeemed) redeemed.voucher.redeemedBy = id;
        const order: TopupOrder = {
          vertical: 'topup',
          id,
          clientReference,
          status: 'PENDING',
          createdAt: core.now(),
          charge,
          walletId: debit ? charge.walletId : undefined,
          debitTxnId: debit?.id,
          refundTxnIds: [],
          productId: product.id,
          productName: product.name,
          variantId: variant.id,
          variantName: variant.name,
          countryCode: product.country_code,
          amount: charge.totalAmount,
          currency: product.currency_code,
          statusText: 'Order submitted for fulfilment',
          inputData,
          redeemedVoucher: redeemed?.voucher,
        };
        core.state.topups.set(id, order);
        claimClientReference(core, clientReference, 'topup', id);

        const plan = topupPlan(product, inputData);
        if (plan.kind === 'long') {
          order.task = core.scheduler.after(core.delay(core.config.longPendingMs), () =>
            resolveTopupOrder(core, order, { kind: 'deliver', sync: false }),
          );
        } else if (plan.sync) {
          resolveTopupOrder(core, order, plan);
        } else {
          order.task = core.scheduler.after(core.delay(core.config.topupDelayMs), () => resolveTopupOrder(core, order, plan));
        }
        return ok(topupOrderJson(order, 'detail'));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/topups/orders',
      rate: 'read',
      auth: true,
      handle: ({ query }) => {
        const status = enumFilter(query, 'status', STATUSES);
        const productId = intFilter(query, 'product_id');
        const country = query.get('country');
        if (country !== null && !/^[A-Z]{3}$/.test(country)) {
          throw badRequest('Invalid query parameters: country must be an uppercase ISO 3166-1 alpha-3 code');
        }
        const reference = query.get('client_reference');
        const orders = [...core.state.topups.values()]
          .filter(
            (o) =>
              (!status || o.status === status) &&
              (productId === undefined || o.productId === productId) &&
              (country === null || o.countryCode === country) &&
              (reference === null || o.clientReference === reference),
          )
          .sort((a, b) => b.id - a.id);
        return pageReply(orders, query, VERTICAL_PAGING, (o) => topupOrderJson(o, 'list'));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/topups/orders/:id',
      rate: 'read',
      auth: true,
      handle: ({ params }) => ok(topupOrderJson(findOrder(params.id), 'detail')),
    },
    {
      method: 'PATCH',
      pattern: '/api/v1/topups/orders/:id/notification-email',
      rate: 'other',
      auth: true,
      handle: ({ params, body }) => {
        const order = findOrder(params.id);
        order.notificationEmail = requiredNotificationEmail(body);
        return ok(topupOrderJson(order, 'detail'));
      },
    },
  ];
}

/** Body of the notification-email PATCH endpoints: `{"email": "..."}`. */
export function requiredNotificationEmail(body: unknown): string {
  const input = asBody(body, ['email']);
  if (input.email === undefined || input.email === null || input.email === '') throw validationError('Email is required');
  const email = optionalEmail(input, 'email');
  if (email === undefined) throw validationError('Email is required');
  return email;
}
