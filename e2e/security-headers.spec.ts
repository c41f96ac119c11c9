import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { signIn, signInAsOperator, signUp, e2eOperator } from './support/accounts';

/**
 * proxy.ts and next.config.ts: the security headers on every kind of response, a fresh CSP nonce
 * per page that Next stamps on its own scripts, pages that run under that policy without a single
 * violation, and the early redirect of signed-out visitors away from the console.
 */

const EVERYWHERE = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function expectEverywhereHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(EVERYWHERE)) expect(headers[name], `${name} on ${what}`).toBe(value);
  expect(headers['permissions-policy'], `permissions-policy on ${what}`).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\).*payment=\(\)/);
  // The e2e server speaks plain HTTP and no test request claims HTTPS in X-Forwarded-Proto.
  expect(headers['strict-transport-security'], `HSTS on ${what}`).toBeUndefined();
  const csp = directives(headers['content-security-policy'] ?? '');
  expect(csp.get('frame-ancestors'), `CSP frame-ancestors on ${what}`).toEqual(["'none'"]);
  expect(csp.get('object-src') ?? csp.get('default-src'), `CSP object-src on ${what}`).toEqual(["'none'"]);
}

/** The nonce of a page's policy, after checking the policy around it. */
function pageNonce(response: APIResponse, what: string): string {
  expectEverywhereHeaders(response, what);
  const csp = directives(response.headers()['content-security-policy']!);
  const script = csp.get('script-src') ?? [];
  const nonce = /^'nonce-([A-Za-z0-9+/=_-]{16,})'$/.exec(script.find((value) => value.startsWith("'nonce-")) ?? '')?.[1];
  expect(nonce, `script nonce on ${what}`).toBeTruthy();
  expect(script).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https:']);
  expect(csp.get('font-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  return nonce!;
}

/** Every <script> of the HTML carries the response's nonce (a page rendered at build time would not). */
async function expectScriptsStamped(response: APIResponse, nonce: string, what: string) {
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `scripts on ${what}`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, what).toContain(`nonce="${nonce}"`);
}

test('every kind of response carries the security headers', async ({ request }) => {
  const home = await request.get('/');
  expect(home.status()).toBe(200);
  const nonce = pageNonce(home, 'a page');
  await expectScriptsStamped(home, nonce, 'the home page');

  const api = await request.get('/api/health');
  expect(api.status()).toBe(200);
  expectEverywhereHeaders(api, 'an API route');

  const html = await home.text();
  const assets = [...new Set(html.match(/\/_next\/static\/[^"'\s)]+\.(?:js|css|woff2)/g) ?? [])];
  expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
  for (const asset of assets.slice(0, 4)) {
    const response = await request.get(asset);
    expect(response.status(), asset).toBe(200);
    expectEverywhereHeaders(response, asset);
  }

  const redirect = await request.get('/admin/customers', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectEverywhereHeaders(redirect, 'a redirect');

  const notFound = await request.get('/no-such-page');
  expect(notFound.status()).toBe(404);
  await expectScriptsStamped(notFound, pageNonce(notFound, 'a 404 page'), 'the 404 page');

  const missingAsset = await request.get('/_next/static/chunks/no-such-chunk.js');
  expect(missingAsset.status()).toBe(404);
  expectEverywhereHeaders(missingAsset, 'a missing static file');

  // The e2e server runs as if behind one trusted proxy (TRUST_PROXY=1): HTTPS that proxy reports
  // turns HSTS on. Without TRUST_PROXY the header is not believed (lib/test/security-headers.test.ts).
  const proxied = await request.get('/', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(proxied.headers()['strict-transport-security']).toMatch(/^max-age=\d+/);
});

test('every page view gets its own nonce', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ['/', '/', '/vouchers', '/sign-in']) {
    const response = await request.get(path);
    const nonce = pageNonce(response, path);
    await expectScriptsStamped(response, nonce, path);
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(4);
});

test('a signed-out visitor of the console is sent to sign in before anything renders', async ({ page, request }) => {
  const customers = await request.get('/admin/customers', { maxRedirects: 0 });
  expect(customers.status()).toBe(307);
  const location = new URL(customers.headers()['location']!, 'http://localhost');
  expect(location.pathname).toBe('/sign-in');
  expect(location.searchParams.get('callbackUrl')).toBe('/admin/customers');
  const body = await customers.text();
  expect(body).not.toContain('@');
  expect(body).not.toContain('Customers');

  const filtered = await request.get('/admin/orders?status=FAILED&q=%2312', { maxRedirects: 0 });
  expect(new URL(filtered.headers()['location']!, 'http://localhost').searchParams.get('callbackUrl')).toBe('/admin/orders?status=FAILED&q=%2312');

  for (const path of ['/api/admin/wallets', '/api/admin/orders/export', '/api/admin/catalogue/sync']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
    expect(await response.json()).toEqual({ error: 'Sign in as a store operator.' });
    expectEverywhereHeaders(response, path);
  }

  // In a browser: the sign-in form takes the operator back to the page that was asked for.
  await page.goto('/admin/customers?q=e2e');
  await expect(page).toHaveURL('/sign-in?callbackUrl=%2Fadmin%2Fcustomers%3Fq%3De2e');
  await signIn(page, e2eOperator.email, e2eOperator.password, '/admin/customers?q=e2e');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
});

/**
 * Collects what the browser refused under the policy: `securitypolicyviolation` events (set up
 * before any page script runs) and the console's CSP messages; and page errors.
 */
function watchForViolations(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return {
    expectNone: async (where: string) => {
      // Next's inline scripts push the page's payload into __next_f: blocked scripts leave it empty.
      expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown[] }).__next_f)), `inline scripts ran on ${where}`).toBe(true);
      expect(problems, where).toEqual([]);
    },
  };
}

const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

test('customer pages run under the policy: scripts, client navigation, fonts, actions and live status', async ({ page }) => {
  const violations = watchForViolations(page);
  await page.goto('/');
  await violations.expectNone('/');
  expect(await page.evaluate(async () => (await document.fonts.ready, [...document.fonts].some((font) => font.status === 'loaded')))).toBe(true);

  // Client-side navigation keeps the document (a marker on window survives; a reload would drop it).
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  for (const label of ['Vouchers', 'Games', 'Mobile', 'eSIM']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
  }
  expect(await sameDocument(page)).toBe(true);
  await violations.expectNone('client navigation');

  await page.goto('/vouchers?q=steam');
  await page.getByRole('link', { name: /^Steam Wallet Card/ }).first().click();
  await expect(page.getByRole('region', { name: 'Buy' })).toBeVisible();
  await violations.expectNone('a product page');
  for (const path of ['/sign-in', '/no-such-page']) {
    await page.goto(path);
    await violations.expectNone(path);
  }

  // Server actions: sign up (redirects), then review and pay (redirects to the order page).
  await signUp(page);
  await violations.expectNone('/account after sign-up');
  await page.goto('/games');
  await page.getByRole('link', { name: /PUBG Mobile UC/ }).first().click();
  await page.getByText('325 UC', { exact: true }).click();
  await page.getByLabel('Player ID').fill('5123456789');
  await page.getByRole('button', { name: 'Review order' }).click();
  const price = (await page.getByTestId('review-price').textContent())!;
  await page.getByRole('button', { name: `Pay ${price}` }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  // React Query polls the order's status until it is delivered, without a reload.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 30_000 });
  expect(await sameDocument(page)).toBe(true);
  await violations.expectNone('the order page');
});

test('operator pages run under the policy, polling included', async ({ page }) => {
  const violations = watchForViolations(page);
  await signInAsOperator(page);
  await violations.expectNone('/admin');
  for (const path of ['/admin/orders', '/admin/customers', '/admin/catalogue', '/admin/supplier', '/admin/settings', '/admin/audit']) {
    await page.goto(path);
    await violations.expectNone(path);
  }
  // A sync: a server action, then React Query polls the run until it ends and the page refreshes.
  await page.goto('/admin/catalogue/sync');
  const polled = page.waitForResponse((response) => response.url().includes('/api/admin/catalogue/sync?run=') && response.ok());
  await page.getByRole('button', { name: 'Sync now' }).click();
  await polled;
  await expect(page.getByText('Sync finished.')).toBeVisible({ timeout: 30_000 });
  await violations.expectNone('a catalogue sync');
});
