import { expect, test, type Page } from '@playwright/test';
import { newEmail } from './support/accounts';
import { CheckoutPage } from './support/checkout';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}-${page.viewportSize()?.width}.png`), fullPage: true });

async function payOnHostedPage(page: Page, card: string) {
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('MM / YY').fill('12 / 34');
  await page.getByLabel('CVC').fill('123');
  await page.getByLabel('Cardholder name').fill('Guest Buyer');
  await page.getByRole('button', { name: 'Pay' }).click();
}

test.describe('a guest’s gift card codes', () => {
  // A hosted-page round trip and a supplier delivery on a shared two-core machine.
  test.describe.configure({ timeout: 300_000 });

  test('a guest pays a Steam gift card by card, returns through the link, reveals and copies the code; without the link nobody can', async ({ page, browser, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const checkout = new CheckoutPage(page);
    await page.goto('/vouchers');
    await page.getByRole('searchbox').fill('Steam');
    await page.getByRole('searchbox').press('Enter');
    await page.getByRole('link', { name: /^Steam Wallet Card/ }).first().click();
    await checkout.chooseOption(/^\$10\.00/);
    const price = await checkout.review();
    await page.getByLabel('Email for your receipt').fill(newEmail('guest-codes'));
    await page.getByRole('button', { name: `Pay ${price} by card` }).click();
    await expect(page).toHaveURL(/\/c\/pay\/cs_test_/);
    await payOnHostedPage(page, '4242 4242 4242 4242');

    // Back on the store, signed out, through the order's unguessable link.
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?access=[\w-]+.*paid=cs_test_/);
    const orderUrl = new URL(page.url());
    await expect(page.getByTestId('order-payment')).toHaveText('Card');
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 45_000 });
    await shot(page, 'guest-delivered');

    await page.getByRole('button', { name: 'Reveal code' }).click();
    const code = page.getByTestId('voucher-code');
    await expect(code).toHaveCount(1);
    await expect(code).toHaveText(/\w{4,}/);
    const value = (await code.textContent())!.trim();
    await page.getByRole('button', { name: 'Copy code 1' }).click();
    await expect(page.getByRole('button', { name: 'code 1 copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    await shot(page, 'guest-revealed');

    // The link keeps working later (the reveal was recorded and shows on the hidden state).
    await page.goto(`${orderUrl.pathname}?access=${orderUrl.searchParams.get('access')}`);
    await expect(page.getByText(/First revealed/)).toBeVisible();
    await page.getByRole('button', { name: 'Reveal code' }).click();
    await expect(page.getByTestId('voucher-code')).toHaveText(value);

    // A stranger (no account, no token, or a wrong one) sees no order and gets no code.
    const stranger = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    const other = await stranger.newPage();
    await other.goto(`${orderUrl.pathname}?access=${'x'.repeat(43)}`);
    await expect(other.getByRole('heading', { level: 1 })).not.toHaveText(/Order #/);
    await expect(other.getByTestId('voucher-code')).toHaveCount(0);
    await other.goto(orderUrl.pathname);
    await expect(other).toHaveURL(/\/sign-in/);
    await stranger.close();
  });
});
