import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signInAsOperator, signUp } from './support/accounts';
import { CheckoutPage } from './support/checkout';
import { e2eLayout } from './support/slot';

const sandboxControl = `http://127.0.0.1:${e2eLayout().sandboxPort}/__sandbox`;

async function setSupplierBalance(page: Page, balance: string) {
  const response = await page.request.put(`${sandboxControl}/wallets/USD`, { data: { balance } });
  expect(response.ok()).toBe(true);
}

test.describe('operator console', () => {
  test('finds a stuck order by recipient, reads its timeline, refunds it once and exports it', async ({ page, browser }) => {
    // Two people, a purchase, a refund and an export: about a minute on a phone-sized run.
    test.setTimeout(150_000);
    const customer = await browser.newContext();
    const customerPage = await customer.newPage();
    const email = await signUp(customerPage);
    // Digits ending in 999408: the supplier answers PENDING and keeps it so for 30 minutes.
    const playerId = `${Date.now() % 1000}999408`;
    await new CheckoutPage(customerPage).buyPubg(playerId);
    await expect(customerPage.getByTestId('order-status')).toHaveText('In progress');

    await signInAsOperator(page);
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByLabel('Search orders').fill(playerId);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('1 order', { exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: email })).toBeVisible();
    await page.getByRole('link', { name: /^#\d+$/ }).click();

    await expect(page.getByRole('heading', { name: /^Order #\d+$/ })).toBeVisible();
    await expect(page.getByTestId('admin-order-recipient')).toHaveText(playerId);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByText('Sending → In progress')).toBeVisible();
    await timeline.getByText('Supplier payload').first().click();
    await expect(timeline.getByText('"status": "PENDING"').first()).toBeVisible();

    // A second operator has the same order open, and will press Refund after the first.
    const second = await page.context().newPage();
    await second.goto(page.url());

    const reason = `Stuck at the game operator (${playerId})`;
    await page.getByLabel('Reason for the refund').fill(reason);
    await page.getByRole('button', { name: 'Refund to store balance' }).click();
    await expect(page.getByText(/^Order cancelled and \$\d+\.\d\d refunded to the customer’s store balance\.$/)).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('admin-order-status')).toHaveText('Cancelled');
    await expect(page.getByText('Already refunded to the customer’s store balance.')).toBeVisible();
    await expect(timeline.getByText(`Cancelled and refunded by operator@e2e.test: ${reason}`)).toBeVisible();

    await second.getByLabel('Reason for the refund').fill('Refund again');
    await second.getByRole('button', { name: 'Refund to store balance' }).click();
    await expect(second.getByText(/This order was already refunded on .+\. Nothing was changed\./)).toBeVisible();
    await second.close();

    await customerPage.goto('/account');
    await expect(customerPage.getByTestId('account-balance')).toHaveText('$50.00');
    await customer.close();

    await page.goto(`/admin/orders?q=${playerId}`);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await downloading).path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'number,created_at,status,vertical,product,variant,customer_email,recipient,client_reference,supplier_order_id,retail_amount,retail_currency,wholesale_amount,wholesale_currency,margin,refunded_at,failure_code,completed_at,payment,gift_code_from_order,redeemed_on_orders',
    );
    expect(lines).toHaveLength(2);
    const fields = lines[1]!.split(',');
    expect(fields[2]).toBe('CANCELLED');
    expect(fields[3]).toBe('games');
    expect(fields[6]).toBe(email);
    expect(fields[7]).toBe(playerId);
    expect(fields[8]).toMatch(/^ocs-/);
    expect(fields[15]).toMatch(/^\d{4}-\d\d-\d\dT/);

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('cell', { name: reason })).toBeVisible();
  });

  test('shows the low-balance alert once the supplier wallet is drained, and clears it when topped up', async ({ page }) => {
    await signInAsOperator(page);
    await expect(page.getByTestId('store-wallet')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Supplier wallet low' })).toHaveCount(0);
    try {
      await setSupplierBalance(page, '3.50');
      await page.reload();
      await expect(page.getByRole('alert').filter({ hasText: 'Supplier wallet low' })).toContainText('$3.50 left in the USD wallet, under the $100.00 threshold');
      await expect(page.getByTestId('operator-alerts')).toContainText('The supplier USD wallet is low: $3.50 left');
      await expect(page.getByTestId('store-wallet')).toContainText('$3.50');
    } finally {
      await setSupplierBalance(page, '10000');
    }
    await page.reload();
    await expect(page.getByTestId('store-wallet')).toContainText('$10,000.00');
    await expect(page.getByRole('alert').filter({ hasText: 'Supplier wallet low' })).toHaveCount(0);
    // Other alerts may be open (a sync's catalogue changes, a late delivery): this one has cleared.
    await expect(page.getByTestId('operator-alerts').getByText(/wallet is low/)).toHaveCount(0);
  });

  test('settings: the supplier connection test names the host and client, and a rename shows everywhere', async ({ page }) => {
    await signInAsOperator(page);
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Test supplier connection' }).click();
    await expect(page.getByText(new RegExp(`^Connected to 127\\.0\\.0\\.1:${e2eLayout().sandboxPort} \\(sandbox\\) as client 42, login in \\d+ ms\\.$`))).toBeVisible();
    await expect(page.getByText('sandbox_demo_secret')).toHaveCount(0);

    const storeName = page.getByLabel('Store name');
    const original = await storeName.inputValue();
    await page.getByLabel('Store default markup (%)').fill('ten');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Store default: a percentage from 0 to 999, like 10 or 12.5.')).toBeVisible();
    await page.getByLabel('Store default markup (%)').fill('10');
    await storeName.fill('Squid Shop');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Saved the store name.')).toBeVisible();
    try {
      await page.goto('/');
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Squid Shop/ })).toBeVisible();
      await expect(page).toHaveTitle(/Squid Shop/);
    } finally {
      await page.goto('/admin/settings');
      await page.getByLabel('Store name').fill(original);
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByText('Saved the store name.')).toBeVisible();
    }
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('cell', { name: /^supplier\.connection_test .*clientId: 42/ }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: /^settings\.update storeName: .+ → Squid Shop$/ }).first()).toBeVisible();
  });

  test('admin JSON and CSV routes refuse anyone but operators', async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const path of ['/api/admin/wallets', '/api/admin/orders/export']) {
      expect((await anonymous.get(path)).status(), path).toBe(401);
    }
    await anonymous.dispose();
    await signUp(page);
    for (const path of ['/api/admin/wallets', '/api/admin/orders/export']) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(403);
      expect(await response.text()).toContain('Only store operators can do this.');
    }
  });
});
