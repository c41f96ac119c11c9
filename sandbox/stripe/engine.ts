/**
 * The stand-in's account: Checkout Sessions, PaymentIntents, Charges, Refunds and Events kept in
 * memory, with the transitions Stripe documents. Routes (api.ts) validate the wire parameters and
 * call in here; the hosted page (page.ts) calls `pay`.
 */
import { Clock, Scheduler } from '../lib/clock';
import type { TaskHandle } from '../lib/clock';
import type { ValidCard } from './cards';
import { outcomeOf } from './cards';
import type { StripeSandboxOptions } from './config';
import { StripeApiError, invalidRequest, noSuch } from './errors';
import { newId, randomAlnum } from './ids';
import { formatAmount } from './money';
import type { StripeEvent } from './webhooks';
import { Webhooks } from './webhooks';

export type Metadata = Record<string, string>;

export interface LineItemInput {
  name: string;
  description?: string;
  unitAmount: number;
  quantity: number;
  currency: string;
}

export interface SessionInput {
  currency: string;
  lineItems: LineItemInput[];
  successUrl?: string;
  cancelUrl?: string;
  clientReferenceId?: string;
  customerEmail?: string;
  metadata: Metadata;
  expiresAt?: number;
  locale?: string;
  submitType?: string;
  paymentIntentData: { metadata: Metadata; description?: string; receiptEmail?: string };
}

/** Objects are plain JSON as Stripe returns them; internal fields live beside them. */
export type StripeObject = Record<string, unknown> & { id: string; object: string; created: number };

interface SessionRecord {
  session: StripeObject;
  lineItems: StripeObject[];
  paymentIntentData: SessionInput['paymentIntentData'];
  expiryTask?: TaskHandle;
}

interface ChargeRecord {
  charge: StripeObject;
  refundFailsLater: boolean;
}

export interface RefundFailure {
  mode: 'error' | 'async';
  status?: number;
  code?: string;
  message?: string;
}

export interface ApiFault {
  method?: string;
  /** Path prefix, e.g. `/v1/refunds`. */
  path: string;
  kind: 'error' | 'drop';
  status: number;
  count: number;
}

export type PayResult =
  | { ok: true; session: StripeObject }
  | { ok: false; code: string; declineCode?: string; message: string }
  | { ok: false; closed: 'complete' | 'expired' };

const unix = (ms: number) => Math.floor(ms / 1000);

export class StripeEngine {
  readonly clock = new Clock();
  readonly scheduler = new Scheduler(this.clock);
  readonly webhooks: Webhooks;
  readonly sessions = new Map<string, SessionRecord>();
  readonly paymentIntents = new Map<string, StripeObject>();
  readonly charges = new Map<string, ChargeRecord>();
  readonly refunds = new Map<string, StripeObject>();
  readonly events: StripeEvent[] = [];
  readonly refundFailures: RefundFailure[] = [];
  readonly apiFaults: ApiFault[] = [];
  /** Base URL of the hosted pages, set once the server listens. */
  publicUrl = '';
  private sequence = 0;
  /** Insertion order, so lists of objects created in the same second keep a stable newest-first order. */
  readonly order = new Map<string, number>();

  constructor(readonly config: StripeSandboxOptions) {
    this.webhooks = new Webhooks(this.clock, this.scheduler, {
      retryDelaysMs: () => this.config.webhookRetryDelaysMs.map((ms) => ms * this.config.timeScale),
      timeoutMs: config.webhookTimeoutMs,
      log: config.logRequests,
    });
    for (const spec of config.webhookEndpoints) this.webhooks.addEndpoint(spec);
  }

  now(): number {
    return this.clock.now();
  }

  private track<T extends { id: string }>(object: T): T {
    this.order.set(object.id, ++this.sequence);
    return object;
  }

  private emit(type: string, object: StripeObject, request: { id: string | null; idempotencyKey: string | null }, previous?: Record<string, unknown>): void {
    const event: StripeEvent = this.track({
      id: newId.event(),
      object: 'event',
      api_version: this.config.apiVersion,
      created: unix(this.now()),
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: this.webhooks.subscribers(type).length,
      request: { id: request.id, idempotency_key: request.idempotencyKey },
      type,
    });
    this.events.push(event);
    this.webhooks.dispatch(event);
  }

  // ---------------------------------------------------------------- checkout sessions

  createSession(input: SessionInput): StripeObject {
    const created = unix(this.now());
    const id = newId.session();
    const amount = input.lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
    const expiresAt = input.expiresAt ?? created + 24 * 3600;
    const lineItems: StripeObject[] = input.lineItems.map((item) => ({
      id: newId.lineItem(),
      object: 'item',
      amount_discount: 0,
      amount_subtotal: item.unitAmount * item.quantity,
      amount_tax: 0,
      amount_total: item.unitAmount * item.quantity,
      currency: item.currency,
      description: item.name,
      price: {
        id: newId.price(),
        object: 'price',
        active: false,
        billing_scheme: 'per_unit',
        created,
        currency: item.currency,
        livemode: false,
        metadata: {},
        product: newId.product(),
        type: 'one_time',
        unit_amount: item.unitAmount,
        unit_amount_decimal: String(item.unitAmount),
      },
      quantity: item.quantity,
      created,
    }));
    const session: StripeObject = this.track({
      id,
      object: 'checkout.session',
      adaptive_pricing: null,
      after_expiration: null,
      allow_promotion_codes: null,
      allowed_payment_method_types: null,
      amount_subtotal: amount,
      amount_total: amount,
      automatic_tax: { enabled: false, liability: null, provider: null, status: null },
      billing_address_collection: null,
      cancel_url: input.cancelUrl ?? null,
      client_reference_id: input.clientReferenceId ?? null,
      client_secret: null,
      collected_information: null,
      consent: null,
      consent_collection: null,
      created,
      currency: input.currency,
      currency_conversion: null,
      custom_fields: [],
      custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
      customer: null,
      customer_account: null,
      customer_creation: 'if_required',
      // Filled in when the customer pays (Stripe leaves it null until then).
      customer_details: null,
      customer_email: input.customerEmail ?? null,
      discounts: [],
      expires_at: expiresAt,
      integration_identifier: null,
      invoice: null,
      invoice_creation: null,
      livemode: false,
      locale: input.locale ?? null,
      managed_payments: null,
      metadata: input.metadata,
      mode: 'payment',
      origin_context: null,
      payment_intent: null,
      payment_link: null,
      payment_method_collection: 'if_required',
      payment_method_configuration_details: null,
      payment_method_options: { card: { request_three_d_secure: 'automatic' } },
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      permissions: null,
      phone_number_collection: { enabled: false },
      recovered_from: null,
      saved_payment_method_options: null,
      setup_intent: null,
      shipping_address_collection: null,
      shipping_cost: null,
      shipping_options: [],
      status: 'open',
      submit_type: input.submitType ?? null,
      subscription: null,
      success_url: input.successUrl ?? null,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: 'hosted_page',
      url: `${this.publicUrl}/c/pay/${id}`,
      wallet_options: null,
    });
    const record: SessionRecord = { session, lineItems, paymentIntentData: input.paymentIntentData };
    record.expiryTask = this.scheduler.at(expiresAt * 1000, () => this.expire(id, 'clock'));
    this.sessions.set(id, record);
    return session;
  }

  sessionRecord(id: string): SessionRecord {
    const record = this.sessions.get(id);
    if (!record) throw noSuch('checkout.session', id, 'session');
    return record;
  }

  /** Expires an open session (API call or `expires_at` reached). */
  expire(id: string, by: 'api' | 'clock', request = { id: null as string | null, idempotencyKey: null as string | null }): StripeObject {
    const record = this.sessionRecord(id);
    const session = record.session;
    if (session.status !== 'open') {
      if (by === 'clock') return session;
      throw invalidRequest(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${String(session.status)}".`);
    }
    this.scheduler.cancel(record.expiryTask);
    session.status = 'expired';
    session.url = null;
    if (by === 'api') session.expires_at = unix(this.now());
    const pi = typeof session.payment_intent === 'string' ? this.paymentIntents.get(session.payment_intent) : undefined;
    if (pi && pi.status !== 'succeeded') {
      pi.status = 'canceled';
      pi.canceled_at = unix(this.now());
      pi.cancellation_reason = 'automatic';
      this.emit('payment_intent.canceled', pi, request);
    }
    this.emit('checkout.session.expired', session, request);
    return session;
  }

  /** The hosted page's Pay button. Declines leave the session open for another try. */
  pay(id: string, card: ValidCard): PayResult {
    const record = this.sessionRecord(id);
    const session = record.session;
    if (session.status === 'complete' || session.status === 'expired') return { ok: false, closed: session.status };
    if (this.now() >= (session.expires_at as number) * 1000) {
      this.expire(id, 'clock');
      return { ok: false, closed: 'expired' };
    }
    const request = { id: null, idempotencyKey: null };
    const created = unix(this.now());
    const amount = session.amount_total as number;
    const currency = session.currency as string;
    const email = (session.customer_email as string | null) ?? card.email;
    const paymentMethod = newId.paymentMethod();

    let pi = typeof session.payment_intent === 'string' ? this.paymentIntents.get(session.payment_intent) : undefined;
    if (!pi) {
      const piId = newId.paymentIntent();
      pi = this.track({
        id: piId,
        object: 'payment_intent',
        allowed_payment_method_types: null,
        amount,
        amount_capturable: 0,
        amount_details: { tip: {} },
        amount_received: 0,
        application: null,
        application_fee_amount: null,
        automatic_payment_methods: null,
        canceled_at: null,
        cancellation_reason: null,
        capture_method: 'automatic_async',
        client_secret: `${piId}_secret_${randomAlnum(25)}`,
        confirmation_method: 'automatic',
        created,
        currency,
        customer: null,
        customer_account: null,
        description: record.paymentIntentData.description ?? null,
        excluded_payment_method_types: null,
        last_payment_error: null,
        latest_charge: null,
        livemode: false,
        managed_payments: null,
        metadata: record.paymentIntentData.metadata,
        next_action: null,
        on_behalf_of: null,
        payment_method: null,
        payment_method_configuration_details: null,
        payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
        payment_method_types: ['card'],
        payment_record: null,
        processing: null,
        receipt_email: record.paymentIntentData.receiptEmail ?? null,
        review: null,
        setup_future_usage: null,
        shipping: null,
        source: null,
        statement_descriptor: null,
        statement_descriptor_suffix: null,
        status: 'requires_payment_method',
        transfer_data: null,
        transfer_group: null,
      });
      this.paymentIntents.set(piId, pi);
      session.payment_intent = piId;
    }

    const outcome = outcomeOf(card.number);
    const chargeId = newId.charge();
    const decline = outcome.decline;
    const charge: StripeObject = this.track({
      id: chargeId,
      object: 'charge',
      amount,
      amount_captured: decline ? 0 : amount,
      amount_refunded: 0,
      application: null,
      application_fee: null,
      application_fee_amount: null,
      balance_transaction: decline ? null : newId.balanceTransaction(),
      billing_details: { address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null }, email, name: card.name, phone: null, tax_id: null },
      calculated_statement_descriptor: this.config.accountName.toUpperCase().slice(0, 22),
      captured: !decline,
      created,
      currency,
      customer: null,
      description: pi.description,
      disputed: false,
      failure_balance_transaction: null,
      failure_code: decline?.code ?? null,
      failure_message: decline?.message ?? null,
      fraud_details: {},
      livemode: false,
      metadata: pi.metadata,
      on_behalf_of: null,
      outcome: decline
        ? { network_status: decline.code === 'processing_error' ? 'not_sent_to_network' : 'declined_by_network', reason: decline.declineCode ?? decline.code, risk_level: 'normal', risk_score: 20, seller_message: 'The bank did not return any further details with this decline.', type: 'issuer_declined' }
        : { network_status: 'approved_by_network', reason: null, risk_level: 'normal', risk_score: 20, seller_message: 'Payment complete.', type: 'authorized' },
      paid: !decline,
      payment_intent: pi.id,
      payment_method: paymentMethod,
      payment_method_details: {
        card: {
          amount_authorized: decline ? null : amount,
          brand: card.brand,
          checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: decline?.code === 'incorrect_cvc' ? 'fail' : 'pass' },
          country: 'US',
          exp_month: card.expMonth,
          exp_year: card.expYear,
          fingerprint: randomAlnum(16),
          funding: 'credit',
          last4: card.last4,
          network: card.brand,
          three_d_secure: null,
          wallet: null,
        },
        type: 'card',
      },
      receipt_email: pi.receipt_email,
      receipt_number: null,
      receipt_url: decline ? null : `${this.publicUrl}/receipts/payment/${chargeId}`,
      refunded: false,
      review: null,
      shipping: null,
      source_transfer: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status: decline ? 'failed' : 'succeeded',
      transfer_data: null,
      transfer_group: null,
    });
    this.charges.set(chargeId, { charge, refundFailsLater: outcome.refundFailsLater ?? false });
    pi.latest_charge = chargeId;
    pi.payment_method = paymentMethod;

    if (decline) {
      pi.status = 'requires_payment_method';
      pi.last_payment_error = {
        charge: chargeId,
        code: decline.code,
        ...(decline.declineCode ? { decline_code: decline.declineCode } : {}),
        doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, '-')}`,
        message: decline.message,
        payment_method: { id: paymentMethod, object: 'payment_method', type: 'card', card: { brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear } },
        type: 'card_error',
      };
      this.emit('charge.failed', charge, request);
      this.emit('payment_intent.payment_failed', pi, request);
      return { ok: false, code: decline.code, declineCode: decline.declineCode, message: decline.message };
    }

    pi.status = 'succeeded';
    pi.amount_received = amount;
    pi.last_payment_error = null;
    this.scheduler.cancel(record.expiryTask);
    session.status = 'complete';
    session.payment_status = 'paid';
    session.url = null;
    session.customer_details = { address: { city: null, country: 'US', line1: null, line2: null, postal_code: null, state: null }, email, name: card.name, phone: null, tax_exempt: 'none', tax_ids: [] };
    this.emit('charge.succeeded', charge, request);
    this.emit('payment_intent.succeeded', pi, request);
    this.emit('checkout.session.completed', session, request);
    return { ok: true, session };
  }

  // ---------------------------------------------------------------- payment intents and charges

  paymentIntent(id: string): StripeObject {
    const pi = this.paymentIntents.get(id);
    if (!pi) throw noSuch('payment_intent', id, 'intent');
    return pi;
  }

  charge(id: string): StripeObject {
    const record = this.charges.get(id);
    if (!record) throw noSuch('charge', id, 'charge');
    return record.charge;
  }

  // ---------------------------------------------------------------- refunds

  refund(id: string): StripeObject {
    const refund = this.refunds.get(id);
    if (!refund) throw noSuch('refund', id, 'refund');
    return refund;
  }

  /** Amount of a charge still refundable: pending and succeeded refunds count, failed and canceled do not. */
  private refundedSoFar(chargeId: string): number {
    let total = 0;
    for (const refund of this.refunds.values()) {
      if (refund.charge === chargeId && (refund.status === 'succeeded' || refund.status === 'pending' || refund.status === 'requires_action')) total += refund.amount as number;
    }
    return total;
  }

  createRefund(
    input: { paymentIntent?: string; charge?: string; amount?: number; reason?: string; metadata: Metadata },
    request: { id: string; idempotencyKey: string | null },
  ): StripeObject {
    let chargeRecord: ChargeRecord | undefined;
    let pi: StripeObject | undefined;
    if (input.charge) {
      chargeRecord = this.charges.get(input.charge);
      if (!chargeRecord) throw noSuch('charge', input.charge, 'charge');
      const piId = chargeRecord.charge.payment_intent;
      pi = typeof piId === 'string' ? this.paymentIntents.get(piId) : undefined;
      if (input.paymentIntent && input.paymentIntent !== piId) throw invalidRequest(`The charge ${input.charge} does not belong to the PaymentIntent ${input.paymentIntent}.`, 'payment_intent');
    } else if (input.paymentIntent) {
      pi = this.paymentIntents.get(input.paymentIntent);
      if (!pi) throw noSuch('payment_intent', input.paymentIntent, 'payment_intent');
      if (pi.status !== 'succeeded' || typeof pi.latest_charge !== 'string') {
        throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, 'payment_intent', 'charge_not_refundable');
      }
      chargeRecord = this.charges.get(pi.latest_charge);
    }
    if (!chargeRecord) throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.');
    const charge = chargeRecord.charge;
    if (charge.status !== 'succeeded') throw invalidRequest(`Charge ${charge.id} has not been captured and cannot be refunded.`, 'charge', 'charge_not_refundable');
    const currency = charge.currency as string;
    const chargeAmount = charge.amount as number;
    const refunded = this.refundedSoFar(charge.id);
    const remaining = chargeAmount - refunded;
    if (remaining <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, undefined, 'charge_already_refunded');
    const amount = input.amount ?? remaining;
    if (amount > remaining) {
      const message = refunded > 0
        ? `Refund amount (${formatAmount(amount, currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, currency)})`
        : `Refund amount (${formatAmount(amount, currency)}) is greater than charge amount (${formatAmount(chargeAmount, currency)})`;
      throw invalidRequest(message, 'amount', 'amount_too_large');
    }

    const failure = this.refundFailures.shift();
    if (failure?.mode === 'error') {
      const status = failure.status ?? 402;
      const type = status >= 500 ? 'api_error' : 'invalid_request_error';
      throw new StripeApiError(status, type, failure.message ?? 'This refund could not be processed: the card issuer refused it.', { code: failure.code ?? (status >= 500 ? undefined : 'refund_declined') });
    }
    const failsLater = failure?.mode === 'async' || chargeRecord.refundFailsLater;
    const refundId = newId.refund();
    const refund: StripeObject = this.track({
      id: refundId,
      object: 'refund',
      amount,
      balance_transaction: newId.balanceTransaction(),
      charge: charge.id,
      created: unix(this.now()),
      currency,
      customer: null,
      customer_account: null,
      destination_details: { card: { reference: null, reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' }, type: 'card' },
      metadata: input.metadata,
      payment_intent: pi?.id ?? null,
      payment_method: charge.payment_method,
      reason: input.reason ?? null,
      receipt_number: null,
      source_transfer_reversal: null,
      // Card refunds in test mode succeed at once; an asynchronous failure from the control API
      // starts `pending`, Stripe's 4000 0000 0000 5126 starts `succeeded` as its docs say.
      status: failure?.mode === 'async' ? 'pending' : 'succeeded',
      transfer_reversal: null,
    });
    this.refunds.set(refundId, refund);
    this.applyRefundToCharge(charge);
    this.emit('refund.created', refund, request);
    this.emit('charge.refunded', charge, request, { amount_refunded: charge.amount_refunded as number - amount, refunded: false });
    if (failsLater) {
      this.scheduler.after(this.config.refundFailureDelayMs * this.config.timeScale, () => this.failRefund(refundId));
    }
    return refund;
  }

  private applyRefundToCharge(charge: StripeObject): void {
    const refunded = this.refundedSoFar(charge.id);
    charge.amount_refunded = refunded;
    charge.refunded = refunded >= (charge.amount as number);
  }

  private failRefund(id: string): void {
    const refund = this.refunds.get(id);
    if (!refund || refund.status === 'failed' || refund.status === 'canceled') return;
    const previous = { status: refund.status };
    refund.status = 'failed';
    refund.failure_reason = 'expired_or_canceled_card';
    refund.failure_balance_transaction = newId.balanceTransaction();
    const chargeRecord = this.charges.get(refund.charge as string);
    if (chargeRecord) this.applyRefundToCharge(chargeRecord.charge);
    const request = { id: null, idempotencyKey: null };
    this.emit('refund.failed', refund, request, previous);
    this.emit('refund.updated', refund, request, previous);
    this.emit('charge.refund.updated', refund, request, previous);
  }

  // ---------------------------------------------------------------- totals (control API)

  /** Captured and refunded (succeeded or pending) amounts per currency, in minor units. */
  totals(): Record<string, { captured: number; refunded: number; net: number; payments: number; refunds: number }> {
    const totals: Record<string, { captured: number; refunded: number; net: number; payments: number; refunds: number }> = {};
    const row = (currency: string) => (totals[currency] ??= { captured: 0, refunded: 0, net: 0, payments: 0, refunds: 0 });
    for (const { charge } of this.charges.values()) {
      if (charge.status !== 'succeeded') continue;
      const r = row(charge.currency as string);
      r.captured += charge.amount as number;
      r.payments += 1;
    }
    for (const refund of this.refunds.values()) {
      if (refund.status !== 'succeeded' && refund.status !== 'pending') continue;
      const r = row(refund.currency as string);
      r.refunded += refund.amount as number;
      r.refunds += 1;
    }
    for (const r of Object.values(totals)) r.net = r.captured - r.refunded;
    return totals;
  }

  reset(): void {
    for (const record of this.sessions.values()) this.scheduler.cancel(record.expiryTask);
    this.scheduler.clear();
    this.webhooks.reset();
    this.sessions.clear();
    this.paymentIntents.clear();
    this.charges.clear();
    this.refunds.clear();
    this.events.length = 0;
    this.refundFailures.length = 0;
    this.apiFaults.length = 0;
    this.order.clear();
  }

  shutdown(): void {
    this.scheduler.clear();
    this.webhooks.close();
  }
}
