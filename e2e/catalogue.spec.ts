import { expect, test, type BrowserContextOptions, type Page } from '@playwright/test';
import { SandboxControl } from '../sandbox/control';
import { signInAsOperator } from './support/accounts';
import { e2eLayout } from './support/slot';

/*
 * The catalogue end to end: the supplier changes a price, an operator syncs and reviews the
 * change list, takes products off sale and back, sets a markup; a customer then finds what is
 * on sale by section, search and country at the new price, and a disabled product is a 404.
 * Runs once per project against the same store, so every step is written to be repeatable.
 */

const supplier = new SandboxControl(`http://127.0.0.1:${e2eLayout().sandboxPort}`);

async function filterCatalogue(page: Page, query: Record<string, string>) {
  await page.goto(`/admin/catalogue?${new URLSearchParams(query)}`);
}

test('operator syncs and prices the catalogue; customers find it, disabled products are 404', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  // A repricing on the supplier's side that this run's sync must report (each project its own).
  await supplier.repriceProduct('voucher', 107, { discount: testInfo.project.name === 'phone' ? 1.5 : 1 });

  await signInAsOperator(page);
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Sync history' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText('Sync finished.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Top-ups synced' })).toHaveAttribute('aria-valuenow', '100');
  // The page then shows the finished run's change list.
  await expect(page).toHaveURL(/\/admin\/catalogue\/sync\?run=/);
  const spotify = page
    .getByRole('list', { name: 'Changes' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Spotify Premium Gift Card', exact: true }) });
  await expect(spotify).toContainText('Repriced');
  await expect(spotify).toContainText('wholesale');

  // Take two US cards off sale, then put one back.
  await filterCatalogue(page, { section: 'vouchers', country: 'US' });
  await page.getByLabel('Select Netflix Gift Card', { exact: true }).check();
  await page.getByLabel('Select Xbox Gift Card', { exact: true }).check();
  await page.getByRole('button', { name: 'Disable selected' }).click();
  await expect(page.getByText('Disabled 2 products.')).toBeVisible();
  const netflixHref = await page.getByRole('link', { name: 'Netflix Gift Card', exact: true }).getAttribute('href');
  const netflixId = netflixHref!.split('/').pop()!;

  await filterCatalogue(page, { section: 'vouchers', country: 'US', enabled: 'no' });
  await expect(page.getByRole('link', { name: 'Netflix Gift Card', exact: true })).toBeVisible();
  await page.getByLabel('Select Xbox Gift Card', { exact: true }).check();
  await page.getByRole('button', { name: 'Enable selected' }).click();
  await expect(page.getByText('Enabled 1 product.')).toBeVisible();

  // A 50% markup on Google Play (US): the $10 card costs 9.75 wholesale, so 14.625 -> $14.63.
  await filterCatalogue(page, { q: 'Google Play', country: 'US' });
  await page.getByRole('link', { name: 'Google Play Gift Card', exact: true }).click();
  await page.getByLabel('Markup (%)').fill('50');
  await expect(page.getByTestId('preview-row').filter({ hasText: '$10.00' })).toContainText('$14.63');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText('Saved Google Play Gift Card.')).toBeVisible();

  // The customer, in a fresh browser, signed out.
  const customerContext = await browser.newContext(testInfo.project.use as BrowserContextOptions);
  const customer = await customerContext.newPage();
  await customer.goto('/');
  await customer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Vouchers' }).click();
  await expect(customer).toHaveURL('/vouchers');
  await customer.getByRole('searchbox').fill('Google Play');
  await customer.getByLabel('Country', { exact: true }).selectOption('US');
  await customer.getByRole('button', { name: 'Search' }).click();
  await expect(customer).toHaveURL(/\/vouchers\?q=Google\+Play&country=US/);
  const googlePlay = customer.getByRole('link', { name: /^Google Play Gift Card/ });
  await expect(googlePlay).toHaveCount(1);
  await expect(googlePlay).toContainText('$14.63');
  await googlePlay.click();
  await expect(customer.getByRole('heading', { level: 1, name: 'Google Play Gift Card' })).toBeVisible();
  await expect(customer.getByRole('main')).toContainText('$14.63');

  // Xbox is back on sale; Netflix is nowhere, not even by its address.
  await customer.goto('/vouchers?country=US');
  await expect(customer.getByRole('link', { name: /^Xbox Gift Card/ })).toBeVisible();
  await expect(customer.getByRole('link', { name: /^Netflix Gift Card/ })).toHaveCount(0);
  const missing = await customer.goto(`/vouchers/${netflixId}`);
  expect(missing?.status()).toBe(404);
  await expect(customer.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();

  // Other sections: eSIM destinations by country with plan cards.
  await customer.goto('/esim');
  await customer.getByLabel('Destination', { exact: true }).selectOption('JP');
  await customer.getByRole('button', { name: 'Search' }).click();
  await customer.getByRole('link', { name: /^Japan/ }).click();
  await expect(customer.getByRole('heading', { level: 1, name: 'Japan eSIM' })).toBeVisible();
  await expect(customer.getByRole('main')).toContainText('1 GB');

  await customerContext.close();
});
