import { expect, type Page } from '@playwright/test';

/** A customer buys PUBG UC for a player ID through the real storefront; returns the order page URL. */
export async function buyPubg(page: Page, playerId: string): Promise<string> {
  await page.goto('/games');
  await page.getByRole('link', { name: /PUBG Mobile UC/ }).first().click();
  await page.getByText('325 UC', { exact: true }).click();
  await page.getByLabel('Player ID').fill(playerId);
  await page.getByRole('button', { name: 'Review order' }).click();
  const price = (await page.getByTestId('review-price').textContent())!;
  await page.getByRole('button', { name: `Pay ${price}` }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  return page.url();
}
