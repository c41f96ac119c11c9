import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAsOperator, signUp } from './support/accounts';

/** Picks an option card the way a person does: by tapping its label. */
async function chooseOption(page: Page, name: RegExp) {
  const radio = page.getByRole('radio', { name }).first();
  await page.locator('label').filter({ has: radio }).click();
  await expect(radio).toBeChecked();
}

async function newCustomer(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ ...test.info().project.use })).newPage();
  await signUp(page);
  return page;
}

/** Up to the confirm step of a 325 UC PUBG top-up, then opens "Pay with a gift code" and checks the code. */
async function checkCodeOnPubg(page: Page, typed: string) {
  await page.goto('/games');
  await page.getByRole('link', { name: /PUBG Mobile UC/ }).first().click();
  await chooseOption(page, /^325 UC/);
  await page.getByLabel('Player ID').fill('5123456789');
  await page.getByRole('button', { name: 'Review order' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm your order' })).toBeVisible();
  await page.getByRole('button', { name: 'Pay with a gift code' }).click();
  await page.getByLabel('Gift card code').fill(typed);
  await page.getByRole('button', { name: 'Check code' }).click();
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test('a gift card bought by one customer pays for another customer’s PUBG top-up, once', async ({ page, browser }) => {
  // Three customers' and an operator's sessions in one story: generous on a loaded machine.
  test.setTimeout(540_000);
  // Customer A buys a $10 Steam gift card and reads its code.
  await signUp(page);
  await page.goto('/vouchers');
  await page.getByRole('searchbox').fill('Steam');
  await page.getByRole('searchbox').press('Enter');
  await page.getByRole('link', { name: /^Steam Wallet Card/ }).first().click();
  await chooseOption(page, /^\$10\.00/);
  await page.getByRole('button', { name: 'Review order' }).click();
  const price = (await page.getByTestId('review-price').textContent())!;
  await page.getByRole('button', { name: `Pay ${price}` }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const voucherUrl = page.url();
  const voucherNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.replace(/\D/g, '');
  await expect(page.getByTestId('order-status')).toHaveText('Delivered');
  await page.getByRole('button', { name: 'Reveal code' }).click();
  const code = (await page.getByTestId('voucher-code').textContent())!.trim();

  // Customer B types it loosely (lower case, spaces for dashes) on a PUBG top-up's confirm step.
  const other = await newCustomer(browser);
  await checkCodeOnPubg(other, code.toLowerCase().replace(/-/g, ' '));
  const offer = other.getByTestId('gift-code-offer');
  await expect(offer).toContainText('Steam Wallet Card code worth $10.00 covers this top-up');
  await expect(offer).toContainText('left over is not kept');
  await shot(other, 'confirm-with-gift-code');
  await other.getByRole('button', { name: 'Pay with gift code' }).click();
  await expect(other).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(other.getByText(`with a gift code from order #${voucherNumber}`, { exact: true })).toBeVisible();
  await expect(other.getByTestId('order-status')).toHaveText('Delivered', { timeout: 30_000 });
  const topupNumber = (await other.getByRole('heading', { level: 1 }).textContent())!.replace(/\D/g, '');
  await shot(other, 'topup-paid-with-gift-code');

  // A third try with the same code is refused with its message.
  await checkCodeOnPubg(other, code);
  await expect(other.getByRole('alert').filter({ hasText: 'This code has already been used to pay for an order.' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Pay with gift code' })).toHaveCount(0);
  await shot(other, 'code-already-used');

  // The buyer sees where the code went.
  await page.goto(voucherUrl);
  await expect(page.getByTestId('gift-code-redeemed')).toHaveText(`This code was redeemed on order #${topupNumber}.`);
  await shot(page, 'voucher-redeemed-on');

  // So do operators, in the order list.
  const operator = await (await browser.newContext({ ...test.info().project.use })).newPage();
  await signInAsOperator(operator);
  await operator.goto(`/admin/orders?q=${topupNumber}`);
  await expect(operator.getByText(`Paid with gift code from #${voucherNumber}`)).toBeVisible();
  await operator.goto(`/admin/orders?q=${voucherNumber}`);
  await expect(operator.getByText(`Code redeemed on order #${topupNumber}`)).toBeVisible();
  await shot(operator, 'admin-orders-redeemed');
});
