import { expect, test, type Page } from '@playwright/test';
import { signUp } from './support/accounts';
import { CheckoutPage } from './support/checkout';
import { decodeQr } from './support/qr';

async function balance(page: Page): Promise<string> {
  await page.goto('/account');
  return (await page.getByTestId('account-balance').textContent()) ?? '';
}

test.describe('buying', () => {
  test('a gift card: codes revealed on the order page', async ({ page }) => {
    await signUp(page);
    const checkout = new CheckoutPage(page);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Vouchers' }).click();
    await page.getByRole('searchbox').fill('Steam');
    await page.getByRole('searchbox').press('Enter');
    await page.getByRole('link', { name: /^Steam Wallet Card/ }).first().click();
    await checkout.chooseOption(/^\$10\.00/);
    await page.getByLabel('Quantity').selectOption('2');
    await checkout.reviewAndPay();

    await expect(page.getByTestId('order-status')).toHaveText('Delivered');
    await page.getByRole('button', { name: 'Reveal codes' }).click();
    await expect(page.getByTestId('voucher-code')).toHaveCount(2);
    await expect(page.getByTestId('voucher-code').first()).toHaveText(/\w{4,}/);
    await expect(page.getByRole('button', { name: 'Copy code 1' })).toBeVisible();
  });

  test('a game top-up: delivered status arrives live, without a reload', async ({ page }) => {
    await signUp(page);
    const checkout = new CheckoutPage(page);
    await checkout.open('/games', /PUBG Mobile UC/);
    await checkout.chooseOption(/^325 UC/);
    await checkout.fillPlayerId('5123456789');
    await checkout.reviewAndPay();

    // A marker on the window survives client-side updates but not a reload.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await expect(page.getByTestId('order-status')).toHaveText(/Sending|In progress/);
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect(page.getByTestId('order-recipient')).toHaveText('5123456789');
  });

  test('a mobile recharge: operator detected, another candidate offered, recharge delivered', async ({ page }) => {
    await signUp(page);
    const checkout = new CheckoutPage(page);
    await page.goto('/mobile');
    await page.getByLabel('Country code').first().selectOption('IN');
    await page.getByLabel('Mobile number to recharge').fill('88796 85100');
    await page.getByRole('button', { name: 'Find plans' }).click();
    await expect(page.getByTestId('detected-operator')).toContainText('Airtel India');
    await expect(page.getByTestId('detected-operator').getByRole('link', { name: /Vi/ })).toBeVisible();

    await checkout.chooseOption(/Airtime/);
    await page.getByLabel(/Amount \(INR\)/).fill('200');
    const price = await checkout.review();
    await expect(page.getByTestId('review-recipient')).toHaveText('+91 88796 85100');
    await checkout.pay(price);
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 30_000 });
  });

  test('an eSIM: the QR code decodes back to the LPA string', async ({ page }) => {
    await signUp(page);
    const checkout = new CheckoutPage(page);
    await checkout.open('/esim', /Japan/);
    await checkout.chooseOption(/^1 GB/);
    await checkout.reviewAndPay();
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
    const checkout = new CheckoutPage(page);
    const before = await balance(page);
    await checkout.open('/games', /PUBG Mobile UC/);
    await checkout.chooseOption(/^325 UC/);
    await page.getByLabel('Player ID').fill('000000404');
    await checkout.reviewAndPay();

    await expect(page.getByTestId('order-status')).toHaveText('Failed', { timeout: 30_000 });
    await expect(page.getByText('The player ID you entered could not be found.', { exact: false })).toBeVisible();
    await expect(page.getByText('The amount you paid is back in your balance.')).toBeVisible();
    const orderUrl = page.url();
    expect(await balance(page)).toBe(before);

    await page.goto(orderUrl);
    await page.getByRole('link', { name: 'Fix and try again' }).click();
    await expect(page.getByLabel('Player ID')).toHaveValue('000000404');
    await checkout.fillPlayerId('5123456789');
    await checkout.reviewAndPay();
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 30_000 });
  });

  test('a saved number finds its operator in one tap; Enter in the field looks up the typed number', async ({ page }) => {
    await signUp(page);
    await page.getByLabel('Name', { exact: true }).fill('Mum');
    await page.getByLabel('Mobile number').fill('+91 88796 85100');
    await page.getByRole('button', { name: 'Save recipient' }).click();
    await expect(page.getByText('+91 88796 85100')).toBeVisible();

    // The saved numbers are buttons of the lookup form, after Find plans: Enter submits what was typed.
    await page.goto('/mobile');
    await page.getByLabel('Mobile number to recharge').fill('12');
    await page.getByLabel('Mobile number to recharge').press('Enter');
    await expect(page.getByText('This is not a valid mobile number.', { exact: false })).toBeVisible();
    await expect(page).toHaveURL('/mobile');

    await page.getByRole('group', { name: 'Saved numbers' }).getByRole('button', { name: 'Mum' }).click();
    await expect(page.getByTestId('detected-operator')).toContainText('Airtel India');
    expect(new URL(page.url()).searchParams.get('input.phone_number')).toBe('+918879685100');
  });

  test('a saved player fills the form in one tap; other customers cannot see the order', async ({ page, browser }) => {
    await signUp(page);
    const checkout = new CheckoutPage(page);
    await page.getByText('Player ID', { exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('My PUBG');
    await page.getByRole('textbox', { name: 'Player ID' }).fill('5123456789');
    await page.getByRole('button', { name: 'Save recipient' }).click();
    await expect(page.getByText('Saved “My PUBG”.')).toBeVisible();

    await checkout.open('/games', /PUBG Mobile UC/);
    await page.getByRole('navigation', { name: 'Saved recipients' }).getByRole('link', { name: 'My PUBG' }).click();
    await expect(page.getByLabel('Player ID')).toHaveValue('5123456789');
    await checkout.chooseOption(/^60 UC/);
    await checkout.reviewAndPay();
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
