import { createHash } from 'node:crypto';
import { devices, expect, test, type Page } from '@playwright/test';
import { productArtPng } from '../sandbox/engine/images';
import { e2eOperator, signUp } from './support/accounts';
import { CheckoutPage } from './support/checkout';

/*
 * An operator gives a product its own picture, description and "How to redeem" steps in the
 * console (desktop); a customer on a phone sees them, served from our origin and without any of
 * the operator's script. eSIM install steps follow the device.
 */

const shotDir = 'test-results/product-content';
const shot = (page: Page, name: string) => page.screenshot({ path: `${shotDir}/${name}.png`, fullPage: true });
// The shared helpers wait 10 s for the sign-in redirect; a loaded machine took longer for the first one.
async function signInAsOperator(page: Page) {
  await page.goto('/sign-in?callbackUrl=%2Fadmin');
  await page.getByLabel('Email').fill(e2eOperator.email);
  await page.getByLabel('Password').fill(e2eOperator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/admin', { timeout: 45_000 });
}
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test.describe('operator content on the store', () => {
  // The console is a desktop screen, the customer is on this project's phone.
  test.skip(({ isMobile }) => !isMobile, 'customer screens run on the phone project');
  test.beforeEach(() => test.setTimeout(240_000));

  test('a picture, a description with a script attempt and redemption steps reach the customer, safely', async ({ page, browser }) => {
    const picture = productArtPng('Operator Art');
    const console = await browser.newContext({ ...devices['Desktop Chrome'] });
    const admin = await console.newPage();
    await signInAsOperator(admin);
    await admin.goto('/admin/catalogue?q=Uber');
    await admin.getByRole('link', { name: /^Uber Gift Card/ }).first().click();
    await expect(admin.getByRole('heading', { name: 'Picture' })).toBeVisible();

    // A web page renamed .png is refused by its bytes, with a message.
    const upload = admin.getByLabel('Upload a new picture');
    await upload.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await admin.getByRole('button', { name: 'Upload picture' }).click();
    await expect(admin.getByRole('status').or(admin.getByRole('alert')).filter({ hasText: 'not a PNG, JPEG or WebP picture' }).first()).toBeVisible();

    await upload.setInputFiles({ name: 'uber.png', mimeType: 'image/png', buffer: picture });
    await admin.getByRole('button', { name: 'Upload picture' }).click();
    await expect(admin.getByText('New picture saved for Uber Gift Card')).toBeVisible();
    await expect(admin.getByTestId('picture-source')).toContainText('Uploaded by operator@e2e.test');
    await expect(admin.getByRole('button', { name: 'Use the supplier’s picture' })).toBeVisible();

    await admin.getByLabel('Description').fill(
      'Ride and eat with **Uber credit**.\n\n<script>window.__pwned = true</script>\n\n<img src=x onerror="window.__pwned = true">\n\n[Terms](javascript:window.__pwned=true)',
    );
    await admin.getByLabel('How to redeem').fill('1. Open the Uber app\n2. Go to **Wallet** › Add gift card\n3. Enter the code from your order');
    await admin.getByRole('button', { name: 'Save text' }).click();
    await expect(admin.getByText('Saved the text of Uber Gift Card')).toBeVisible();
    await shot(admin, 'console-product');

    await admin.goto('/admin/audit');
    const audit = admin.getByRole('main');
    await expect(audit).toContainText('catalogue.image_upload');
    await expect(audit).toContainText('catalogue.content');
    await console.close();

    // The customer, on a phone.
    await signUp(page);
    const checkout = new CheckoutPage(page);
    await checkout.open('/vouchers?q=Uber', /^Uber Gift Card/);
    const description = page.getByTestId('product-description');
    await expect(description.locator('strong')).toHaveText('Uber credit');
    await expect(description).toContainText('<script>window.__pwned = true</script>');
    await expect(description.locator('script, img, iframe')).toHaveCount(0);
    expect(await description.getByRole('link', { name: 'Terms' }).getAttribute('href')).not.toMatch(/^javascript:/i);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    const steps = page.getByTestId('redeem-steps');
    await expect(steps.getByRole('heading', { name: 'How to redeem' })).toBeVisible();
    await expect(steps.getByRole('listitem')).toHaveText(['Open the Uber app', 'Go to Wallet › Add gift card', 'Enter the code from your order']);

    // The new picture, from our own origin, is the bytes the operator uploaded.
    const image = page.locator('article header img');
    await expect(image).toBeVisible();
    const src = (await image.getAttribute('src'))!;
    const original = new URL(src, page.url()).searchParams.get('url')!;
    expect(original).toMatch(/^\/api\/product-images\/[0-9a-f-]{36}\?v=/);
    const stored = await page.request.get(original);
    expect(sha(await stored.body())).toBe(sha(picture));
    const hosts = await page.evaluate(() => [...document.images].map((img) => new URL(img.currentSrc || img.src).host));
    expect(new Set(hosts)).toEqual(new Set([new URL(page.url()).host]));
    await shot(page, 'phone-product');

    // After buying: the codes, then the same steps.
    await checkout.chooseOption(/^\$25\.00/);
    await checkout.reviewAndPay();
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 60_000 });
    await expect(page.getByTestId('redeem-steps').getByRole('listitem').first()).toHaveText('Open the Uber app');
    await shot(page, 'phone-order-redeem');
  });

  test('an eSIM bought on an iPhone shows the iOS install steps, with a switch to Android', async ({ browser }) => {
    const iphone = await browser.newContext({ ...devices['iPhone 13'] });
    const page = await iphone.newPage();
    await signUp(page);
    const checkout = new CheckoutPage(page);
    await checkout.open('/esim', /Japan/);
    await expect(page.getByRole('link', { name: 'How to check and install' })).toHaveAttribute('href', '/help/esim');
    await checkout.chooseOption(/^1 GB/);
    await checkout.reviewAndPay();
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 90_000 });
    const steps = page.getByTestId('esim-install-steps');
    await expect(steps).toHaveAttribute('data-device', 'ios');
    await expect(page.getByRole('link', { name: 'Install on this iPhone' })).toBeVisible();
    await expect(steps.getByRole('region', { name: 'Install on iPhone or iPad' })).toContainText('Settings › Cellular');
    await expect(steps.getByRole('region', { name: 'Install on Android' })).toHaveCount(0);
    await shot(page, 'iphone-esim-order');
    await steps.getByRole('button', { name: 'Android' }).click();
    await expect(steps.getByRole('region', { name: 'Install on Android' })).toContainText('SIM manager');
    await expect(steps.getByRole('region', { name: 'Install on iPhone or iPad' })).toHaveCount(0);
    await steps.getByRole('link', { name: 'eSIM help' }).click();
    await expect(page.getByRole('heading', { name: 'Does my phone support eSIM?' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('*#06#');
    await shot(page, 'iphone-esim-help');
    await iphone.close();
  });

  test('sandbox test products sit in their own labelled group, and a failed order links to help', async ({ page }) => {
    await signUp(page);
    await page.goto('/esim');
    const scenarios = page.getByRole('region', { name: 'Test scenarios' });
    await expect(scenarios.getByRole('link', { name: /Sandbox Test eSIM/ })).toBeVisible();
    await expect(scenarios).toContainText('Sandbox only');
    await expect(page.getByRole('list', { name: 'Destinations' }).getByRole('link', { name: /Sandbox/ })).toHaveCount(0);
    await page.getByRole('searchbox').fill('Sandbox');
    await page.getByRole('searchbox').press('Enter');
    await expect(page.getByRole('list', { name: 'Destinations' })).toHaveCount(0);
    await shot(page, 'phone-test-scenarios');

    const checkout = new CheckoutPage(page);
    await scenarios.getByRole('link', { name: /Sandbox Test eSIM/ }).click();
    await checkout.chooseOption(/fails, plan unavailable/);
    await checkout.reviewAndPay();
    await expect(page.getByTestId('order-status')).toHaveText(/^(Failed|Not placed)$/, { timeout: 60_000 });
    await expect(page.getByRole('link', { name: 'How refunds work' })).toHaveAttribute('href', '/help/refunds');
    await expect(page.getByRole('link', { name: 'Contact us' }).first()).toBeVisible();
    await shot(page, 'phone-failed-order');
  });
});
