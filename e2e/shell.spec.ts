import { expect, test } from '@playwright/test';

test.describe('storefront shell', () => {
  test('home page shows the store, the sandbox badge and every vertical', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Octopus Store/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The badge links to the sandbox's inbox of sent emails while mail goes to the catcher.
    await expect(page.getByRole('link', { name: /^Sandbox/ })).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Vouchers', 'Games', 'Mobile', 'eSIM']) {
      await expect(nav.getByRole('link', { name: label })).toBeVisible();
    }
  });

  test('navigation leads to each vertical and marks it current', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const cases = [
      ['Games', '/games', 'Game top-ups'],
      ['eSIM', '/esim', 'Travel eSIMs'],
      ['Mobile', '/mobile', 'Mobile recharge'],
      ['Vouchers', '/vouchers', 'Gift cards & vouchers'],
    ] as const;
    for (const [label, path, heading] of cases) {
      await nav.getByRole('link', { name: label }).click();
      await expect(page).toHaveURL(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
    }
  });

  test('health endpoint reports database and supplier without leaking the upstream URL', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', database: { ok: true }, supplier: { ok: true, sandbox: true } });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|localhost|https?:/);
  });

  test('unknown pages answer 404 with a way back', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await page.getByRole('link', { name: 'Back to the store' }).click();
    await expect(page).toHaveURL('/');
  });
});
