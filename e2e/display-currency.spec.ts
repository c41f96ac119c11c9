import { expect, test, type Page } from '@playwright/test';
import { signUp } from './support/accounts';
import { CheckoutPage } from './support/checkout';

/*
 * Issue 19: a customer whose browser asks for Indonesian sees rupiah estimates beside the
 * store-currency prices, can switch to store currency only or another currency (remembered
 * across pages), and always confirms and pays the exact store-currency amount.
 */
test.use({ locale: 'id-ID' });
// The store's words in English (the language switcher's cookie), so this spec is about money only:
// the display currency still follows the browser's Indonesian region. e2e/languages.spec.ts
// covers the Indonesian store itself.
test.beforeEach(async ({ context, baseURL }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
});

const picker = (page: Page) => page.getByLabel('Show prices also in');
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test('rupiah estimates from Accept-Language, the exact store-currency price at review and on the order, a remembered picker choice', async ({ page }) => {
  // A busy machine: a sign-up, an order and a dozen page loads.
  test.setTimeout(420_000);
  const checkout = new CheckoutPage(page);

  // Section list: each card's store price has its rupiah estimate under it.
  await page.goto('/games');
  const pubg = page.getByRole('link', { name: /^PUBG Mobile UC/ }).first();
  await expect(pubg.getByTestId('from-price')).toHaveText(/^\$\d+\.\d{2}$/);
  await expect(pubg.getByTestId('display-price')).toHaveText(/^≈ Rp\s?\d{1,3}(\.\d{3})*$/);
  await expect(picker(page)).toHaveValue('IDR');
  await shot(page, 'games-idr');

  // Product page: every option card shows "≈ Rp …" beside the store price.
  await pubg.click();
  await expect(page).toHaveURL(/\/games\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const options = page.getByTestId('option');
  await expect(options.first()).toContainText(/\$\d+\.\d{2}/);
  await expect(options.first().getByTestId('display-price')).toHaveText(/^≈ Rp\s?\d/);
  expect(await page.getByTestId('display-price').count()).toBe(await options.count());
  await shot(page, 'product-idr');

  // Review: the exact amount charged, in the store currency, and no estimate beside it.
  await signUp(page);
  await checkout.open('/games', /^PUBG Mobile UC/);
  await checkout.chooseOption(/^325 UC/);
  await checkout.fillPlayerId('5123456789');
  const price = await checkout.review();
  expect(price).toMatch(/^\$\d+\.\d{2}$/);
  await expect(page.getByRole('button', { name: `Pay ${price}` })).toBeVisible();
  await expect(page.locator('main').getByText(/≈|Rp/)).toHaveCount(0);
  await shot(page, 'review-exact-usd');

  // The order page shows what was charged, only in the store currency.
  await checkout.pay(price);
  await expect(page.locator('main')).toContainText(price);
  await expect(page.locator('main').getByText(/≈|Rp/)).toHaveCount(0);
  await shot(page, 'order-usd-only');

  // Store currency only: the estimates go, here and on the next page (the cookie remembers it).
  await page.goto('/games');
  await picker(page).selectOption('store');
  await expect(page.getByTestId('display-price')).toHaveCount(0);
  await page.goto('/vouchers');
  await expect(page.getByTestId('from-price').first()).toBeVisible();
  await expect(page.getByTestId('display-price')).toHaveCount(0);
  await expect(picker(page)).toHaveValue('store');

  // Another currency the store has a rate for: euros, formatted for the Indonesian locale ("€9,85").
  await picker(page).selectOption('EUR');
  await expect(page.getByTestId('display-price').first()).toHaveText(/^≈ €\s?\d[\d.]*(,\d{2})?$/);
  await page.getByRole('link', { name: /^Steam Wallet Card/ }).first().click();
  await expect(page).toHaveURL(/\/vouchers\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(page.getByTestId('option').first().getByTestId('display-price')).toHaveText(/€/);
  await expect(picker(page)).toHaveValue('EUR');
  await shot(page, 'product-eur');

  // Only currencies with a learnt rate are offered (every offered one is a real ISO code).
  const offered = await picker(page).locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
  expect(offered[0]).toBe('store');
  expect(offered).toContain('IDR');
  expect(offered).not.toContain('USD');
  for (const code of offered.slice(1)) expect(code).toMatch(/^[A-Z]{3}$/);
});
