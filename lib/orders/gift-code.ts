import 'server-only';
import { createHmac, hkdfSync } from 'node:crypto';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { giftCodes, orders, type GiftCode, type Order } from '@/db/schema';
import { retailFromWholesale } from '@/lib/catalogue/pricing';
import { decryptJson } from '@/lib/crypto';
import { env } from '@/lib/env';
import { Decimal, formatMoney } from '@/lib/money';
import { currentStoreSettings, type StoreSettings } from '@/lib/store/settings';
import type { DeliverySecrets } from '@/lib/supplier/orders';
import { GIFT_CODE_PROVIDER } from '@/lib/payments/gift-code';
import type { CheckoutQuote } from './checkout';
import { normaliseGiftCode, type GiftCodeRedemption } from './gift-code-state';

export { normaliseGiftCode };

export { GIFT_CODE_PROVIDER };

/** Voucher order statuses whose codes the supplier redeems (the create-order page: DELIVERED, COMPLETED). */
const REDEEMABLE_UPSTREAM: readonly string[] = ['DELIVERED', 'COMPLETED'];

function hashKey(): Buffer {
  const secret = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is required to index gift codes');
  return Buffer.from(hkdfSync('sha256', secret, 'octopus-storefront', 'gift-code-index', 32));
}

/** A keyed hash, so the index finds a typed code without the database holding codes in clear. */
export function giftCodeHash(raw: string): string {
  return createHmac('sha256', hashKey()).update(normaliseGiftCode(raw)).digest('base64url');
}

/**
 * Indexes the codes of a delivered voucher order (called in the transaction that records the
 * delivery). Idempotent: a second delivery report of the same order adds nothing.
 */
export async function indexDeliveredCodes(tx: Transaction, order: Order, secrets: DeliverySecrets | null): Promise<void> {
  if (order.vertical !== 'voucher' || !secrets?.vouchers?.length) return;
  const rows = secrets.vouchers.map((code, position) => ({
    voucherOrderId: order.id,
    position,
    cardHash: code.cardNumber ? giftCodeHash(code.cardNumber) : null,
    referenceHash: code.referenceNumber ? giftCodeHash(code.referenceNumber) : null,
    value: order.faceAmount,
    currency: order.faceCurrency,
  }));
  await tx.insert(giftCodes).values(rows).onConflictDoNothing();
}

export type GiftCodeOffer = {
  giftCodeId: string;
  /** What the code pays for this top-up, in the store currency. */
  price: Decimal;
  value: Decimal;
  currency: string;
  /** The code's value beyond the price: not kept (the supplier consumes the whole voucher). */
  leftover: Decimal;
  voucherName: string;
};

export type GiftCodeCheck = { ok: true; offer: GiftCodeOffer } | { ok: false; message: string };

export const GIFT_CODE_MESSAGES = {
  off: 'Paying with a gift code is turned off in this store.',
  topupsOnly: 'Gift codes pay for game and mobile top-ups only.',
  empty: 'Enter the code of a gift card bought in this store.',
  unknown: 'This code was not sold by this store. Only gift card codes bought here can pay for a top-up.',
  partial: 'This code comes from an order that was only partly delivered, so it cannot pay for a top-up.',
  used: 'This code has already been used to pay for an order.',
} as const;

/** The price of a top-up paid with a gift code: the supplier's charge plus the store's gift-code markup. */
export function giftCodePrice(quote: CheckoutQuote, settings: StoreSettings): Decimal {
  if (settings.giftCodeMarkupPercent === null) return quote.retail;
  const price = retailFromWholesale(quote.wholesale, new Decimal(settings.giftCodeMarkupPercent), quote.storeCurrency);
  // Never below the supplier's charge: the voucher must cover what the supplier takes from it.
  return price.lt(quote.wholesale) ? quote.wholesale : price;
}

async function findGiftCode(db: Database | Transaction, raw: string): Promise<(GiftCode & { source: Order }) | undefined> {
  const hash = giftCodeHash(raw);
  const [row] = await db
    .select()
    .from(giftCodes)
    .innerJoin(orders, eq(orders.id, giftCodes.voucherOrderId))
    .where(or(eq(giftCodes.cardHash, hash), eq(giftCodes.referenceHash, hash)))
    .limit(1);
  return row ? { ...row.gift_codes, source: row.orders } : undefined;
}

/**
 * Checks a typed code against the store's own delivered voucher orders, before the supplier
 * is asked: sold by us, fully delivered, unused, in the top-up's currency, worth the price.
 */
export async function checkGiftCode(db: Database | Transaction, raw: string, quote: CheckoutQuote, settings: StoreSettings): Promise<GiftCodeCheck> {
  if (!settings.giftCodesEnabled) return { ok: false, message: GIFT_CODE_MESSAGES.off };
  if (quote.product.vertical !== 'topup') return { ok: false, message: GIFT_CODE_MESSAGES.topupsOnly };
  if (normaliseGiftCode(raw).length < 4) return { ok: false, message: GIFT_CODE_MESSAGES.empty };
  const code = await findGiftCode(db, raw);
  if (!code) return { ok: false, message: GIFT_CODE_MESSAGES.unknown };
  // Codes are indexed as they arrive: one from an order still delivering (or that ended with only
  // part of its codes) is ours, but not redeemable.
  if (code.source.status !== 'DELIVERED' || !REDEEMABLE_UPSTREAM.includes(code.source.upstreamStatus ?? '')) return { ok: false, message: GIFT_CODE_MESSAGES.partial };
  if (code.redeemedOrderId) return { ok: false, message: GIFT_CODE_MESSAGES.used };
  const value = new Decimal(code.value);
  const worth = formatMoney(value, code.currency);
  // The supplier redeems a voucher only for a product in its own currency; the price is in the store's.
  if (code.currency !== quote.variant.currency || code.currency !== quote.storeCurrency) {
    return { ok: false, message: `This code is worth ${worth}, but this top-up is priced in ${quote.variant.currency}: it can only pay for top-ups in ${code.currency}.` };
  }
  const price = giftCodePrice(quote, settings);
  if (value.lt(price)) {
    return { ok: false, message: `This code is worth ${worth}, which does not cover this top-up's price of ${formatMoney(price, quote.storeCurrency)}.` };
  }
  return {
    ok: true,
    offer: { giftCodeId: code.id, price, value, currency: code.currency, leftover: value.minus(price), voucherName: code.source.productName },
  };
}

/** The exact code to send as `redeem_voucher_code`: as the supplier delivered it, not as typed. */
export async function giftCodeToRedeem(db: Database | Transaction, order: Pick<Order, 'paymentProvider' | 'paymentReference'>): Promise<string | undefined> {
  if (order.paymentProvider !== GIFT_CODE_PROVIDER || !order.paymentReference) return undefined;
  const [row] = await db
    .select({ position: giftCodes.position, secret: orders.deliverySecret })
    .from(giftCodes)
    .innerJoin(orders, eq(orders.id, giftCodes.voucherOrderId))
    .where(eq(giftCodes.id, order.paymentReference));
  if (!row?.secret) throw new Error('The gift code paying for this order has no delivered code');
  const code = decryptJson<DeliverySecrets>(row.secret).vouchers?.[row.position];
  const value = code?.cardNumber ?? code?.referenceNumber;
  if (!value) throw new Error('The gift code paying for this order has no delivered code');
  return value;
}


/** Which of a voucher order's codes paid for which order ("redeemed on order #N"). Callers check who may see the order. */
export async function listRedemptionsOfVoucherOrders(db: Database, voucherOrderIds: string[]): Promise<Map<string, GiftCodeRedemption[]>> {
  const result = new Map<string, GiftCodeRedemption[]>();
  if (voucherOrderIds.length === 0) return result;
  const rows = await db
    .select({ voucherOrderId: giftCodes.voucherOrderId, position: giftCodes.position, orderNumber: orders.number, redeemedAt: giftCodes.redeemedAt })
    .from(giftCodes)
    .innerJoin(orders, eq(orders.id, giftCodes.redeemedOrderId))
    .where(inArray(giftCodes.voucherOrderId, voucherOrderIds))
    .orderBy(asc(giftCodes.position));
  for (const row of rows) {
    const list = result.get(row.voucherOrderId) ?? [];
    list.push({ position: row.position, orderNumber: row.orderNumber, redeemedAt: row.redeemedAt! });
    result.set(row.voucherOrderId, list);
  }
  return result;
}

/** For orders paid with a gift code: the number of the voucher order the code came from. */
export async function giftCodeSourcesOf(db: Database, orderIds: string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (orderIds.length === 0) return result;
  const paid = await db
    .select({ orderId: orders.id, giftCodeId: orders.paymentReference })
    .from(orders)
    .where(and(inArray(orders.id, orderIds), eq(orders.paymentProvider, GIFT_CODE_PROVIDER)));
  const codeIds = paid.map((row) => row.giftCodeId).filter((id): id is string => id !== null);
  if (codeIds.length === 0) return result;
  const sources = await db
    .select({ id: giftCodes.id, number: orders.number })
    .from(giftCodes)
    .innerJoin(orders, eq(orders.id, giftCodes.voucherOrderId))
    .where(inArray(giftCodes.id, codeIds));
  const numberOf = new Map(sources.map((row) => [row.id, row.number]));
  for (const row of paid) if (row.giftCodeId && numberOf.has(row.giftCodeId)) result.set(row.orderId, numberOf.get(row.giftCodeId)!);
  return result;
}

/** Whether the confirm step offers "Pay with a gift code" for this quote. */
export async function giftCodesOffered(quote: CheckoutQuote): Promise<boolean> {
  if (quote.product.vertical !== 'topup') return false;
  return (await currentStoreSettings()).giftCodesEnabled;
}

export type GiftCodeFacts = {
  /** On a voucher order: which of its codes paid for which order. */
  redemptions: GiftCodeRedemption[];
  /** On an order paid with a gift code: the number of the voucher order the code came from. */
  paidFromOrder: number | null;
};

/** The gift-code facts an order page shows. Callers have checked who may see the order. */
export async function giftCodeFactsOf(db: Database, order: Pick<Order, 'id' | 'vertical' | 'paymentProvider'>): Promise<GiftCodeFacts> {
  const [redemptions, sources] = await Promise.all([
    order.vertical === 'voucher' ? listRedemptionsOfVoucherOrders(db, [order.id]) : new Map<string, GiftCodeRedemption[]>(),
    order.paymentProvider === GIFT_CODE_PROVIDER ? giftCodeSourcesOf(db, [order.id]) : new Map<string, number>(),
  ]);
  return { redemptions: redemptions.get(order.id) ?? [], paidFromOrder: sources.get(order.id) ?? null };
}


/** Gift-code facts as columns of an orders query (the console's order list and CSV). */
export const giftCodeColumns = {
  giftCodeFrom: sql<number | null>`(select source.number from ${giftCodes} join ${orders} as source on source.id = ${giftCodes.voucherOrderId} where ${giftCodes.id} = ${orders.paymentReference} and ${orders.paymentProvider} = ${GIFT_CODE_PROVIDER})`.mapWith((value: unknown) => (value === null ? null : Number(value))),
  redeemedOn: sql<number[] | null>`(select array_agg(paid.number order by ${giftCodes.position}) from ${giftCodes} join ${orders} as paid on paid.id = ${giftCodes.redeemedOrderId} where ${giftCodes.voucherOrderId} = ${orders.id})`,
};
