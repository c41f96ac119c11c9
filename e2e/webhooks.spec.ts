import { expect, test, type Page } from '@playwright/test';
import { signInAsOperator, signUp } from './support/accounts';
import { e2eLayout } from './support/slot';

const sandboxControl = `http://127.0.0.1:${e2eLayout().sandboxPort}/__sandbox`;

type ControlOrder = { id: number; status: string; api: { quantity: number; denomination: number; delivered_quantity: number } };

async function sandboxVoucherOrders(page: Page): Promise<ControlOrder[]> {
  const response = await page.request.get(`${sandboxControl}/orders?vertical=voucher`);
  expect(response.ok()).toBe(true);
  return response.json();
}

async function advanceSandbox(page: Page, ms: number) {
  expect((await page.request.post(`${sandboxControl}/clock/advance`, { data: { ms } })).ok()).toBe(true);
}

test('a 7-code gift card order arrives partly, shows the first codes, and completes without a reload', async ({ page, browser }, testInfo) => {
  test.setTimeout(300_000);
  await signUp(page);
  await page.goto('/vouchers');
  await page.getByRole('searchbox').fill('Sandbox Test');
  await page.getByRole('searchbox').press('Enter');
  await page.getByRole('link', { name: /^Sandbox Test Gift Card/ }).first().click();
  const option = page.getByRole('radio', { name: /^\$2\.00/ }).first();
  await page.locator('label').filter({ has: option }).click();
  await page.getByLabel('Quantity').selectOption('7');
  await page.getByRole('button', { name: 'Review order' }).click();
  const price = (await page.getByTestId('review-price').textContent())!;
  await page.getByRole('button', { name: `Pay ${price}` }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderUrl = page.url();
  await expect(page.getByTestId('order-status')).toHaveText('In progress');

  // Over five codes the supplier answers PENDING; move its clock to the first (partial) delivery.
  let supplierId = 0;
  await expect
    .poll(async () => {
      supplierId = (await sandboxVoucherOrders(page)).find((o) => o.status === 'PENDING' && o.api.quantity === 7 && o.api.denomination === 2)?.id ?? 0;
      return supplierId;
    }, { timeout: 20_000 })
    .toBeGreaterThan(0);
  await advanceSandbox(page, 15_000);
  await expect.poll(async () => (await sandboxVoucherOrders(page)).find((o) => o.id === supplierId)?.status).toBe('PARTIALLY_DELIVERED');

  // The page shows the first four codes and says the rest are coming; it is still watching.
  await expect(page.getByTestId('partial-progress')).toHaveText(/4 of 7 ready, the rest are on the way/, { timeout: 45_000 });
  await expect(page.getByTestId('order-status')).toHaveText('In progress');
  await page.getByRole('button', { name: 'Reveal codes' }).click();
  await expect(page.getByTestId('voucher-code')).toHaveCount(4);
  await page.screenshot({ path: testInfo.outputPath('partial.png'), fullPage: true });

  // The supplier delivers the rest: the same page (no reload) shows all seven.
  await advanceSandbox(page, 60_000);
  await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 45_000 });
  await expect(page.getByTestId('partial-progress')).toHaveCount(0);
  await expect(page).toHaveURL(orderUrl);
  // Revealed once is revealed: the three new codes join the four without another click.
  await expect(page.getByRole('button', { name: 'Reveal codes' })).toHaveCount(0);
  await expect(page.getByTestId('voucher-code')).toHaveCount(7);
  await expect(page.getByText('could be delivered')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('complete.png'), fullPage: true });

  // The operator's order page lists the supplier webhooks received for it.
  const operator = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
  const admin = await operator.newPage();
  await signInAsOperator(admin);
  await admin.goto(`/admin/orders/${orderUrl.split('/').at(-1)}`);
  const webhooks = admin.getByTestId('order-webhooks');
  await expect(webhooks.getByText('order.partially_delivered')).toBeVisible();
  await expect(webhooks.getByText('order.delivered')).toBeVisible();
  await expect(webhooks.getByText(/4 of 7 delivered · processed/)).toBeVisible();
  await admin.getByRole('heading', { name: 'Supplier webhooks' }).scrollIntoViewIfNeeded();
  await admin.screenshot({ path: testInfo.outputPath('operator.png'), fullPage: true });
  await operator.close();
});
