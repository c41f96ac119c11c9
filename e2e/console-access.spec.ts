import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { signInAsOperator, signUp } from './support/accounts';
import { CheckoutPage } from './support/checkout';
import { e2eLayout } from './support/slot';

/**
 * The operator console leaks nothing to anyone but operators, however the request is made.
 * The routes come from the production build, so a new console page is covered without
 * editing this file (a new dynamic segment fails below until it is given an id to visit).
 */
const { distDir, sandboxPort } = e2eLayout();
const sandboxControl = `http://127.0.0.1:${sandboxPort}/__sandbox`;

function buildRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(`${distDir}/app-path-routes-manifest.json`, 'utf8')) as Record<string, string>;
  return [...new Set(Object.values(manifest))].sort();
}
const consolePages = buildRoutes().filter((route) => route === '/admin' || route.startsWith('/admin/'));
const consoleApis = buildRoutes().filter((route) => route.startsWith('/api/admin/'));

type Ids = Record<string, string>;

/** A concrete URL for a route pattern: each dynamic segment takes the id of the resource it names. */
function concrete(route: string, ids: Ids): string {
  return route.replace(/\/([^/]+)\/\[(\w+)\]/g, (_match, parent: string) => {
    const id = ids[parent];
    if (!id) throw new Error(`No ${parent} id to visit ${route}: add one in console-access.spec.ts`);
    return `/${parent}/${id}`;
  });
}

type Recorded = { url: string; headers: Record<string, string>; markers: string[] };

/** Headers a replay sends: everything the browser sent except its cookies (the replayer brings its own). */
function replayable(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(':') && name !== 'cookie'));
}

/**
 * As the operator, navigates on the client to `url` from another console page and records the
 * RSC request the router makes, with what only the console shows on that page (its heading).
 */
async function recordNavigation(page: Page, url: string): Promise<Recorded> {
  await page.goto(url === '/admin' ? '/admin/settings' : '/admin');
  const path = new URL(url, 'http://x').pathname;
  const navigation = page.waitForRequest(
    (request) => request.headers()['rsc'] === '1' && !request.headers()['next-router-prefetch'] && new URL(request.url()).pathname === path,
  );
  await page.evaluate((target) => (window as unknown as { next: { router: { push(href: string): void } } }).next.router.push(target), url);
  const request = await navigation;
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?|$)`));
  // The console streams (loading.tsx): wait for the page's own heading, not the skeleton's.
  const h1 = page.locator('main h1').filter({ hasText: /\S/ }).first();
  await expect(h1).toBeVisible({ timeout: 30_000 });
  const heading = (await h1.textContent())!.trim();
  // Metadata streams too: wait for the page's own title before reading it.
  await expect(page).toHaveTitle(/\S/, { timeout: 30_000 });
  const markers = [heading, await page.title()].filter((marker) => marker.length > 2);
  return { url: request.url(), headers: replayable(await request.allHeaders()), markers };
}

async function replay(request: APIRequestContext, recorded: Recorded) {
  const response = await request.get(recorded.url, { headers: recorded.headers, maxRedirects: 0 });
  return { status: response.status(), body: await response.text() };
}

async function plainLoad(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  return { status: response.status(), body: await response.text() };
}

async function transactionReads(request: APIRequestContext): Promise<number> {
  const counts = (await (await request.get(`${sandboxControl}/requests/counts`)).json()) as Record<string, number>;
  return counts['GET /api/v1/transactions'] ?? 0;
}

/** Follows a link to a console detail page and returns the id in its URL. */
async function openAndReadId(page: Page, link: Locator, section: string): Promise<string> {
  await link.click();
  await page.waitForURL(new RegExp(`/admin/${section}/[^/?]+$`));
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function newCustomer(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = await signUp(page);
  return { context, page, email };
}

test('console pages and their RSC payloads show operator data to operators only', async ({ page, browser, playwright }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'requests are checked at the HTTP level: one browser project is enough');
  test.setTimeout(180_000);
  expect(consolePages.length, 'console routes found in the build').toBeGreaterThanOrEqual(10);

  // Operator data to look for: a customer's email and the recipient of their order.
  const buyer = await newCustomer(browser);
  const playerId = `${Date.now() % 100_000}1234`;
  await new CheckoutPage(buyer.page).buyPubg(playerId);

  await signInAsOperator(page);
  await page.goto(`/admin/orders?q=${playerId}`);
  const orderId = await openAndReadId(page, page.getByRole('link', { name: /^#\d+$/ }), 'orders');
  await page.goto(`/admin/customers?q=${encodeURIComponent(buyer.email)}`);
  const customerId = await openAndReadId(page, page.getByRole('link', { name: buyer.email }), 'customers');
  await page.goto('/admin/catalogue?q=PUBG');
  const productId = await openAndReadId(page, page.getByRole('link', { name: /PUBG Mobile UC/ }).first(), 'catalogue');
  // Help topics are fixed slugs (lib/help/topics.ts).
  const ids: Ids = { orders: orderId, customers: customerId, catalogue: productId, help: 'faq' };
  const secrets = [buyer.email, playerId];

  const recorded = new Map<string, Recorded>();
  for (const route of consolePages) {
    const url = concrete(route, ids);
    const navigation = await recordNavigation(page, url);
    // The check can fail: the operator's own replay carries the page's data.
    const own = await replay(page.request, navigation);
    expect(own.status, `operator replay of ${url}`).toBe(200);
    const shown = [navigation.markers[0]!, ...secrets].filter((marker) => own.body.includes(marker));
    expect(shown, `operator replay of ${url} shows its heading or the customer's data`).not.toEqual([]);
    recorded.set(url, navigation);
  }

  const anonymous = await playwright.request.newContext({ baseURL: page.url() });
  const customer = await newCustomer(browser);
  const strangers = [
    { who: 'anonymous visitor', request: anonymous },
    { who: 'signed-in customer', request: customer.context.request },
    { who: 'customer who bought', request: buyer.context.request },
  ];
  const readsBefore = await transactionReads(anonymous);
  const checked: string[] = [];
  for (const { who, request } of strangers) {
    // What this visitor sees on a console address that does not exist: a word that is there too
    // (the store's own text, e.g. the sandbox badge's "Orders go to…") proves no leak.
    const baseline = (await plainLoad(request, '/admin/no-such-console-page')).body;
    for (const [url, navigation] of recorded) {
      for (const [how, result] of [
        ['RSC replay', await replay(request, navigation)],
        ['page load', await plainLoad(request, url)],
      ] as const) {
        expect.soft(result.status, `${how} of ${url} as ${who}`).not.toBe(500);
        const leaked = [...secrets, ...navigation.markers.filter((marker) => !baseline.includes(marker))].filter((marker) => result.body.includes(marker));
        expect.soft(leaked, `${how} of ${url} as ${who} (status ${result.status}) leaks`).toEqual([]);
        checked.push(`${who} · ${how} · ${url} → ${result.status}${leaked.length ? ` LEAKS ${leaked.join(', ')}` : ''}`);
      }
    }
    for (const route of consoleApis) {
      const response = await request.get(route, { maxRedirects: 0 });
      expect.soft([401, 403], `${route} as ${who}`).toContain(response.status());
      expect.soft(await response.text()).not.toContain(buyer.email);
      checked.push(`${who} · GET · ${route} → ${response.status()}`);
    }
  }
  console.log(`console access matrix (${checked.length} requests):\n${checked.join('\n')}`);
  // Nothing but the guard ran for strangers: the supplier page's transaction reads never happened.
  expect.soft(await transactionReads(anonymous), 'supplier transaction reads made for strangers').toBe(readsBefore);

  await anonymous.dispose();
  await customer.context.close();
  await buyer.context.close();
});
