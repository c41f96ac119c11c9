import { expect, test } from '@playwright/test';

/* Issue 19: sitemap.xml and robots.txt from the catalogue, per-page metadata, Product JSON-LD. */

// A busy machine: first page loads of a fresh server can take a while.
test.describe.configure({ timeout: 300_000 });

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

test('sitemap.xml lists the sections and the products on sale, never test scenarios or private pages', async ({ page, baseURL }) => {
  const response = await page.request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('xml');
  const urls = locs(await response.text());
  for (const path of ['/', '/vouchers', '/games', '/mobile', '/esim', '/help']) expect(urls).toContain(new URL(path, baseURL).toString());
  for (const url of urls) {
    expect(url.startsWith(`${baseURL}/`)).toBe(true);
    expect(new URL(url).pathname).not.toMatch(/^\/(admin|account|orders|api|checkout|sandbox)(\/|$)/);
  }

  // Every catalogue product of the section is listed; the sandbox's test products are not.
  await page.goto('/vouchers');
  const catalogue = await page.getByRole('list', { name: 'Gift cards' }).getByRole('link').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  expect(catalogue.length).toBeGreaterThan(0);
  for (const href of catalogue) expect(urls).toContain(href);
  const tests = await page.getByRole('list', { name: 'Test scenario products' }).getByRole('link').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  expect(tests.length).toBeGreaterThan(0);
  for (const href of tests) expect(urls).not.toContain(href);
});

test('robots.txt keeps crawlers out of accounts, orders, the console and the API, and names the sitemap', async ({ page, baseURL }) => {
  const response = await page.request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/User-Agent: \*/i);
  for (const path of ['/admin', '/account', '/orders', '/api']) expect(text).toContain(`Disallow: ${path}\n`);
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test('a product page has its title, description, Open Graph picture from our origin and Product JSON-LD with its price', async ({ page, baseURL }) => {
  await page.goto('/vouchers');
  // A gift card with a picture of its own.
  const card = page.getByRole('list', { name: 'Gift cards' }).getByRole('link').filter({ has: page.locator('img') }).first();
  const name = (await card.locator('span.block.truncate').first().textContent())!.trim();
  await card.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  await expect(page).toHaveTitle(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · .+`));
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(description).toBeTruthy();
  const ogImage = (await page.locator('meta[property="og:image"]').getAttribute('content'))!;
  expect(ogImage.startsWith(`${baseURL}/api/product-images/`)).toBe(true);
  expect((await page.request.get(ogImage)).headers()['content-type']).toMatch(/^image\//);
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(page.url());

  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  const data = JSON.parse((await scripts.textContent())!);
  expect(data['@type']).toBe('Product');
  expect(data.name).toBe(name);
  expect(data.image).toBe(ogImage);
  expect(data.offers.priceCurrency).toBe('USD');
  expect(data.offers.availability).toBe('https://schema.org/InStock');
  // The lowest price is the cheapest option the page itself shows.
  const optionPrices = await page.getByTestId('option').evaluateAll((nodes) =>
    // The price is the last dollar amount of a card (a gift card's name is its face value).
    nodes.map((node) => Number([...(node.textContent ?? '').matchAll(/\$([\d,]+\.\d{2})/g)].at(-1)?.[1]?.replace(/,/g, '') ?? 'NaN')),
  );
  expect(Number(data.offers.lowPrice)).toBe(Math.min(...optionPrices));
  for (const offer of data.offers.offers ?? []) expect(offer).toMatchObject({ '@type': 'Offer', priceCurrency: 'USD', price: expect.stringMatching(/^\d+(\.\d{1,2})?$/) });
});

test('sections and help pages have their own titles; test scenario products are not indexed and carry no JSON-LD', async ({ page, baseURL }) => {
  await page.goto('/esim');
  await expect(page).toHaveTitle(/^Travel eSIMs · /);
  expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toBe(`${baseURL}/og-default.png`);
  expect((await page.request.get('/og-default.png')).headers()['content-type']).toBe('image/png');

  await page.goto('/help');
  await expect(page).toHaveTitle(/^Help · /);

  await page.goto('/vouchers');
  await page.getByRole('list', { name: 'Test scenario products' }).getByRole('link').first().click();
  await expect(page.getByText(/Test scenario: each option plays a case/)).toBeVisible();
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
  expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
});
