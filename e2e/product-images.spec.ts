import { expect, test } from '@playwright/test';

test('gift cards show the supplier pictures from our own origin, and the tile where there is none', async ({ page }) => {
  await page.goto('/vouchers');
  const pictures = page.locator('main img[src*="%2Fapi%2Fproduct-images%2F"]');
  await expect(pictures.first()).toBeVisible();
  const count = await pictures.count();
  const cards = await page.getByRole('list', { name: 'Gift cards' }).getByRole('listitem').count();
  // Every seventh sandbox product lists no picture: those keep the initials tile.
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(cards);

  const src = (await pictures.first().getAttribute('src'))!;
  const optimised = await page.request.get(src);
  expect(optimised.status()).toBe(200);
  expect(optimised.headers()['content-type']).toMatch(/^image\//);
  const original = new URL(src, page.url()).searchParams.get('url')!;
  const stored = await page.request.get(original);
  expect(stored.status()).toBe(200);
  expect(stored.headers()['content-type']).toBe('image/png');
  expect(stored.headers()['cache-control']).toContain('immutable');
  expect((await page.request.get('/api/product-images/not-a-product')).status()).toBe(404);

  // No picture is loaded from another host.
  const hosts = await page.evaluate(() => [...document.images].map((image) => new URL(image.currentSrc || image.src).host));
  expect(new Set(hosts)).toEqual(new Set([new URL(page.url()).host]));
  await page.screenshot({ path: test.info().outputPath('vouchers.png') });
});
