/** The stand-in's pieces without the SDK: form decoding, card checks, the hosted page's POST. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnValid, validateCardForm } from '../cards';
import { DEFAULT_SECRET_KEY } from '../config';
import { parseForm, paramsFingerprint } from '../form';
import { StripeSandboxControl } from '../client';
import type { RunningStripeSandbox } from '../server';
import { startStripeSandbox } from '../server';

describe('form decoding', () => {
  it('nests bracketed keys and turns indexes into arrays, except inside metadata', () => {
    const form = parseForm('line_items[0][price_data][unit_amount]=499&line_items[0][quantity]=2&line_items[1][quantity]=1&expand[]=a&expand[]=b&metadata[0]=x&metadata[order]=42&mode=payment');
    expect(form).toEqual({
      line_items: [{ price_data: { unit_amount: '499' }, quantity: '2' }, { quantity: '1' }],
      expand: ['a', 'b'],
      metadata: { 0: 'x', order: '42' },
      mode: 'payment',
    });
  });

  it('rejects a key given both a value and nested fields, and malformed brackets', () => {
    expect(() => parseForm('a=1&a[b]=2')).toThrow(/both a value and nested fields/);
    expect(() => parseForm('a[b=1')).toThrow(/Invalid parameter name/);
  });

  it('fingerprints parameters regardless of their order', () => {
    expect(paramsFingerprint('a=1&b=2')).toBe(paramsFingerprint('b=2&a=1'));
    expect(paramsFingerprint('a=1&b=2')).not.toBe(paramsFingerprint('a=1&b=3'));
  });
});

describe('card checks', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const base = { email: 'a@example.com', cardNumber: '4242 4242 4242 4242', expiry: '12 / 30', cvc: '123', name: 'A B' };

  it('accepts the test card and reads its brand and last digits', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(validateCardForm(base, now).card).toMatchObject({ brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 });
  });

  it("names each bad field with Stripe Checkout's messages", () => {
    expect(validateCardForm({ ...base, email: 'nope' }, now).errors.email).toBe('Your email address is invalid.');
    expect(validateCardForm({ ...base, cardNumber: '4242 4242' }, now).errors.cardNumber).toBe('Your card number is incomplete.');
    expect(validateCardForm({ ...base, expiry: '11 / 26' }, now).errors.expiry).toBe("Your card's expiration date is in the past.");
    expect(validateCardForm({ ...base, expiry: '13 / 30' }, now).errors.expiry).toBe("Your card's expiration date is invalid.");
    expect(validateCardForm({ ...base, cvc: '12' }, now).errors.cvc).toBe("Your card's security code is incomplete.");
    expect(validateCardForm({ ...base, cardNumber: '378282246310005', cvc: '123' }, now).errors.cvc).toBe("Your card's security code is incomplete.");
  });
});

describe('hosted page', () => {
  let stripe: RunningStripeSandbox;
  let control: StripeSandboxControl;
  beforeAll(async () => {
    stripe = await startStripeSandbox({ port: 0 });
    control = new StripeSandboxControl(stripe.url);
  });
  afterAll(() => stripe.close());

  async function session(): Promise<{ id: string; url: string }> {
    const response = await fetch(`${stripe.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'line_items[0][price_data][currency]=eur&line_items[0][price_data][unit_amount]=1000&line_items[0][price_data][product_data][name]=Gift&line_items[0][quantity]=1&success_url=http://localhost:1/ok?s={CHECKOUT_SESSION_ID}',
    });
    return (await response.json()) as { id: string; url: string };
  }

  const pay = (url: string, cardNumber: string) =>
    fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'a@example.com', cardNumber, expiry: '12 / 34', cvc: '123', name: 'A B' }),
    });

  it('charges once when the form is submitted twice (double click, two tabs)', async () => {
    const s = await session();
    const local = s.url.replace('localhost', '127.0.0.1');
    const [first, second] = await Promise.all([pay(local, '4242424242424242'), pay(local, '4242424242424242')]);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(first.headers.get('location')).toBe(`http://localhost:1/ok?s=${s.id}`);
    const payments = (await control.payments()).filter((p) => p.checkout_session === s.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]?.charges).toHaveLength(1);
    expect((await control.events('checkout.session.completed')).filter((e) => (e.data.object as { id: string }).id === s.id)).toHaveLength(1);
  });

  it('shows the decline and keeps the session open; refuses unknown sessions with 404', async () => {
    const s = await session();
    const local = s.url.replace('localhost', '127.0.0.1');
    const declined = await pay(local, '4000000000000002');
    expect(declined.status).toBe(200);
    expect(await declined.text()).toContain('Your card has been declined.');
    expect((await control.sessions()).find((x) => x.id === s.id)?.status).toBe('open');
    expect((await fetch(`${stripe.url}/c/pay/cs_test_unknown`)).status).toBe(404);
  });

  it('escapes what the store sent when rendering it', async () => {
    const response = await fetch(`${stripe.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=100&line_items[0][price_data][product_data][name]=${encodeURIComponent('<script>alert(1)</script>')}&line_items[0][quantity]=1&success_url=http://localhost:1/ok`,
    });
    const s = (await response.json()) as { url: string };
    const html = await (await fetch(s.url.replace('localhost', '127.0.0.1'))).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
