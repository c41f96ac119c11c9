import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { cardPayments, type CardPayment, type User } from '@/db/schema';
import { customerScope } from '@/lib/auth/guards';
import { Decimal, formatMoney, parseAmount } from '@/lib/money';
import { getOrderContext } from '@/lib/orders/context';
import { settleCheckoutSession, type SettleOutcome } from '@/lib/orders/card-payment';
import { getStoreSettings } from '@/lib/store/settings';
import { toStripeAmount } from './amounts';
import { CheckoutUnavailableError, ensureCheckoutSession, expireCheckoutSession, retrieveCheckoutSession } from './card';
import { CHECKOUT_LIFETIME_MS } from '.';

/** The amounts offered as buttons; any other amount between the store's bounds may be typed. */
export const ADD_FUNDS_PRESETS = ['10', '20', '50'];

export type AddFundsOptions = { enabled: boolean; min: string; max: string; presets: string[]; currency: string };

export async function addFundsOptions(currency: string): Promise<AddFundsOptions> {
  const settings = await getStoreSettings(await getDb());
  const enabled = settings.addFundsEnabled && settings.cardPaymentsEnabled;
  const min = new Decimal(settings.addFundsMin);
  const max = new Decimal(settings.addFundsMax);
  return { enabled, min: min.toFixed(), max: max.toFixed(), presets: ADD_FUNDS_PRESETS.filter((preset) => min.lte(preset) && max.gte(preset)), currency };
}

export type StartAddFunds = { ok: true; checkoutUrl: string } | { ok: false; message: string; field?: 'amount' };

/** Starts a card top-up: writes the payment, creates its Checkout Session, returns Stripe's page. */
export async function startAddFunds(user: User, currency: string, typed: string, origin: string): Promise<StartAddFunds> {
  const options = await addFundsOptions(currency);
  if (!options.enabled) return { ok: false, message: 'Adding funds by card is switched off in this store.' };
  const amount = parseAmount(typed, currency);
  if (!amount || amount.lt(options.min) || amount.gt(options.max)) {
    return { ok: false, field: 'amount', message: `Enter an amount from ${formatMoney(options.min, currency)} to ${formatMoney(options.max, currency)}.` };
  }
  const db = await getDb();
  const id = crypto.randomUUID();
  const back = `${origin}/account/add-funds?payment=${id}`;
  const [payment] = await db
    .insert(cardPayments)
    .values({
      id,
      purpose: 'add_funds',
      userId: user.id,
      email: user.email,
      amount: amount.toFixed(),
      currency,
      amountMinor: toStripeAmount(amount, currency),
      successUrl: `${back}&session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${back}&cancelled=1`,
      expiresAt: new Date(Date.now() + CHECKOUT_LIFETIME_MS),
    })
    .returning();
  try {
    const ready = await ensureCheckoutSession(db, payment!, { name: `Add ${formatMoney(amount, currency)} to your balance` });
    return { ok: true, checkoutUrl: ready.checkoutUrl! };
  } catch (error) {
    if (error instanceof CheckoutUnavailableError) return { ok: false, message: error.message };
    throw error;
  }
}

export type AddFundsReturn = { payment: CardPayment; outcome: 'credited' | 'cancelled' | 'pending' } | null;

/**
 * The customer is back from Stripe: verify the session (the webhook may not have come yet, or
 * ever) and say what happened. The ledger credit happens once, whoever settles first.
 */
export async function settleAddFundsReturn(paymentId: string, cancelled: boolean): Promise<AddFundsReturn> {
  const { user, db } = await customerScope('/account/add-funds');
  const [payment] = await db
    .select()
    .from(cardPayments)
    .where(and(eq(cardPayments.id, paymentId), eq(cardPayments.userId, user.id), eq(cardPayments.purpose, 'add_funds')));
  if (!payment) return null;
  let current = payment;
  if (payment.checkoutSessionId && (payment.status === 'open' || payment.status === 'created')) {
    const session = cancelled ? await expireCheckoutSession(payment.checkoutSessionId) : await retrieveCheckoutSession(payment.checkoutSessionId);
    const settled: SettleOutcome = await settleCheckoutSession(await getOrderContext(), session, cancelled ? 'cancel' : 'return');
    current = settled.payment ?? payment;
  }
  return { payment: current, outcome: current.status === 'paid' ? 'credited' : current.status === 'expired' ? 'cancelled' : 'pending' };
}

export async function listMyCardTopUps(limit = 5): Promise<CardPayment[]> {
  const { user, db } = await customerScope('/account/add-funds');
  return db
    .select()
    .from(cardPayments)
    .where(and(eq(cardPayments.userId, user.id), eq(cardPayments.purpose, 'add_funds')))
    .orderBy(desc(cardPayments.createdAt))
    .limit(limit);
}
