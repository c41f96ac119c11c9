import 'server-only';
import { randomUUID } from 'node:crypto';
import { CheckoutUnavailableError } from '@/lib/payments/card';
import { checkoutUrlForOrder } from './card-payment';
import { guestOrderPath, guestTokenFor, hashGuestToken } from './guest';
import { logger } from '@/lib/logger';
import { and, eq, isNull } from 'drizzle-orm';
import { products, productVariants, type Order, type Product, type ProductVariant } from '@/db/schema';
import { listedRetail } from '@/lib/catalogue/listed-price';
import { effectiveMarkup, retailFromWholesale } from '@/lib/catalogue/pricing';
import { recipientOf, validateInputData, type FieldMessages } from '@/lib/forms/input-data';
import { Decimal, minorUnits, parseAmount } from '@/lib/money';
import { isOctopusApiError } from '@/lib/octopus';
import { getStoreSettings } from '@/lib/store/settings';
import { getStoreWallet } from '@/lib/supplier/wallet';
import type { OrderContext } from './context';
import { submitOrder } from './fulfilment';
import { recordNewOrder } from './record';
import { quoteCharges } from '@/lib/supplier/orders';
import { canonicalInput, signQuote, verifyQuote } from './signed-quote';

/** Most codes one customer may buy in one order. */
export const MAX_VOUCHER_QUANTITY = 10;
/** How long Buy waits for the supplier before showing the order page (which keeps watching). */
const SUBMIT_WAIT_MS = 8_000;

export type CheckoutRequest = {
  productId: string;
  variantId: string;
  /** For range variants: the amount the customer typed, in the product's currency. */
  amount?: string;
  quantity?: string;
  inputData: Record<string, string>;
};

export type CheckoutQuote = {
  product: Product;
  variant: ProductVariant;
  faceAmount: Decimal;
  quantity: number;
  inputData: Record<string, string>;
  recipient: string | null;
  retail: Decimal;
  /** The price the store listed for this choice; `retail` is never above it. */
  listed: Decimal | null;
  wholesale: Decimal;
  markupPercent: Decimal;
  storeCurrency: string;
  walletId: number;
};

export type CheckoutProblem = {
  message: string;
  fieldErrors?: Record<string, string[]>;
};
export type QuoteResult = { ok: true; quote: CheckoutQuote } | ({ ok: false } & CheckoutProblem);

const problem = (message: string, fieldErrors?: Record<string, string[]>): { ok: false } & CheckoutProblem => ({ ok: false, message, fieldErrors });

/** The amount being bought, checked against the variant (fixed price, or a range in minor units). */
function resolveAmount(variant: ProductVariant, typed: string | undefined): Decimal | CheckoutProblem {
  if (variant.kind === 'fixed') return new Decimal(variant.amount!);
  const min = new Decimal(variant.minAmount!);
  const max = new Decimal(variant.maxAmount!);
  const digits = minorUnits(variant.currency);
  const amount = parseAmount(typed ?? '', variant.currency);
  if (!amount || amount.lt(min) || amount.gt(max)) {
    const message = `Enter an amount from ${min.toFixed(digits)} to ${max.toFixed(digits)} ${variant.currency}.`;
    return { message, fieldErrors: { amount: [message] } };
  }
  return amount;
}

function resolveQuantity(product: Product, typed: string | undefined): number | CheckoutProblem {
  if (product.vertical !== 'voucher') return 1;
  const quantity = Number(typed ?? '1');
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_VOUCHER_QUANTITY) {
    const message = `Choose a quantity from 1 to ${MAX_VOUCHER_QUANTITY}.`;
    return { message, fieldErrors: { quantity: [message] } };
  }
  return quantity;
}

type ValidCheckout = {
  product: Product;
  variant: ProductVariant;
  amount: Decimal;
  quantity: number;
  inputData: Record<string, string>;
};

/** The product is on sale, the option belongs to it, and the amount, quantity and input are valid. */
async function validateCheckout(ctx: OrderContext, request: CheckoutRequest, say?: FieldMessages): Promise<({ ok: true } & ValidCheckout) | ({ ok: false } & CheckoutProblem)> {
  const [product] = await ctx.db
    .select()
    .from(products)
    .where(and(eq(products.id, request.productId), eq(products.enabled, true), eq(products.upstreamStatus, 'active'), isNull(products.pausedReason)));
  if (!product) return problem('This product is not on sale right now.');
  const [variant] = await ctx.db
    .select()
    .from(productVariants)
    .where(and(eq(productVariants.id, request.variantId), eq(productVariants.productId, product.id), eq(productVariants.active, true)));
  if (!variant)
    return problem('Pick one of the options on this page.', {
      variantId: ['Pick one of the options.'],
    });

  const amount = resolveAmount(variant, request.amount);
  const quantity = resolveQuantity(product, request.quantity);
  const input = validateInputData(product.inputFields, request.inputData, say);
  const fieldErrors = {
    ...('message' in amount ? amount.fieldErrors : {}),
    ...(typeof quantity === 'object' ? quantity.fieldErrors : {}),
    ...(input.ok ? {} : input.fieldErrors),
  };
  if (Object.keys(fieldErrors).length > 0 || 'message' in amount || typeof quantity === 'object' || !input.ok) {
    return problem((!input.ok && input.formError) || 'Please correct the highlighted fields.', fieldErrors);
  }
  return {
    ok: true,
    product,
    variant,
    amount,
    quantity,
    inputData: input.data,
  };
}

/**
 * Validates a checkout and prices it exactly: the supplier's charges quote (paid from the
 * store-currency wallet) plus the product's markup. Nothing is written. Pay charges this price:
 * from the signed quote the review handed out while it is fresh, else by running this again.
 */
export async function quoteCheckout(ctx: OrderContext, storeCurrency: string, request: CheckoutRequest, say?: FieldMessages): Promise<QuoteResult> {
  const valid = await validateCheckout(ctx, request, say);
  if (!valid.ok) return valid;
  const { product, variant, amount, quantity } = valid;

  const wallet = await getStoreWallet(ctx.supplier, storeCurrency).catch(() => null);
  if (!wallet) return problem('The store cannot take orders right now. Please try again later.');
  let charges;
  try {
    charges = await quoteCharges(ctx.supplier, {
      vertical: product.vertical,
      upstreamProductId: product.upstreamId,
      faceAmount: amount,
      quantity,
      category: variant.category,
      walletId: wallet.id,
    });
  } catch (error) {
    if (isOctopusApiError(error) && (error.kind === 'validation' || error.kind === 'rejected' || error.kind === 'not_found')) {
      return problem(`This option cannot be bought right now: ${error.message}`);
    }
    return problem('We could not get a price from our supplier. Please try again in a moment.');
  }
  const chargedIn = charges.destinationCurrency ?? storeCurrency;
  if (chargedIn !== storeCurrency) return problem('This product cannot be priced in the store currency right now.');

  const settings = await getStoreSettings(ctx.db);
  const markupPercent = effectiveMarkup(product, settings);
  const exact = retailFromWholesale(charges.totalPayable, markupPercent, storeCurrency);
  // The charge never exceeds the price the store listed (list, product page, operator preview):
  // a cheaper quote is passed on and shown as such; a dearer one is held at the listed price.
  const listed = await listedRetail(ctx.db, {
    product,
    variant,
    face: amount,
    quantity,
    storeCurrency,
    settings,
  });
  const retail = listed && exact.gt(listed) ? listed : exact;
  // DESIGN.md "Money": an order whose retail price would not cover its wholesale charge is refused.
  if (retail.lt(charges.totalPayable)) {
    return problem(
      listed && exact.gt(listed)
        ? 'Our supplier raised the price of this option, so it cannot be sold at the listed price right now. Please try again later.'
        : 'This product is not on sale right now.',
    );
  }

  return {
    ok: true,
    quote: {
      product,
      variant,
      faceAmount: amount,
      quantity,
      inputData: valid.inputData,
      recipient: recipientOf(product.inputFields, valid.inputData) ?? null,
      retail,
      listed,
      wholesale: charges.totalPayable,
      markupPercent,
      storeCurrency,
      walletId: wallet.id,
    },
  };
}

/** What a signed quote says about the checkout it priced, in the form the signature covers. */
const quoteBinding = (request: {
  productId: string;
  variantId: string;
  face: Decimal;
  quantity: number;
  input: Record<string, string>;
  storeCurrency: string;
}) => JSON.stringify([request.productId, request.variantId, request.face.toFixed(), request.quantity, canonicalInput(request.input), request.storeCurrency]);

/** Signs the quote a review showed, for its checkout token (see signed-quote.ts). */
export function signCheckoutQuote(quote: CheckoutQuote, checkoutToken: string, now = Date.now()): string {
  return signQuote(
    {
      productId: quote.product.id,
      variantId: quote.variant.id,
      face: quote.faceAmount.toFixed(),
      quantity: quote.quantity,
      input: quote.inputData,
      storeCurrency: quote.storeCurrency,
      retail: quote.retail.toFixed(),
      listed: quote.listed?.toFixed() ?? null,
      wholesale: quote.wholesale.toFixed(),
      markupPercent: quote.markupPercent.toFixed(),
      walletId: quote.walletId,
      checkoutToken,
    },
    now,
  );
}

export const TAMPERED_QUOTE_MESSAGE = 'This price confirmation is not valid (it was changed or is not from this store). Please review your order again.';

/**
 * The price Pay charges: the one the customer confirmed, read from its signed quote while the
 * quote is fresh (the product must still be on sale and the form must be the one priced),
 * else a new supplier quote. A quote that fails its signature or names another checkout is refused.
 */
async function confirmedQuote(
  ctx: OrderContext,
  storeCurrency: string,
  request: CheckoutRequest & { checkoutToken: string; quote?: string },
): Promise<QuoteResult> {
  if (!request.quote) return quoteCheckout(ctx, storeCurrency, request);
  const check = verifyQuote(request.quote);
  if (check.kind === 'invalid') return problem(TAMPERED_QUOTE_MESSAGE);
  const signed = check.payload;
  const valid = await validateCheckout(ctx, request);
  if (!valid.ok) return valid;
  const priced = quoteBinding({ ...signed, face: new Decimal(signed.face) });
  const asked = quoteBinding({
    productId: valid.product.id,
    variantId: valid.variant.id,
    face: valid.amount,
    quantity: valid.quantity,
    input: valid.inputData,
    storeCurrency,
  });
  if (priced !== asked || signed.checkoutToken !== request.checkoutToken) return problem(TAMPERED_QUOTE_MESSAGE);
  if (check.kind === 'expired') return quoteCheckout(ctx, storeCurrency, request);
  return {
    ok: true,
    quote: {
      product: valid.product,
      variant: valid.variant,
      faceAmount: valid.amount,
      quantity: valid.quantity,
      inputData: valid.inputData,
      recipient: recipientOf(valid.product.inputFields, valid.inputData) ?? null,
      retail: new Decimal(signed.retail),
      listed: signed.listed === null ? null : new Decimal(signed.listed),
      wholesale: new Decimal(signed.wholesale),
      markupPercent: new Decimal(signed.markupPercent),
      storeCurrency,
      walletId: signed.walletId,
    },
  };
}

export type PlaceResult =
  | { kind: 'placed'; orderId: string }
  /** Card: go to Stripe's page (null when Stripe could not be reached; the order page offers it again). */
  | {
      kind: 'pay_by_card';
      orderId: string;
      checkoutUrl: string | null;
      orderPath: string;
    }
  | { kind: 'price_changed'; quote: CheckoutQuote }
  | ({ kind: 'refused' } & CheckoutProblem);

/** Who pays, and how: a customer from the balance or by card, or a guest (card only, email for the receipt). */
export type Buyer = { userId: string; email: string; payWith: 'balance' | 'card' } | { guestEmail: string; payWith: 'card' };

/**
 * Places the order the customer confirmed: at the signed quote's price while it is fresh, else
 * re-quoted (refused if the price moved); records the order and payment in one transaction, then
 * sends it to the supplier (DESIGN.md "Orders").
 */
export async function placeCheckout(
  ctx: OrderContext,
  /** A bare user id pays from that customer's balance. */
  buyerOrUserId: Buyer | string,
  storeCurrency: string,
  /** `quote`: the signed quote the review returned; without one the supplier is asked again. */
  request: CheckoutRequest & {
    checkoutToken: string;
    expectedRetail: string;
    quote?: string;
    origin?: string;
  },
): Promise<PlaceResult> {
  const quoted = await confirmedQuote(ctx, storeCurrency, request);
  if (!quoted.ok)
    return {
      kind: 'refused',
      message: quoted.message,
      fieldErrors: quoted.fieldErrors,
    };
  const { quote } = quoted;
  if (!quote.retail.eq(request.expectedRetail)) return { kind: 'price_changed', quote };

  const buyer: Buyer = typeof buyerOrUserId === 'string' ? { userId: buyerOrUserId, email: '', payWith: 'balance' } : buyerOrUserId;
  const orderId = randomUUID();
  const guest = 'guestEmail' in buyer;
  const orderPath = guest ? guestOrderPath(orderId) : `/orders/${orderId}`;
  const back = `${request.origin ?? ''}${orderPath}${orderPath.includes('?') ? '&' : '?'}`;
  const recorded = await recordNewOrder(ctx, {
    id: orderId,
    userId: guest ? null : buyer.userId,
    guestEmail: guest ? buyer.guestEmail : null,
    guestTokenHash: guest ? hashGuestToken(guestTokenFor(orderId)) : null,
    notificationEmail: guest ? buyer.guestEmail : null,
    paymentProvider: buyer.payWith,
    card:
      buyer.payWith === 'card'
        ? {
            email: guest ? buyer.guestEmail : buyer.email,
            successUrl: `${back}paid={CHECKOUT_SESSION_ID}`,
            cancelUrl: `${back}payment=cancelled`,
          }
        : undefined,
    checkoutToken: request.checkoutToken,
    vertical: quote.product.vertical,
    productId: quote.product.id,
    variantId: quote.variant.id,
    productName: quote.product.displayName ?? quote.product.name,
    variantName: quote.variant.name,
    quantity: quote.quantity,
    faceAmount: quote.faceAmount.toFixed(),
    faceCurrency: quote.variant.currency,
    category: quote.variant.category,
    inputData: quote.inputData,
    recipient: quote.recipient,
    retailAmount: quote.retail.toFixed(),
    retailCurrency: storeCurrency,
    wholesaleAmount: quote.wholesale.toFixed(),
    wholesaleCurrency: storeCurrency,
    walletId: quote.walletId,
    markupPercent: quote.markupPercent.toFixed(),
  });
  if (recorded.kind === 'declined') {
    return {
      kind: 'refused',
      message: 'Your balance is too low for this order. Pay by card instead, or add funds to your balance.',
    };
  }
  if (recorded.kind === 'awaiting_payment' || (recorded.kind === 'existing' && recorded.order.status === 'AWAITING_PAYMENT')) {
    // Two tabs (or a resent form) on one checkout land on the same order and the same session.
    const checkoutUrl = await checkoutUrlForOrder(ctx, recorded.order).catch((error: unknown) => {
      if (error instanceof CheckoutUnavailableError) return null;
      throw error;
    });
    const path = recorded.order.guestTokenHash ? guestOrderPath(recorded.order.id) : `/orders/${recorded.order.id}`;
    return {
      kind: 'pay_by_card',
      orderId: recorded.order.id,
      checkoutUrl,
      orderPath: path,
    };
  }
  if (recorded.kind === 'created') await submitAndWait(ctx, recorded.order);
  return { kind: 'placed', orderId: recorded.order.id };
}

/** Sends a freshly paid order to the supplier, waiting a few seconds for the answer. */
export async function submitAndWait(ctx: OrderContext, order: Pick<Order, 'id' | 'number'>): Promise<void> {
  const submission = submitOrder(ctx, order.id).catch((error: unknown) => {
    // The order is safe (SUBMITTING, paid): the reconciler sends it if this attempt died.
    logger.error({ order: order.number, err: error }, 'order submit failed');
  });
  await Promise.race([submission, new Promise((resolve) => setTimeout(resolve, SUBMIT_WAIT_MS))]);
}
