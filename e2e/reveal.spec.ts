import { expect, test, type Page, type Route } from '@playwright/test';
import { SandboxControl } from '../sandbox/control';
import { signUp } from './support/accounts';
import { CheckoutPage } from './support/checkout';
import { e2eLayout } from './support/slot';

const supplier = new SandboxControl(`http://127.0.0.1:${e2eLayout().sandboxPort}`);

/** The newest supplier voucher order for the sandbox test card's partial scenario (denomination 2). */
async function newestPartialOrder(after: number): Promise<number> {
  const orders = await supplier.listOrders({ vertical: 'voucher' });
  const mine = orders.filter((o) => o.id > after && o.api.denomination === 2 && o.status === 'PARTIALLY_DELIVERED');
  return mine.at(-1)?.id ?? 0;
}

/**
 * Holds the order page's own server re-render (the RSC GET that router.refresh() sends) until
 * released, so a click can land exactly while the page refreshes itself. Server actions (POST)
 * go through untouched.
 */
async function holdRefreshes(page: Page) {
  const held: Route[] = [];
  let holding = true;
  await page.route(
    (url) => url.pathname.startsWith('/orders/') && url.searchParams.has('_rsc'),
    async (route) => {
      if (holding && route.request().method() === 'GET') held.push(route);
      else await route.continue();
    },
  );
  return {
    held: () => held.length,
    release: async () => {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

/** A signed-in customer buys two $2 sandbox test cards (one code now, one later); returns the supplier's order id. */
async function buyHalfDeliveredPair(page: Page): Promise<number> {
  await signUp(page);
  const before = Math.max(0, ...(await supplier.listOrders({ vertical: 'voucher' })).map((o) => o.id));
  const checkout = new CheckoutPage(page);
  await page.goto('/vouchers');
  await page.getByRole('searchbox').fill('Sandbox Test');
  await page.getByRole('searchbox').press('Enter');
  await page.getByRole('link', { name: /^Sandbox Test Gift Card/ }).first().click();
  await checkout.chooseOption(/^\$2\.00/);
  await page.getByLabel('Quantity').selectOption('2');
  await checkout.reviewAndPay();

  // The supplier delivers one of the two codes now; the page offers it and keeps watching.
  await expect(page.getByTestId('partial-progress')).toHaveText(/1 of 2 ready/, { timeout: 45_000 });
  let supplierId = 0;
  await expect.poll(async () => (supplierId = await newestPartialOrder(before))).toBeGreaterThan(0);
  return supplierId;
}

test.describe('revealing codes while the order page refreshes itself', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a click on Reveal while the page refreshes for the last code is not lost', async ({ page }, testInfo) => {
    const supplierId = await buyHalfDeliveredPair(page);

    // The last code arrives. The live status turns Delivered at once and the page asks the
    // server for the new codes; that refresh is held while the customer presses Reveal.
    const refreshes = await holdRefreshes(page);
    await supplier.resolveOrder('voucher', supplierId, 'DELIVERED');
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 45_000 });
    await expect.poll(refreshes.held).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^Reveal code/ }).click();
    await refreshes.release();

    // One click is enough: both codes show, with nothing left to press.
    await expect(page.getByTestId('voucher-code')).toHaveCount(2, { timeout: 20_000 });
    await expect(page.getByRole('button', { name: /^Reveal code/ })).toHaveCount(0);
    await expect(page.getByTestId('partial-progress')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('revealed-after-refresh.png'), fullPage: true });
  });

  test('codes revealed while the order is partly delivered stay revealed, and the rest join them by themselves', async ({ page }, testInfo) => {
    const supplierId = await buyHalfDeliveredPair(page);
    await page.getByRole('button', { name: 'Reveal code' }).click();
    await expect(page.getByTestId('voucher-code')).toHaveCount(1);
    await supplier.resolveOrder('voucher', supplierId, 'DELIVERED');
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 45_000 });
    await expect(page.getByTestId('voucher-code')).toHaveCount(2, { timeout: 20_000 });
    await expect(page.getByRole('button', { name: /^Reveal code/ })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('partial-then-complete.png'), fullPage: true });
  });
});
