import { expect, test, type Page } from '@playwright/test';
import { signUp } from './support/accounts';
import { decodeQr } from './support/qr';

async function balance(page: Page): Promise<string> {
  await page.goto('/account');
  return (await page.getByTestId('account-balance').textContent()) ?? '';
}

/** Picks an option card the way a person does: by tapping its label. */
async function chooseOption(page: Page, name: RegExp) {
  const radio = page.getByRole('radio', { name }).first();
  await page.locator('label').filter({ has: radio }).click();
  await expect(radio).toBeChecked();
}

async function reviewAndPay(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Review order' }).click();
  const price = (await page.getByTestId('review-price').textContent())!;
  await page.getByRole('button', { name: `Pay ${price}` }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  return price;
}

test.describe('buying', () => {
  test('a gift card: codes revealed on the order page', async ({ page }) => {
    await signUp(page);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Vouchers' }).click();
    await page.getByRole('searchbox').fill('Steam');
    await page.getByRole('searchbox').press('Enter');
    await page.getByRole('link', { name: /^Steam Wallet Card/ }).first().click();
    await chooseOption(page, /^\$10\.00/);
    await page.getByLabel('Quantity').selectOption('2');
    await reviewAndPay(page);

    await expect(page.getByTestId('order-status')).toHaveText('Delivered');
    await page.getByRole('button', { name: 'Reveal codes' }).click();
    await expect(page.getByTestId('voucher-code')).toHaveCount(2);
    await expect(page.getByTestId('voucher-code').first()).toHaveText(/\w{4,}/);
    await expect(page.getByRole('button', { name: 'Copy code 1' })).toBeVisible();
  });

  test('a game top-up: delivered status arrives live, without a reload', async ({ page }) => {
    await signUp(page);
    await page.goto('/games');
    await page.getByRole('link', { name: /PUBG Mobile UC/ }).first().click();
    await chooseOption(page, /^325 UC/);
    await page.getByLabel('Player ID').fill('5123456789');
    await reviewAndPay(page);

    // A marker on the window survives client-side updates but not a reload.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await expect(page.getByTestId('order-status')).toHaveText(/Sending|In progress/);
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect(page.getByTestId('order-recipient')).toHaveText('5123456789');
  });

  test('a mobile recharge: operator detected, another candidate offered, recharge delivered', async ({ page }) => {
    await signUp(page);
    await page.goto('/mobile');
    await page.getByLabel('Country code').first().selectOption('IN');
    await page.getByLabel('Mobile number to recharge').fill('88796 85100');
    await page.getByRole('button', { name: 'Find plans' }).click();
    await expect(page.getByTestId('detected-operator')).toContainText('Airtel India');
    await expect(page.getByTestId('detected-operator').getByRole('link', { name: /Vi/ })).toBeVisible();

    await chooseOption(page, /Airtime/);
    await page.getByLabel(/Amount \(INR\)/).fill('200');
    await page.getByRole('button', { name: 'Review order' }).click();
    await expect(page.getByTestId('review-recipient')).toHaveText('+91 88796 85100');
    const price = (await page.getByTestId('review-price').textContent())!;
    await page.getByRole('button', { name: `Pay ${price}` }).click();
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 30_000 });
  });

  test('an eSIM: the QR code decodes back to the LPA string', async ({ page }) => {
    await signUp(page);
    await page.goto('/esim');
    await page.getByRole('link', { name: /Japan/ }).first().click();
    await chooseOption(page, /^1 GB/);
    await reviewAndPay(page);
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 90_000 });

    const lpa = await page.getByRole('button', { name: 'Copy LPA string' }).locator('xpath=..').locator('code').textContent();
    expect(lpa).toMatch(/^LPA:1\$[^$]+\$.+/);
    expect(await decodeQr(page.getByTestId('esim-qr'))).toBe(lpa);
    // The one-tap link is for iPhones only (issue 14 #10); this browser gets the QR code's steps.
    await expect(page.getByRole('link', { name: 'Install on this iPhone' })).toHaveCount(0);
    await expect(page.getByTestId('esim-install-steps')).toBeVisible();
    await expect(page.getByText(/^ICCID/)).toContainText(/\d{19,20}/);
  });

  test('a wrong player ID fails with its reason, refunds, and a prefilled retry succeeds', async ({ page }) => {
    await signUp(page);
    const before = await balance(page);
    await page.goto('/games');
    await page.getByRole('link', { name: /PUBG Mobile UC/ }).first().click();
    await chooseOption(page, /^325 UC/);
    await page.getByLabel('Player ID').fill('000000404');
    await reviewAndPay(page);

    await expect(page.getByTestId('order-status')).toHaveText('Failed', { timeout: 30_000 });
    await expect(page.getByText('The player ID you entered could not be found.', { exact: false })).toBeVisible();
    await expect(page.getByText('The amount you paid is back in your balance.')).toBeVisible();
    const orderUrl = page.url();
    expect(await balance(page)).toBe(before);

    await page.goto(orderUrl);
    await page.getByRole('link', { name: 'Fix and try again' }).click();
    await expect(page.getByLabel('Player ID')).toHaveValue('000000404');
    await page.getByLabel('Player ID').fill('5123456789');
    await reviewAndPay(page);
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 30_000 });
  });

  test('a saved player fills the form in one tap; other customers cannot see the order', async ({ page, browser }) => {
    await signUp(page);
    await page.getByText('Player ID', { exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('My PUBG');
    await page.getByRole('textbox', { name: 'Player ID' }).fill('5123456789');
    await page.getByRole('button', { name: 'Save recipient' }).click();
    await expect(page.getByText('Saved “My PUBG”.')).toBeVisible();

    await page.goto('/games');
    await page.getByRole('link', { name: /PUBG Mobile UC/ }).first().click();
    await page.getByRole('navigation', { name: 'Saved recipients' }).getByRole('link', { name: 'My PUBG' }).click();
    await expect(page.getByLabel('Player ID')).toHaveValue('5123456789');
    await chooseOption(page, /^60 UC/);
    await reviewAndPay(page);
    const orderPath = new URL(page.url()).pathname;
    const orderId = orderPath.split('/').pop()!;

    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await signUp(strangerPage);
    expect((await strangerPage.goto(orderPath))?.status()).toBe(404);
    expect((await strangerPage.request.get(`/api/orders/${orderId}`)).status()).toBe(404);
    await stranger.close();
  });
});
