import { expect, test } from '@playwright/test';
import { signInAsOperator } from './support/accounts';

test.describe('help pages', () => {
  // A dozen page loads each; a loaded machine overran the default minute.
  test.beforeEach(() => test.setTimeout(180_000));

  test('a visitor finds help from the footer and through the usual addresses', async ({ page }) => {
    await page.goto('/');
    const footerHelp = page.getByRole('navigation', { name: 'Help' });
    await footerHelp.getByRole('link', { name: 'eSIM help' }).click();
    await expect(page).toHaveURL(/\/help\/esim$/);
    await expect(page.getByRole('heading', { level: 1, name: 'eSIM help' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Does my phone support eSIM?' })).toBeVisible();
    await expect(page.getByText('*#06#')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('esim-help.png'), fullPage: true });

    for (const [alias, title] of [
      ['/faq', 'Frequently asked questions'],
      ['/terms', 'Terms of sale'],
      ['/privacy', 'Privacy policy'],
      ['/refund-policy', 'Refund policy'],
      ['/contact', 'Contact us'],
    ] as const) {
      await page.goto(alias);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    }
    // The store's name and currency fill the default text's placeholders.
    await page.goto('/help/faq');
    await expect(page.getByText('{{')).toHaveCount(0);
    await expect(page.getByText(/Prices are charged in USD/)).toBeVisible();

    expect((await page.request.get('/help/nothing-here')).status()).toBe(404);
  });

  test('an operator rewrites the terms; raw HTML shows as text; bad input changes nothing; reset brings the default back', async ({ page, browser }) => {
    await signInAsOperator(page);
    await page.goto('/admin/help');
    await page.getByRole('link', { name: 'Edit Terms of sale' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit “Terms of sale”' })).toBeVisible();

    const title = page.getByLabel('Title');
    const text = page.getByLabel('Text (Markdown)');
    await text.fill('');
    await page.getByRole('button', { name: 'Save page' }).click();
    await expect(page.getByText('Write the page, or reset it to the default text.')).toBeVisible();
    await expect(text).toHaveAttribute('aria-invalid', 'true');

    const marker = `Shipping ${Date.now()}`;
    await title.fill('Our terms');
    await text.fill(`## ${marker}\n\nCodes are final. <script>window.pwned = true</script> <img src=x onerror="window.pwned=true">\n\n- one\n- two\n\n[Refunds](/help/refunds)`);
    await page.getByRole('button', { name: 'Save page' }).click();
    await expect(page.getByText('Saved “Our terms”. Customers see it now.')).toBeVisible();

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto('/terms');
    await expect(visitor.getByRole('heading', { level: 1, name: 'Our terms' })).toBeVisible();
    await expect(visitor.getByRole('heading', { level: 2, name: marker })).toBeVisible();
    await expect(visitor.getByText('<script>window.pwned = true</script>', { exact: false })).toBeVisible();
    expect(await visitor.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    expect(await visitor.locator('article script, article img').count()).toBe(0);
    await expect(visitor.getByRole('listitem').filter({ hasText: 'two' })).toBeVisible();
    await visitor.getByRole('link', { name: 'Refunds', exact: true }).click();
    await expect(visitor).toHaveURL(/\/help\/refunds$/);

    await page.goto('/admin/audit');
    await expect(page.getByRole('cell', { name: /help\.update/ }).first()).toBeVisible();

    await page.goto('/admin/help/terms');
    await page.getByRole('button', { name: 'Reset to the default text' }).click();
    await expect(page.getByText('Back to the default text.')).toBeVisible();
    await visitor.goto('/terms');
    await expect(visitor.getByRole('heading', { level: 1, name: 'Terms of sale' })).toBeVisible();
  });
});
