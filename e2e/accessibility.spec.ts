import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInAsOperator, signUp } from './support/accounts';
import { CheckoutPage } from './support/checkout';

/** WCAG 2.1 A and AA rules; serious and critical violations fail the test, listed by rule and node. */
async function expectNoSeriousViolations(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join('\n    ')}`);
  expect.soft(serious, `${label} (${page.url()})`).toEqual([]);
}

/** Presses Tab (at most `max` times) until `target` has the keyboard focus. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

const hrefs = async (page: Page, pattern: RegExp) =>
  (await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))).filter((href) => pattern.test(href));

test.describe.configure({ mode: 'serial' });

test('a top-up bought with the keyboard alone', async ({ page }) => {
  await signUp(page);
  await page.goto('/');
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Games' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/games');
  await tabTo(page, page.getByRole('link', { name: /PUBG Mobile UC/ }).first(), 150);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Player ID')).toBeVisible();

  // The variant choice is a radio group: Tab reaches the checked option, arrows move it.
  const firstOption = page.getByRole('radio').first();
  await tabTo(page, firstOption);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio').nth(1)).toBeChecked();
  await tabTo(page, page.getByLabel('Player ID'));
  await page.keyboard.type('5123456789');
  await tabTo(page, page.getByRole('button', { name: 'Review order' }));
  await page.keyboard.press('Enter');
  const pay = page.getByRole('button', { name: /^Pay \$/ });
  await expect(pay).toBeVisible();
  await tabTo(page, pay);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('order-status')).toHaveText(/Sending|In progress|Delivered/);
});

test('customer pages have no serious accessibility violations', async ({ page }) => {
  // axe walks a dozen pages in each of these: a busy machine needs more than the default minute.
  test.setTimeout(180_000);
  for (const path of ['/', '/sign-in', '/sign-up']) {
    await page.goto(path);
    await expectNoSeriousViolations(page, `signed out ${path}`);
  }
  await signUp(page);
  for (const section of ['/vouchers', '/games', '/mobile', '/esim']) {
    await page.goto(section);
    await expectNoSeriousViolations(page, section);
    // The demo catalogue has products in every section: a section without one is a failure, not a skip.
    const [product] = await hrefs(page, new RegExp(`^${section}/[^/?]+$`));
    expect(product, `a product link on ${section}`).toBeTruthy();
    await page.goto(product!);
    await expectNoSeriousViolations(page, `${section} product`);
  }
  const checkout = new CheckoutPage(page);
  await checkout.open('/games', /PUBG Mobile UC/);
  await checkout.fillPlayerId('5123456789');
  const price = await checkout.review();
  await expectNoSeriousViolations(page, 'checkout review');
  await checkout.pay(price);
  await expectNoSeriousViolations(page, 'order page');

  await page.goto('/account');
  await expectNoSeriousViolations(page, 'account');
  await page.goto('/no-such-page');
  await expectNoSeriousViolations(page, 'not found');
});

test('operator pages have no serious accessibility violations', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsOperator(page);
  const visited = new Set<string>();
  const check = async (path: string) => {
    if (visited.has(path)) return;
    visited.add(path);
    await page.goto(path);
    await expectNoSeriousViolations(page, `operator ${path}`);
  };
  await check('/admin');
  const sections = await hrefs(page, /^\/admin\/[a-z-]+$/);
  // Lists with a detail page; the customer test above left an order, a customer and the catalogue.
  const withDetail = ['/admin/orders', '/admin/customers', '/admin/catalogue'];
  // Each section once: a repeat would look for its detail link on whichever page came last.
  for (const section of new Set([...withDetail, '/admin/supplier', '/admin/settings', '/admin/audit', ...sections])) {
    await check(section);
    // One detail page per list (the first row), e.g. /admin/orders/<id>.
    const [detail] = await hrefs(page, new RegExp(`^${section}/(?!sync$)[^/?]+$`));
    if (withDetail.includes(section)) expect(detail, `a detail link on ${section}`).toBeTruthy();
    if (detail) await check(detail);
  }
  await check('/admin/catalogue/sync');
});
