import { expect as baseExpect, test, type BrowserContextOptions } from '@playwright/test';
import { customerPassword, newEmail } from './support/accounts';
import { CheckoutPage } from './support/checkout';

// One long journey (sign-up, a purchase that completes, four languages switches) on a shared, busy machine.
const expect = baseExpect.configure({ timeout: 30_000 });

const shots = (name: string, project: string) => `test-results/languages/${project}-${name}.png`;

test.describe('languages', () => {
  test('a customer whose browser asks for Indonesian buys a top-up in Indonesian, then switches to English for good', async ({ page: englishPage, browser }, testInfo) => {
    test.setTimeout(300_000);
    await englishPage.goto('/sign-up');
    await englishPage.getByLabel('Email').fill(newEmail());
    await englishPage.getByLabel('Password').fill(customerPassword);
    await englishPage.getByRole('button', { name: 'Create account' }).click();
    await expect(englishPage).toHaveURL('/account', { timeout: 60_000 });
    // The same customer on a browser set to Indonesian (Accept-Language: id-ID), as a phone set to Bahasa Indonesia is.
    const context = await browser.newContext({ ...(testInfo.project.use as BrowserContextOptions), locale: 'id-ID' });
    await context.addCookies(await englishPage.context().cookies());
    const page = await context.newPage();

    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Top up, kirim hadiah, dan jalan-jalan. Sampai dalam hitungan detik.');
    await expect(page.getByRole('heading', { name: 'Belanja per kategori' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Utama' }).getByRole('link', { name: 'Game', exact: true })).toBeVisible();
    // The header balance is written the Indonesian way: "US$" and a decimal comma.
    await expect(page.getByRole('link', { name: /^Akun Anda, saldo US\$\d[\d.]*,\d\d$/ })).toBeVisible();
    await page.screenshot({ path: shots('id-home', testInfo.project.name), fullPage: false });
    // The footer's currency picker, its "store currency only" choice included.
    await expect(page.getByLabel('Tampilkan harga juga dalam').locator('option').first()).toHaveText('Hanya USD (mata uang toko)');

    const checkout = new CheckoutPage(page);
    await checkout.open('/games', /PUBG Mobile UC/);
    await expect(page.getByRole('heading', { name: 'Beli', exact: true })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Pilih paket' })).toBeVisible();
    // Rupiah estimates beside the store's dollar prices (the display currency follows the region).
    await expect(page.getByRole('group', { name: 'Pilih paket' }).getByTestId('display-price').first()).toHaveText(/^≈ Rp\s?\d{1,3}(\.\d{3})*$/);
    await checkout.chooseOption(/^325 UC/);
    // Our own validation messages are Indonesian too (the field's label comes from the supplier).
    await page.getByRole('button', { name: 'Tinjau pesanan' }).click();
    await expect(page.getByText('Masukkan Player ID Anda.')).toBeVisible();
    await page.screenshot({ path: shots('id-product', testInfo.project.name), fullPage: true });
    await checkout.fillPlayerId('5123456789');
    await page.getByRole('button', { name: 'Tinjau pesanan' }).click();

    await expect(page.getByRole('heading', { name: 'Konfirmasi pesanan Anda' })).toBeVisible();
    const price = (await page.getByTestId('review-price').textContent())!;
    expect(price).toMatch(/^US\$\d+,\d\d$/);
    // The confirm step shows only the exact amount charged, in the store's currency.
    await expect(page.locator('main').getByText(/≈|Rp/)).toHaveCount(0);
    await expect(page.getByText('Saldo setelahnya')).toBeVisible();
    await page.screenshot({ path: shots('id-confirm', testInfo.project.name), fullPage: false });
    await page.getByRole('button', { name: `Bayar ${price}` }).click();

    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Pesanan #\d+$/);
    await expect(page.getByTestId('order-payment')).toHaveText('Saldo toko');
    await expect(page.getByTestId('order-status')).toHaveText('Terkirim', { timeout: 60_000 });
    await expect(page.getByText('Pesanan dibuat dan dibayar')).toBeVisible();
    await page.screenshot({ path: shots('id-order', testInfo.project.name), fullPage: true });

    // The switcher in the footer: English, remembered over the browser's Indonesian.
    await page.getByRole('form', { name: 'Bahasa' }).getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Order #\d+$/);
    await expect(page.getByTestId('order-status')).toHaveText('Delivered');
    await expect(page.getByTestId('order-payment')).toHaveText('Store balance');
    await page.screenshot({ path: shots('en-order', testInfo.project.name), fullPage: true });

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Top up, gift and travel. Delivered in seconds.');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: /^Your account, balance \$\d[\d,]*\.\d\d$/ })).toBeVisible();
    await page.goto('/games');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Game top-ups');
    await page.screenshot({ path: shots('en-games', testInfo.project.name), fullPage: false });

    // And back: the switcher works the other way too.
    await page.getByRole('form', { name: 'Language' }).getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Top up game');
    await context.close();
  });
});
