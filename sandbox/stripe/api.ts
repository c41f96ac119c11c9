/** The `/v1` endpoints the store uses, validated as Stripe validates them. */
import type { FormObject } from './form';
import type { LineItemInput, StripeEngine, StripeObject } from './engine';
import { invalidRequest, missingParam, noSuch } from './errors';
import { MAXIMUM_AMOUNT, formatAmount, isCurrency, minimumAmount } from './money';
import { Params, notSupported, urlParam } from './params';

export interface ApiRequest {
  method: string;
  path: string;
  params: Params;
  query: URLSearchParams;
  requestId: string;
  idempotencyKey: string | null;
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: string;
  regex: RegExp;
  handle: (req: ApiRequest, ids: string[]) => unknown;
}

function route(method: ApiRoute['method'], pattern: string, handle: ApiRoute['handle']): ApiRoute {
  const regex = new RegExp(`^${pattern.replace(/:[a-z_]+/g, '([^/]+)')}$`);
  return { method, pattern, regex, handle };
}

const SESSION_PARAMS = [
  'adaptive_pricing', 'after_expiration', 'allow_promotion_codes', 'allowed_payment_method_types', 'automatic_tax', 'billing_address_collection', 'branding_settings',
  'cancel_url', 'client_reference_id', 'consent_collection', 'currency', 'custom_fields', 'custom_text', 'customer', 'customer_account',
  'customer_creation', 'customer_email', 'customer_update', 'discounts', 'excluded_payment_method_types', 'expand', 'expires_at',
  'integration_identifier', 'invoice_creation', 'line_items', 'locale', 'managed_payments', 'metadata', 'mode', 'name_collection', 'optional_items', 'origin_context',
  'payment_intent_data', 'payment_method_collection', 'payment_method_configuration', 'payment_method_data', 'payment_method_options',
  'payment_method_types', 'permissions', 'phone_number_collection', 'redirect_on_completion', 'return_url', 'saved_payment_method_options',
  'setup_intent_data', 'shipping_address_collection', 'shipping_options', 'submit_type', 'subscription_data', 'success_url',
  'tax_id_collection', 'ui_mode', 'wallet_options',
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// ------------------------------------------------------------------ expand

type Expander = (engine: StripeEngine, object: StripeObject) => StripeObject;

const EXPANDABLE: Record<string, Record<string, Expander>> = {
  'checkout.session': {
    payment_intent: (engine, s) => ({ ...s, payment_intent: typeof s.payment_intent === 'string' ? engine.paymentIntent(s.payment_intent) : null }),
    line_items: (engine, s) => ({ ...s, line_items: listOf(engine.sessionRecord(s.id).lineItems, `/v1/checkout/sessions/${s.id}/line_items`) }),
  },
  payment_intent: {
    latest_charge: (engine, pi) => ({ ...pi, latest_charge: typeof pi.latest_charge === 'string' ? engine.charge(pi.latest_charge) : null }),
  },
  refund: {
    charge: (engine, r) => ({ ...r, charge: typeof r.charge === 'string' ? engine.charge(r.charge) : null }),
    payment_intent: (engine, r) => ({ ...r, payment_intent: typeof r.payment_intent === 'string' ? engine.paymentIntent(r.payment_intent) : null }),
  },
  charge: {
    payment_intent: (engine, c) => ({ ...c, payment_intent: typeof c.payment_intent === 'string' ? engine.paymentIntent(c.payment_intent) : null }),
  },
};

function expandOne(engine: StripeEngine, object: StripeObject, path: string[], full: string): StripeObject {
  const [head, ...rest] = path;
  const expander = head ? EXPANDABLE[object.object]?.[head] : undefined;
  if (!head || !expander) throw invalidRequest(`This property cannot be expanded (${full}).`, 'expand');
  const expanded = expander(engine, object);
  if (rest.length === 0) return expanded;
  const inner = expanded[head];
  if (!inner || typeof inner !== 'object') return expanded;
  return { ...expanded, [head]: expandOne(engine, inner as StripeObject, rest, full) };
}

/** Applies `expand[]=a.b` to one object; `data.` prefixes apply to each item of a list. */
function expand(engine: StripeEngine, object: StripeObject, expansions: string[], list = false): StripeObject {
  let out = structuredClone(object);
  for (const full of expansions) {
    const parts = full.split('.');
    if (list) {
      if (parts[0] !== 'data') throw invalidRequest(`This property cannot be expanded (${full}). You may want to try expanding 'data.${full}' instead.`, 'expand');
      parts.shift();
    }
    if (parts.length > 4) throw invalidRequest(`You cannot expand more than 4 levels of a property (${full}).`, 'expand');
    out = expandOne(engine, out, parts, full);
  }
  return out;
}

// ------------------------------------------------------------------ lists

function listOf(data: unknown[], url: string, hasMore = false) {
  return { object: 'list', data, has_more: hasMore, url };
}

function createdFilter(params: Params): ((created: number) => boolean) | undefined {
  if (params.has('created') && typeof params.values.created === 'string') {
    const exact = params.integer('created');
    return (created) => created === exact;
  }
  const range = params.object('created');
  if (!range) return undefined;
  range.only(['gt', 'gte', 'lt', 'lte']);
  const gt = range.integer('gt');
  const gte = range.integer('gte');
  const lt = range.integer('lt');
  const lte = range.integer('lte');
  return (c) => (gt === undefined || c > gt) && (gte === undefined || c >= gte) && (lt === undefined || c < lt) && (lte === undefined || c <= lte);
}

/** Newest first, `limit` 1..100 (default 10), cursor `starting_after` / `ending_before`. */
function paginate(engine: StripeEngine, items: StripeObject[], params: Params, url: string, objectName: string) {
  const limit = params.integer('limit', { min: 1, max: 100 }) ?? 10;
  const startingAfter = params.string('starting_after');
  const endingBefore = params.string('ending_before');
  if (startingAfter && endingBefore) throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.', 'starting_after');
  const filter = createdFilter(params);
  const rank = (o: StripeObject) => engine.order.get(o.id) ?? 0;
  let sorted = items.filter((o) => !filter || filter(o.created)).sort((a, b) => b.created - a.created || rank(b) - rank(a));
  if (startingAfter) {
    const index = sorted.findIndex((o) => o.id === startingAfter);
    if (index < 0) throw noSuch(objectName, startingAfter, 'starting_after');
    sorted = sorted.slice(index + 1);
    return listOf(sorted.slice(0, limit), url, sorted.length > limit);
  }
  if (endingBefore) {
    const index = sorted.findIndex((o) => o.id === endingBefore);
    if (index < 0) throw noSuch(objectName, endingBefore, 'ending_before');
    const before = sorted.slice(0, index);
    return listOf(before.slice(Math.max(0, before.length - limit)), url, before.length > limit);
  }
  return listOf(sorted.slice(0, limit), url, sorted.length > limit);
}

function expandList(engine: StripeEngine, list: ReturnType<typeof listOf>, expansions: string[]) {
  if (expansions.length === 0) return list;
  return { ...list, data: (list.data as StripeObject[]).map((o) => expand(engine, o, expansions, true)) };
}

// ------------------------------------------------------------------ checkout sessions

function lineItemsFrom(params: Params): LineItemInput[] {
  const items = params.objects('line_items');
  if (!items || items.length === 0) throw invalidRequest('`line_items` is required in `payment` mode.', 'line_items', 'parameter_missing');
  if (items.length > 100) throw invalidRequest('You may only specify up to 100 line items.', 'line_items');
  return items.map((item) => {
    item.only(['adjustable_quantity', 'dynamic_tax_rates', 'metadata', 'price', 'price_data', 'quantity', 'tax_rates']);
    if (item.has('price')) {
      const price = item.string('price') as string;
      throw invalidRequest(`No such price: '${price}' (the Stripe stand-in takes line items with price_data only)`, `${item.prefix}[price]`, 'resource_missing');
    }
    const priceData = item.object('price_data', { required: true }) as Params;
    priceData.only(['currency', 'product', 'product_data', 'recurring', 'tax_behavior', 'unit_amount', 'unit_amount_decimal']);
    if (priceData.has('recurring')) throw invalidRequest('You specified `payment` mode but passed a recurring price.', `${priceData.prefix}[recurring]`);
    const currency = (priceData.string('currency', { required: true }) as string).toLowerCase();
    if (!isCurrency(currency)) throw invalidRequest(`Invalid currency: ${currency}. Stripe currently supports these currencies: usd, eur, gbp, jpy, ...`, `${priceData.prefix}[currency]`);
    let unitAmount = priceData.integer('unit_amount', { min: 0, max: MAXIMUM_AMOUNT });
    const decimal = priceData.string('unit_amount_decimal');
    if (unitAmount === undefined && decimal !== undefined) {
      if (!/^\d+$/.test(decimal)) throw notSupported(`${priceData.prefix}[unit_amount_decimal] with a fractional part`);
      unitAmount = Number(decimal);
    }
    if (unitAmount === undefined) throw missingParam(`${priceData.prefix}[unit_amount]`);
    if (priceData.has('product')) throw notSupported(`${priceData.prefix}[product]`);
    const product = priceData.object('product_data', { required: true }) as Params;
    product.only(['description', 'images', 'metadata', 'name', 'tax_code', 'unit_label', 'tax_details']);
    const name = product.string('name', { required: true, max: 250 }) as string;
    const quantity = item.integer('quantity', { required: true, min: 1, max: 999_999 }) as number;
    return { name, description: product.string('description'), unitAmount, quantity, currency };
  });
}

function createSession(engine: StripeEngine, req: ApiRequest): StripeObject {
  const p = req.params.only(SESSION_PARAMS);
  // `mode` is optional in the SDK's API version; a one-time purchase is `payment`.
  const mode = p.enumeration('mode', ['payment', 'setup', 'subscription']) ?? 'payment';
  if (mode !== 'payment') throw notSupported(`mode=${mode}`);
  const uiMode = p.enumeration('ui_mode', ['hosted_page', 'embedded_page', 'elements', 'form', 'hosted', 'embedded', 'custom']);
  if (uiMode && uiMode !== 'hosted' && uiMode !== 'hosted_page') throw notSupported(`ui_mode=${uiMode}`);
  for (const name of ['managed_payments', 'customer', 'customer_account', 'customer_update', 'discounts', 'subscription_data', 'setup_intent_data', 'shipping_address_collection', 'shipping_options', 'custom_fields', 'optional_items', 'after_expiration', 'payment_method_configuration', 'payment_method_data', 'saved_payment_method_options', 'excluded_payment_method_types', 'permissions', 'return_url']) {
    if (p.has(name)) throw notSupported(name);
  }
  const methods = [...p.strings('payment_method_types'), ...p.strings('allowed_payment_method_types')];
  if (methods.some((m) => m !== 'card')) throw notSupported(`payment_method_types other than card`);

  const successUrl = urlParam(p, 'success_url', false);
  const cancelUrl = urlParam(p, 'cancel_url', false);
  const clientReferenceId = p.string('client_reference_id', { max: 200 });
  const customerEmail = p.string('customer_email', { max: 800 });
  if (customerEmail !== undefined && !EMAIL.test(customerEmail)) throw invalidRequest(`Invalid email address: ${customerEmail}`, 'customer_email', 'email_invalid');
  const metadata = p.metadata();
  const lineItems = lineItemsFrom(p);
  const currencies = new Set(lineItems.map((i) => i.currency));
  const topCurrency = p.string('currency')?.toLowerCase();
  if (topCurrency) currencies.add(topCurrency);
  if (currencies.size > 1) throw invalidRequest('All line items must use the same currency.', 'line_items');
  const currency = [...currencies][0] as string;
  const total = lineItems.reduce((sum, i) => sum + i.unitAmount * i.quantity, 0);
  const minimum = minimumAmount(currency);
  if (minimum !== undefined && total < minimum) {
    throw invalidRequest(`The Checkout Session's total amount due must add up to at least ${formatAmount(minimum, currency)} ${currency}`, 'line_items');
  }
  if (total > MAXIMUM_AMOUNT) throw invalidRequest(`The Checkout Session's total amount due must be no more than ${formatAmount(MAXIMUM_AMOUNT, currency)} ${currency}`, 'line_items', 'amount_too_large');

  const now = Math.floor(engine.now() / 1000);
  const expiresAt = p.integer('expires_at');
  if (expiresAt !== undefined) {
    if (expiresAt < now + 30 * 60) throw invalidRequest('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', 'expires_at');
    if (expiresAt > now + 24 * 3600) throw invalidRequest('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', 'expires_at');
  }
  const piData = p.object('payment_intent_data');
  piData?.only(['application_fee_amount', 'capture_method', 'description', 'metadata', 'on_behalf_of', 'receipt_email', 'setup_future_usage', 'shipping', 'statement_descriptor', 'statement_descriptor_suffix', 'transfer_data', 'transfer_group']);
  if (piData?.has('capture_method') && piData.string('capture_method') === 'manual') throw notSupported('payment_intent_data[capture_method]=manual');
  const submitType = p.enumeration('submit_type', ['auto', 'book', 'donate', 'pay', 'subscribe']);

  return engine.createSession({
    currency,
    lineItems,
    successUrl,
    cancelUrl,
    clientReferenceId,
    customerEmail,
    metadata,
    expiresAt,
    locale: p.string('locale'),
    submitType,
    paymentIntentData: {
      metadata: piData?.metadata() ?? {},
      description: piData?.string('description', { max: 1000 }),
      receiptEmail: piData?.string('receipt_email'),
    },
  });
}

function listSessions(engine: StripeEngine, req: ApiRequest) {
  const p = req.params.only(['created', 'customer', 'customer_account', 'customer_details', 'ending_before', 'expand', 'limit', 'payment_intent', 'payment_link', 'starting_after', 'status', 'subscription']);
  const status = p.enumeration('status', ['open', 'complete', 'expired']);
  const paymentIntent = p.string('payment_intent');
  const email = p.object('customer_details')?.only(['email']).string('email', { required: true });
  const items = [...engine.sessions.values()]
    .map((r) => r.session)
    .filter((s) => (!status || s.status === status) && (!paymentIntent || s.payment_intent === paymentIntent) && (!email || (s.customer_details as { email?: string } | null)?.email === email));
  return expandList(engine, paginate(engine, items, p, '/v1/checkout/sessions', 'checkout.session'), p.strings('expand'));
}

// ------------------------------------------------------------------ refunds

function createRefund(engine: StripeEngine, req: ApiRequest): StripeObject {
  const p = req.params.only(['amount', 'charge', 'currency', 'customer', 'expand', 'instructions_email', 'metadata', 'origin', 'payment_intent', 'reason', 'refund_application_fee', 'reverse_transfer']);
  const paymentIntent = p.string('payment_intent');
  const charge = p.string('charge');
  if (!paymentIntent && !charge) throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', undefined, 'parameter_missing');
  const amount = p.integer('amount', { min: 1 });
  const reason = p.enumeration('reason', ['duplicate', 'fraudulent', 'requested_by_customer']);
  return engine.createRefund({ paymentIntent, charge, amount, reason, metadata: p.metadata() }, { id: req.requestId, idempotencyKey: req.idempotencyKey });
}

function listRefunds(engine: StripeEngine, req: ApiRequest) {
  const p = req.params.only(['charge', 'created', 'ending_before', 'expand', 'limit', 'payment_intent', 'starting_after']);
  const charge = p.string('charge');
  const paymentIntent = p.string('payment_intent');
  const items = [...engine.refunds.values()].filter((r) => (!charge || r.charge === charge) && (!paymentIntent || r.payment_intent === paymentIntent));
  return expandList(engine, paginate(engine, items, p, '/v1/refunds', 'refund'), p.strings('expand'));
}

// ------------------------------------------------------------------ events

function typeMatcher(pattern: string): (type: string) => boolean {
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -1);
    return (type) => type.startsWith(prefix);
  }
  return (type) => type === pattern;
}

function listEvents(engine: StripeEngine, req: ApiRequest) {
  const p = req.params.only(['created', 'delivery_success', 'ending_before', 'expand', 'limit', 'starting_after', 'type', 'types']);
  const type = p.string('type');
  const types = p.strings('types');
  if (type && types.length > 0) throw invalidRequest('You may only specify one of these parameters: type, types.', 'types');
  const matchers = (type ? [type] : types).map(typeMatcher);
  const items = engine.events.filter((e) => matchers.length === 0 || matchers.some((m) => m(e.type))) as unknown as StripeObject[];
  const list = paginate(engine, items, p, '/v1/events', 'event');
  return { ...list, data: (list.data as unknown as { id: string }[]).map((e) => ({ ...e, pending_webhooks: engine.webhooks.pendingFor(e.id) })) };
}

function getEvent(engine: StripeEngine, id: string) {
  const event = engine.events.find((e) => e.id === id);
  if (!event) throw noSuch('event', id, 'id');
  return { ...event, pending_webhooks: engine.webhooks.pendingFor(event.id) };
}

// ------------------------------------------------------------------ routes

function retrieveParams(req: ApiRequest): string[] {
  return req.params.only(['expand']).strings('expand');
}

export function apiRoutes(engine: StripeEngine): ApiRoute[] {
  return [
    route('POST', '/v1/checkout/sessions', (req) => expand(engine, createSession(engine, req), req.params.strings('expand'))),
    route('GET', '/v1/checkout/sessions', (req) => listSessions(engine, req)),
    route('GET', '/v1/checkout/sessions/:id', (req, [id]) => expand(engine, engine.sessionRecord(id as string).session, retrieveParams(req))),
    route('POST', '/v1/checkout/sessions/:id', (req, [id]) => {
      // Update: only metadata, as in Stripe.
      const p = req.params.only(['metadata', 'expand', 'collected_information', 'shipping_options']);
      const session = engine.sessionRecord(id as string).session;
      if (p.has('metadata')) session.metadata = { ...(session.metadata as Record<string, string>), ...p.metadata() };
      return expand(engine, session, p.strings('expand'));
    }),
    route('POST', '/v1/checkout/sessions/:id/expire', (req, [id]) => {
      const expansions = retrieveParams(req);
      return expand(engine, engine.expire(id as string, 'api', { id: req.requestId, idempotencyKey: req.idempotencyKey }), expansions);
    }),
    route('GET', '/v1/checkout/sessions/:id/line_items', (req, [id]) => {
      const p = req.params.only(['ending_before', 'expand', 'limit', 'starting_after']);
      return paginate(engine, [...engine.sessionRecord(id as string).lineItems].reverse(), p, `/v1/checkout/sessions/${id}/line_items`, 'line_item');
    }),
    route('GET', '/v1/payment_intents/:id', (req, [id]) => expand(engine, engine.paymentIntent(id as string), req.params.only(['expand', 'client_secret']).strings('expand'))),
    route('GET', '/v1/charges/:id', (req, [id]) => expand(engine, engine.charge(id as string), retrieveParams(req))),
    route('POST', '/v1/refunds', (req) => expand(engine, createRefund(engine, req), req.params.strings('expand'))),
    route('GET', '/v1/refunds', (req) => listRefunds(engine, req)),
    route('GET', '/v1/refunds/:id', (req, [id]) => expand(engine, engine.refund(id as string), retrieveParams(req))),
    route('GET', '/v1/events', (req) => listEvents(engine, req)),
    route('GET', '/v1/events/:id', (req, [id]) => {
      retrieveParams(req);
      return getEvent(engine, id as string);
    }),
  ];
}

export function queryParams(query: URLSearchParams, parse: (raw: string) => FormObject): Params {
  return new Params(parse(query.toString()));
}
