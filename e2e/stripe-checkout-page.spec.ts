/**
 * The Stripe stand-in's hosted Checkout page on its own (no storefront): a stand-in and a tiny
 * "store" that only shows where the page sent the customer. Run alone with
 * `npx playwright test -c playwright.stripe.config.ts` (desktop and phone).
 */
import AxeBuilder from '@axe-core/playwright';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { StripeSandboxControl } from '../sandbox/stripe/client';
import { DEFAULT_SECRET_KEY, startStripeSandbox, type RunningStripeSandbox } from '../sandbox/stripe/server';

let stripe: RunningStripeSandbox;
let control: StripeSandboxControl;
let store: Server;
let storeUrl: string;

test.beforeAll(async () => {
  store = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><title>Store</title><h1>Store page</h1><p data-testid="path">${(req.url ?? '').replace(/[<>&"]/g, '')}</p>`);
  });
  await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', resolve));
  storeUrl = `http://localhost:${(store.address() as AddressInfo).port}`;
  stripe = await startStripeSandbox({ port: 0, accountName: 'Octopus Demo Store' });
  control = new StripeSandboxControl(stripe.url);
});

test.afterAll(async () => {
  await stripe.close();
  await new Promise<void>((resolve) => store.close(() => resolve()));
});

/** A session as the store creates it (through the API, form-encoded, Bearer key). */
async function createSession(options: { currency?: string; amount?: number; email?: string } = {}) {
  const body = new URLSearchParams({
    mode: 'payment',
    'line_items[0][price_data][currency]': options.currency ?? 'usd',
    'line_items[0][price_data][unit_amount]': String(options.amount ?? 499),
    'line_items[0][price_data][product_data][name]': 'PUBG Mobile 325 UC',
    'line_items[0][quantity]': '1',
    success_url: `${storeUrl}/orders/42?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${storeUrl}/orders/42?cancelled=1`,
    client_reference_id: 'order-42',
    ...(options.email ? { customer_email: options.email } : {}),
  });
  const response = await fetch(`${stripe.url}/v1/checkout/sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; url: string };
}

async function fillCard(page: Page, number: string, options: { email?: boolean } = {}) {
  if (options.email !== false) await page.getByLabel('Email').fill('buyer@example.com');
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('MM / YY').fill('12 / 34');
  await page.getByLabel('CVC').fill('123');
  await page.getByLabel('Cardholder name').fill('Test Buyer');
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test('pays with 4242 4242 4242 4242 and returns to the success URL with the session id', async ({ page }) => {
  const session = await createSession();
  await page.goto(session.url);
  await expect(page.getByText('$4.99').first()).toBeVisible();
  await expect(page.getByText('PUBG Mobile 325 UC')).toBeVisible();
  await shot(page, 'checkout-empty');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(`${storeUrl}/orders/42?session_id=${session.id}`);
  const [paid] = await control.sessions({ client_reference_id: 'order-42', status: 'complete' });
  expect(paid?.id).toBe(session.id);
  expect(paid?.customer_details).toMatchObject({ email: 'buyer@example.com', name: 'Test Buyer' });
  // Back on the page after paying: no second charge, a "complete" notice.
  await page.goto(session.url);
  await expect(page.getByRole('heading', { name: 'This payment is complete' })).toBeVisible();
});

test('shows a decline, lets the customer try again, then succeeds', async ({ page }) => {
  const session = await createSession({ email: 'fixed@example.com' });
  await page.goto(session.url);
  await expect(page.getByLabel('Email')).toHaveValue('fixed@example.com');
  await fillCard(page, '4000 0000 0000 0002', { email: false });
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('alert')).toHaveText('Your card has been declined.');
  await shot(page, 'checkout-declined');
  await fillCard(page, '4000 0000 0000 9995', { email: false });
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('alert')).toHaveText('Your card has insufficient funds.');
  expect((await control.sessions({ client_reference_id: 'order-42' })).find((s) => s.id === session.id)?.status).toBe('open');
  await fillCard(page, '4242424242424242', { email: false });
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(new RegExp(`session_id=${session.id}$`));
  const payments = (await control.payments()).filter((p) => p.checkout_session === session.id);
  expect(payments).toHaveLength(1);
  expect(payments[0]?.charges.map((c) => c.status)).toEqual(['failed', 'failed', 'succeeded']);
});

test('says what is wrong with an incomplete form and charges nothing', async ({ page }) => {
  const session = await createSession();
  await page.goto(session.url);
  await page.getByLabel('Card number').fill('4242 4242 4242 4241');
  await page.getByLabel('MM / YY').fill('01 / 20');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByText('Your email is incomplete.')).toBeVisible();
  await expect(page.getByText('Your card number is invalid.')).toBeVisible();
  await expect(page.getByText("Your card's expiration year is in the past.")).toBeVisible();
  await expect(page.getByText("Your card's security code is incomplete.")).toBeVisible();
  await expect(page.getByLabel('Card number')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'checkout-invalid');
  expect((await control.payments()).filter((p) => p.checkout_session === session.id)).toHaveLength(0);
});

test('the Back link returns to the cancel URL and leaves the session open', async ({ page }) => {
  const session = await createSession({ currency: 'jpy', amount: 1500 });
  await page.goto(session.url);
  await expect(page.getByText('¥1,500').first()).toBeVisible();
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page).toHaveURL(`${storeUrl}/orders/42?cancelled=1`);
  const open = (await control.sessions()).find((s) => s.id === session.id);
  expect(open?.status).toBe('open');
});

test('an expired session says so instead of taking a card', async ({ page }) => {
  const session = await createSession();
  await fetch(`${stripe.url}/v1/checkout/sessions/${session.id}/expire`, { method: 'POST', headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` } });
  await page.goto(session.url);
  await expect(page.getByRole('heading', { name: 'This checkout session has expired' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay' })).toHaveCount(0);
});
