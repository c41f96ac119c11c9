import { expect, test, type Page } from '@playwright/test';
import { SandboxControl } from '../sandbox/control';
import { StripeSandboxControl } from '../sandbox/stripe/client';
import { newEmail, signUp } from './support/accounts';
import { e2eLayout } from './support/slot';

const layout = e2eLayout();
const supplier = new SandboxControl(`http://127.0.0.1:${layout.sandboxPort}`);
const stripe = new StripeSandboxControl(`http://127.0.0.1:${layout.stripeSandboxPort}`);
const shots = (name: string, page: Page) => page.screenshot({ path: `test-results/card-payments-${name}-${page.viewportSize()?.width}.png`, fullPage: true });

/** A guest (nobody signed in) picks 325 UC for a player, reviews, gives an email and goes to Stripe's page. */
async function guestToCheckout(page: Page, email = newEmail('guest')) {
  await page.goto('/games');
  await page.getByRole('link', { name: /PUBG Mobile UC/ }).first().click();
  await page.getByText('325 UC', { exact: true }).click();
  await page.getByLabel('Player ID').fill('5123456789');
  await page.getByRole('button', { name: 'Review order' }).click();
  const price = (await page.getByTestId('review-price').textContent())!;
  await page.getByLabel('Email for your receipt').fill(email);
  await shots('confirm', page);
  await page.getByRole('button', { name: `Pay ${price} by card` }).click();
  await expect(page).toHaveURL(/\/c\/pay\/cs_test_/);
  return { price, email };
}

async function payWith(page: Page, card: string) {
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('MM / YY').fill('12 / 34');
  await page.getByLabel('CVC').fill('123');
  await page.getByLabel('Cardholder name').fill('Guest Buyer');
  await page.getByRole('button', { name: 'Pay' }).click();
}

test.describe('card payments', () => {
  // Two hosted-page round trips and a supplier delivery on a shared two-core machine.
  test.describe.configure({ timeout: 120_000 });
  test('a guest buys a game top-up with 4242… and sees it delivered', async ({ page }) => {
    const before = (await supplier.listOrders()).length;
    const { price } = await guestToCheckout(page);
    await expect(page.getByText(price).first()).toBeVisible();
    await payWith(page, '4242 4242 4242 4242');
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?access=.*paid=cs_test_/);
    await expect(page.getByTestId('order-payment')).toHaveText('Card');
    await expect(page.getByText('Keep this page’s link')).toBeVisible();
    await expect(page.getByText('Delivered').first()).toBeVisible({ timeout: 30_000 });
    await shots('delivered', page);
    expect((await supplier.listOrders()).length).toBe(before + 1);
  });

  test('a declined card shows the decline, nothing reaches the supplier, and a retry pays', async ({ page }) => {
    const before = (await supplier.listOrders()).length;
    await guestToCheckout(page);
    await payWith(page, '4000 0000 0000 0002');
    await expect(page.getByRole('alert')).toHaveText('Your card has been declined.');
    await shots('declined', page);
    expect((await supplier.listOrders()).length).toBe(before);
    await payWith(page, '4242 4242 4242 4242');
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?access=/);
    await expect(page.getByText('Delivered').first()).toBeVisible({ timeout: 30_000 });
    expect((await supplier.listOrders()).length).toBe(before + 1);
  });

  test('cancelling on the hosted page returns to an order that says so', async ({ page }) => {
    const before = (await supplier.listOrders()).length;
    await guestToCheckout(page);
    await page.getByRole('link', { name: 'Back' }).click();
    await expect(page).toHaveURL(/payment=cancelled/);
    await expect(page.getByText('You cancelled the payment. Nothing was charged.')).toBeVisible();
    await expect(page.getByText('Cancelled').first()).toBeVisible();
    await expect(page.getByTestId('order-payment')).toHaveText('Card · not charged');
    await shots('cancelled', page);
    expect((await supplier.listOrders()).length).toBe(before);
  });

  test('a signed-in customer adds $20 and sees it in the balance and statement', async ({ page }) => {
    await signUp(page);
    await page.goto('/account');
    const balanceBefore = (await page.getByTestId('account-balance').textContent())!;
    await page.getByRole('link', { name: 'Add funds' }).click();
    await page.getByRole('button', { name: '$20' }).click();
    await shots('add-funds', page);
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await expect(page).toHaveURL(/\/c\/pay\/cs_test_/);
    await expect(page.getByText('$20.00').first()).toBeVisible();
    await payWith(page, '4242 4242 4242 4242');
    await expect(page).toHaveURL(/\/account\/add-funds\?payment=/);
    await expect(page.getByRole('status').filter({ hasText: '$20.00 was added to your balance.' })).toBeVisible();
    await page.goto('/account');
    const expected = Number(balanceBefore.replace(/[^0-9.]/g, '')) + 20;
    await expect(page.getByTestId('account-balance')).toHaveText(`$${expected.toFixed(2)}`);
    await expect(page.getByText('Added by card').first()).toBeVisible();
    await shots('balance', page);
    const paid = (await stripe.payments()).filter((payment) => payment.status === 'succeeded' && payment.amount === 2000);
    expect(paid.length).toBeGreaterThanOrEqual(1);
  });
});
