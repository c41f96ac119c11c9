/**
 * The hosted Checkout page at a session's `url` (`/c/pay/cs_test_...`): server-rendered HTML
 * with the fields Stripe Checkout shows (Email, Card number, MM / YY, CVC, Cardholder name) and a
 * Pay button. No script is needed; the form posts back to the same URL.
 */
import type { CardForm, FieldErrors } from './cards';
import { validateCardForm } from './cards';
import type { StripeEngine, StripeObject } from './engine';
import { formatAmount } from './money';

export interface PageReply {
  status: number;
  html?: string;
  location?: string;
}

const escape = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1a1a;background:#fff}
a{color:#0570de}
.layout{display:grid;grid-template-columns:1fr;max-width:920px;margin:0 auto;padding:24px 16px;gap:32px}
@media(min-width:800px){.layout{grid-template-columns:1fr 1fr;padding:64px 24px;gap:64px}}
.summary{min-width:0}
.top{display:flex;align-items:center;gap:12px;flex-wrap:wrap}
.back{display:inline-flex;align-items:center;gap:6px;color:#1a1a1a;text-decoration:none;font-weight:500;min-height:44px}
.back:hover,.back:focus-visible{text-decoration:underline}
.merchant{font-weight:600}
.badge{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;background:#ffde92;color:#5b3b00;border-radius:4px;padding:2px 6px}
.label{color:#6b6b6b;margin:24px 0 4px}
.amount{font-size:36px;font-weight:600;margin:0}
ul.items{list-style:none;padding:0;margin:24px 0 0}
ul.items li{display:flex;justify-content:space-between;gap:16px;padding:8px 0;border-top:1px solid #e6e6e6}
.qty{color:#6b6b6b;font-size:14px}
form{display:grid;gap:16px}
h2{font-size:20px;margin:0}
.field{display:grid;gap:4px}
.field label{font-size:14px;color:#4a4a4a;font-weight:500}
.row{display:grid;grid-template-columns:1fr 1fr;gap:12px}
input{font:inherit;width:100%;padding:10px 12px;min-height:44px;border:1px solid #c9c9c9;border-radius:6px;background:#fff;color:#1a1a1a}
input:focus{outline:2px solid #0570de;outline-offset:0;border-color:#0570de}
input[readonly]{background:#f5f5f5}
input[aria-invalid=true]{border-color:#c0392b}
.error{color:#b3261e;font-size:14px;margin:0}
.decline{border:1px solid #f0b4ae;background:#fdf0ef;color:#8c1d12;border-radius:6px;padding:12px}
button{font:inherit;font-weight:600;min-height:48px;border:0;border-radius:6px;background:#0570de;color:#fff;cursor:pointer}
button:hover{background:#045bb4}
button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
details{font-size:14px;color:#4a4a4a}
details code{font-size:13px}
.note{font-size:13px;color:#6b6b6b;margin:0}
main.closed{max-width:560px;margin:0 auto;padding:64px 24px}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

function summaryHtml(engine: StripeEngine, session: StripeObject): string {
  const record = engine.sessionRecord(session.id);
  const currency = session.currency as string;
  const items = record.lineItems
    .map((item) => `<li><span>${escape(item.description)}${(item.quantity as number) > 1 ? ` <span class="qty">× ${escape(item.quantity)}</span>` : ''}</span><span>${escape(formatAmount(item.amount_total as number, currency))}</span></li>`)
    .join('');
  const back = typeof session.cancel_url === 'string'
    ? `<a class="back" href="${escape(session.cancel_url)}"><span aria-hidden="true">←</span> Back</a>`
    : '';
  return `<section class="summary" aria-label="Order summary">
<div class="top">${back}<span class="merchant">${escape(engine.config.accountName)}</span><span class="badge">Test mode</span></div>
<p class="label">Pay ${escape(engine.config.accountName)}</p>
<p class="amount" data-testid="amount">${escape(formatAmount(session.amount_total as number, currency))}</p>
<ul class="items">${items}</ul>
</section>`;
}

function field(name: keyof CardForm, label: string, value: string, errors: FieldErrors, attrs: string): string {
  const error = errors[name];
  return `<div class="field"><label for="${name}">${escape(label)}</label><input id="${name}" name="${name}" value="${escape(value)}" ${attrs}${error ? ` aria-invalid="true" aria-describedby="${name}-error"` : ''}>${error ? `<p class="error" id="${name}-error">${escape(error)}</p>` : ''}</div>`;
}

function formPage(engine: StripeEngine, session: StripeObject, form: CardForm, errors: FieldErrors, decline?: string): string {
  const fixedEmail = typeof session.customer_email === 'string';
  const body = `<div class="layout">${summaryHtml(engine, session)}
<section aria-labelledby="pay-heading">
<form method="post" novalidate>
<h2 id="pay-heading">Pay with card</h2>
${decline ? `<div class="decline" role="alert" data-testid="decline">${escape(decline)}</div>` : ''}
${field('email', 'Email', fixedEmail ? (session.customer_email as string) : form.email, errors, `type="email" autocomplete="email"${fixedEmail ? ' readonly' : ''}`)}
${field('cardNumber', 'Card number', form.cardNumber, errors, 'inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234"')}
<div class="row">${field('expiry', 'MM / YY', form.expiry, errors, 'inputmode="numeric" autocomplete="cc-exp" placeholder="MM / YY"')}${field('cvc', 'CVC', form.cvc, errors, 'inputmode="numeric" autocomplete="cc-csc" placeholder="CVC"')}</div>
${field('name', 'Cardholder name', form.name, errors, 'autocomplete="cc-name" placeholder="Full name on card"')}
<button type="submit">Pay</button>
<p class="note">This is the Stripe stand-in of the store's sandbox: no real card is charged.</p>
<details><summary>Test cards</summary><ul>
<li><code>4242 4242 4242 4242</code> succeeds</li>
<li><code>4000 0000 0000 0002</code> is declined</li>
<li><code>4000 0000 0000 9995</code> is declined for insufficient funds</li>
<li>Any future date, any CVC, any name</li></ul></details>
</form></section></div>`;
  return page(`${engine.config.accountName}`, body);
}

function closedPage(engine: StripeEngine, session: StripeObject): string {
  const complete = session.status === 'complete';
  const back = successUrl(session);
  const link = complete
    ? back ? `<a href="${escape(back)}">Return to ${escape(engine.config.accountName)}</a>` : ''
    : typeof session.cancel_url === 'string' ? `<a href="${escape(session.cancel_url)}">Return to ${escape(engine.config.accountName)}</a>` : '';
  const heading = complete ? 'This payment is complete' : 'This checkout session has expired';
  const text = complete ? 'Your payment was received. You can close this page.' : 'The time to pay has run out. Start again from the store.';
  return page(heading, `<main class="closed"><h1>${heading}</h1><p>${text}</p><p>${link}</p></main>`);
}

function notFoundPage(): string {
  return page('Page not found', '<main class="closed"><h1>Something went wrong</h1><p>The page you were looking for could not be found.</p></main>');
}

/** The success URL with `{CHECKOUT_SESSION_ID}` filled in; undefined when the session has none. */
export function successUrl(session: StripeObject): string | undefined {
  return typeof session.success_url === 'string' ? session.success_url.replace(/\{CHECKOUT_SESSION_ID\}/g, session.id) : undefined;
}

/** After payment: back to the store, or Stripe's own "payment complete" page when there is no success URL. */
function completed(engine: StripeEngine, session: StripeObject): PageReply {
  const location = successUrl(session);
  return location ? { status: 303, location } : { status: 200, html: closedPage(engine, session) };
}

function emptyForm(): CardForm {
  return { email: '', cardNumber: '', expiry: '', cvc: '', name: '' };
}

function sessionFor(engine: StripeEngine, id: string): StripeObject | undefined {
  const record = engine.sessions.get(id);
  if (!record) return undefined;
  const session = record.session;
  // The clock may have passed expires_at before its timer ran (e.g. a virtual-clock jump).
  if (session.status === 'open' && engine.now() >= (session.expires_at as number) * 1000) engine.expire(id, 'clock');
  return session;
}

export function hostedPageGet(engine: StripeEngine, id: string): PageReply {
  const session = sessionFor(engine, id);
  if (!session) return { status: 404, html: notFoundPage() };
  if (session.status !== 'open') return { status: 200, html: closedPage(engine, session) };
  return { status: 200, html: formPage(engine, session, emptyForm(), {}) };
}

export function hostedPagePost(engine: StripeEngine, id: string, body: string): PageReply {
  const session = sessionFor(engine, id);
  if (!session) return { status: 404, html: notFoundPage() };
  // A second submit (double click, another tab) after the payment went through: no second charge.
  if (session.status === 'complete') return completed(engine, session);
  if (session.status !== 'open') return { status: 200, html: closedPage(engine, session) };
  const values = new URLSearchParams(body);
  const form: CardForm = {
    email: values.get('email') ?? '',
    cardNumber: values.get('cardNumber') ?? '',
    expiry: values.get('expiry') ?? '',
    cvc: values.get('cvc') ?? '',
    name: values.get('name') ?? '',
  };
  if (typeof session.customer_email === 'string') form.email = session.customer_email;
  const { card, errors } = validateCardForm(form, new Date(engine.now()));
  if (!card) return { status: 200, html: formPage(engine, session, form, errors) };
  const result = engine.pay(id, card);
  if (result.ok) return completed(engine, result.session);
  if ('closed' in result) return result.closed === 'complete' ? completed(engine, session) : { status: 200, html: closedPage(engine, session) };
  return { status: 200, html: formPage(engine, session, { ...form, cvc: '' }, {}, result.message) };
}

export function receiptPage(engine: StripeEngine, chargeId: string): PageReply {
  const record = engine.charges.get(chargeId);
  if (!record || record.charge.status !== 'succeeded') return { status: 404, html: notFoundPage() };
  const charge = record.charge;
  const card = (charge.payment_method_details as { card: { brand: string; last4: string } }).card;
  return {
    status: 200,
    html: page(`Receipt from ${engine.config.accountName}`, `<main class="closed"><h1>Receipt from ${escape(engine.config.accountName)}</h1>
<p>Amount paid: <strong>${escape(formatAmount(charge.amount as number, charge.currency as string))}</strong></p>
<p>Refunded: ${escape(formatAmount(charge.amount_refunded as number, charge.currency as string))}</p>
<p>Paid with ${escape(card.brand)} ending in ${escape(card.last4)} on ${escape(new Date((charge.created as number) * 1000).toISOString().slice(0, 10))}</p></main>`),
  };
}
