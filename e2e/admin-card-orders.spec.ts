import { expect, test } from '@playwright/test';
import { SandboxControl } from '../sandbox/control';
import { StripeSandboxControl } from '../sandbox/stripe/client';
import { signInAsOperator, signUp } from './support/accounts';
import { CheckoutPage } from './support/checkout';
import { e2eLayout } from './support/slot';

const layout = e2eLayout();
const supplier = new SandboxControl(`http://127.0.0.1:${layout.sandboxPort}`);
const stripe = new StripeSandboxControl(`http://127.0.0.1:${layout.stripeSandboxPort}`);

test.describe('operator console: card orders', () => {
  test.describe.configure({ timeout: 120_000 });

  test('shows how an unpaid card order is paid, cancels it, and Stripe then refuses the payment', async ({ page, browser }) => {
    const customer = await browser.newContext();
    const customerPage = await customer.newPage();
    await signUp(customerPage);
    const playerId = `5${String(Date.now()).slice(-8)}1`;
    const checkout = new CheckoutPage(customerPage);
    await checkout.open('/games', /PUBG Mobile UC/);
    await checkout.chooseOption(/^325 UC/);
    await checkout.fillPlayerId(playerId);
    const price = await checkout.review();
    await customerPage.getByRole('button', { name: /by card/ }).click();
    await expect(customerPage).toHaveURL(/\/c\/pay\/cs_test_/);
    const sessionId = customerPage.url().match(/(cs_test_[A-Za-z0-9_]+)/)![1]!;
    const suppliedBefore = (await supplier.listOrders()).length;

    await signInAsOperator(page);
    await page.goto(`/admin/orders?q=${playerId}`);
    await expect(page.getByText('1 order', { exact: true })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: playerId })).toContainText('Card');
    await page.getByRole('link', { name: /^#\d+$/ }).click();
    await expect(page.getByTestId('admin-order-status')).toHaveText('Awaiting payment');
    await expect(page.getByTestId('admin-order-payment')).toHaveText('Card (Stripe) · waiting for the customer on Stripe');
    await expect(page.getByText(sessionId)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Refund/ })).toHaveCount(0);
    await page.screenshot({ path: `test-results/admin-card-unpaid-${page.viewportSize()?.width}.png`, fullPage: true });

    await page.getByLabel('Reason for cancelling').fill('Customer asked us to cancel');
    await page.getByRole('button', { name: 'Cancel unpaid order' }).click();
    await expect(page.getByText('Order cancelled. Its Stripe checkout page was closed, so it can no longer be paid. Nothing was charged.')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('admin-order-status')).toHaveText('Cancelled');
    await expect(page.getByTestId('admin-order-payment')).toHaveText('Card (Stripe) · not paid (checkout closed)');
    await expect(page.getByText('Nothing to refund: this card order was never paid.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Timeline' }).getByText('Cancelled before payment by operator@e2e.test: Customer asked us to cancel')).toBeVisible();
    await page.screenshot({ path: `test-results/admin-card-cancelled-${page.viewportSize()?.width}.png`, fullPage: true });
    // Operators check orders on their phones too: the same page at a phone's width.
    const desktopSize = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test-results/admin-card-cancelled-390.png', fullPage: true });
    await page.setViewportSize(desktopSize);
    const [session] = await stripe.sessions({ client_reference_id: page.url().match(/orders\/([0-9a-f-]{36})/)![1]! });
    expect(session).toMatchObject({ id: sessionId, status: 'expired' });

    // The customer, still on Stripe's page, presses Pay: the session is closed, nothing is charged or sent.
    await customerPage.getByLabel('Card number').fill('4242 4242 4242 4242');
    await customerPage.getByLabel('MM / YY').fill('12 / 34');
    await customerPage.getByLabel('CVC').fill('123');
    await customerPage.getByLabel('Cardholder name').fill('Late Payer');
    await customerPage.getByRole('button', { name: 'Pay' }).click();
    await expect(customerPage.getByText('This checkout session has expired')).toBeVisible();
    expect((await stripe.payments()).filter((payment) => payment.status === 'succeeded' && (payment.metadata as Record<string, string>).order_id === session!.client_reference_id)).toHaveLength(0);
    expect((await supplier.listOrders()).length).toBe(suppliedBefore);
    expect(price).toMatch(/^\$/);
    await customer.close();

    await page.goto('/admin');
    await expect(page.getByTestId('sales-by-method')).toContainText('Paid from store balance');
    await expect(page.getByTestId('sales-by-method')).toContainText('Paid by card');
  });
});
