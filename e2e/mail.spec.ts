import { expect, test, type Page } from '@playwright/test';
import { customerPassword, e2eOperator, invalidCredentials, isSignedIn, newEmail, signIn, signInAsOperator, signUp, submitSignIn } from './support/accounts';
import { listMail, mailAttachment, waitForMail } from './support/mail';
import { decodeQrPng } from './support/qr';
import { e2eLayout } from './support/slot';

const sandboxControl = `http://127.0.0.1:${e2eLayout().sandboxPort}/__sandbox`;

async function chooseOption(page: Page, name: RegExp) {
  const radio = page.getByRole('radio', { name }).first();
  await page.locator('label').filter({ has: radio }).click();
  await expect(radio).toBeChecked();
}

test.describe('email', () => {
  // Each flow waits on the outbox job and a loaded machine; sign-up hashes a password.
  test.describe.configure({ timeout: 180_000 });
  test('an eSIM buyer finds the receipt and the delivery email, whose QR code decodes to the order page’s LPA string', async ({ page, request }, testInfo) => {
    const email = await signUp(page);
    await page.goto('/esim');
    await page.getByRole('link', { name: /Japan/ }).first().click();
    await chooseOption(page, /^1 GB/);
    await page.getByRole('button', { name: 'Review order' }).click();
    const price = (await page.getByTestId('review-price').textContent())!;
    await page.getByRole('button', { name: `Pay ${price}` }).click();
    await expect(page.getByTestId('order-status')).toHaveText('Delivered', { timeout: 90_000 });
    const orderUrl = page.url();
    const lpa = await page.getByRole('button', { name: 'Copy LPA string' }).locator('xpath=..').locator('code').textContent();
    expect(lpa).toMatch(/^LPA:1\$([^$]+)\$(.+)/);
    const [, smdp, matchingId] = /^LPA:1\$([^$]+)\$(.+)/.exec(lpa!)!;

    const receipt = await waitForMail(request, email, /^Receipt for your .* order #\d+/);
    expect(receipt.text).toContain(price);
    expect(receipt.links).toContain(orderUrl);

    const delivery = await waitForMail(request, email, /^Order #\d+ is delivered/);
    expect(delivery.html).toMatch(/<img[^>]+src="cid:esim-qr-/);
    const qr = delivery.attachments.find((attachment) => attachment.cid?.startsWith('esim-qr-'));
    expect(qr?.contentType).toBe('image/png');
    expect(decodeQrPng(await mailAttachment(request, qr!.path))).toBe(lpa);
    expect(delivery.text).toContain(`SM-DP+ address: ${smdp}`);
    expect(delivery.text).toContain(`Activation code: ${matchingId}`);
    expect(delivery.links).toContain(orderUrl);
    expect(delivery.messageId).toMatch(/^<[0-9a-f-]{36}@/);
    expect(delivery.from).toMatch(/no-reply@/);

    // The Sandbox badge opens the storefront's copy of the catcher's inbox; the email renders with its QR code.
    await page.goto('/');
    await page.getByRole('link', { name: /Sandbox/ }).click();
    await expect(page).toHaveURL(/\/sandbox\/mail\/inbox$/);
    await page.getByLabel('Recipient').fill(email);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('link', { name: delivery.subject }).click();
    const image = page.getByRole('img', { name: 'eSIM QR code' });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('esim-email.png'), fullPage: true });
  });

  test('a forgotten password is reset from the emailed link: the new one signs in, the old session is gone, the link works once', async ({ page, browser, request }, testInfo) => {
    const email = await signUp(page);
    expect(await isSignedIn(page)).toBe(true);

    const other = await browser.newContext();
    const visitor = await other.newPage();
    await visitor.goto('/sign-in');
    await visitor.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(visitor).toHaveURL('/forgot-password');
    // A stranger's address gets the same answer as a customer's.
    const stranger = newEmail('nobody');
    await visitor.getByLabel('Email').fill(stranger);
    await visitor.getByRole('button', { name: 'Email me a reset link' }).click();
    await expect(visitor.getByRole('status')).toHaveText(`If ${stranger} has an account, a reset link is on its way. It works once, for 30 minutes. Check your spam folder if it does not arrive.`);
    await visitor.getByLabel('Email').fill(email);
    await visitor.getByRole('button', { name: 'Email me a reset link' }).click();
    await expect(visitor.getByRole('status')).toHaveText(`If ${email} has an account, a reset link is on its way. It works once, for 30 minutes. Check your spam folder if it does not arrive.`);
    await visitor.screenshot({ path: testInfo.outputPath('forgot-password.png'), fullPage: true });

    const mail = await waitForMail(request, email, /^Reset your .* password$/);
    const link = mail.links.find((href) => href.includes('/reset-password?token='));
    expect(link).toBeDefined();
    expect(await listMail(request, stranger)).toHaveLength(0);

    await visitor.goto(link!);
    await expect(visitor.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await expect(visitor.getByText(`For ${email}.`)).toBeVisible();
    const newPassword = 'lantern orbit cactus 42 meadow';
    await visitor.getByLabel('New password', { exact: true }).fill('short');
    await visitor.getByLabel('Repeat the new password').fill('short');
    await visitor.getByRole('button', { name: 'Set new password' }).click();
    await expect(visitor.getByText('Please correct the highlighted fields.')).toBeVisible();
    await visitor.screenshot({ path: testInfo.outputPath('reset-password.png'), fullPage: true });
    await visitor.getByLabel('New password', { exact: true }).fill(newPassword);
    await visitor.getByLabel('Repeat the new password').fill(newPassword);
    await visitor.getByRole('button', { name: 'Set new password' }).click();
    await expect(visitor).toHaveURL('/sign-in?reset=done');
    await expect(visitor.getByRole('status')).toContainText('Your password is changed');

    await submitSignIn(visitor, email, customerPassword);
    await expect(visitor.getByText(invalidCredentials)).toBeVisible();
    await signIn(visitor, email, newPassword);

    // The browser that was signed in before the reset is signed out.
    expect(await isSignedIn(page)).toBe(false);

    // The link is spent.
    await visitor.goto(link!);
    await expect(visitor.getByText('This link was already used: each link works once. Ask for a new one if you still need it.')).toBeVisible();
    await expect(visitor.getByRole('link', { name: 'Get a new reset link' })).toBeVisible();
    await visitor.goto('/reset-password?token=not-a-real-token');
    await expect(visitor.getByText('This link is not valid. Copy the whole link from the email, or ask for a new one.')).toBeVisible();
    await other.close();
  });

  test('a new account gets a verification email whose link confirms the address', async ({ page, request }) => {
    const email = await signUp(page);
    const mail = await waitForMail(request, email, /^Confirm your email address/);
    const link = mail.links.find((href) => href.includes('/verify-email?token='));
    await page.goto(link!);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await expect(page.getByRole('status')).toHaveText(`Thank you: ${email} is confirmed.`);
    await page.goto(link!);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await expect(page.getByText('This link was already used')).toBeVisible();
  });

  test('a drained supplier wallet sends the operator one alert email, however often it is seen', async ({ page, request }) => {
    const startedAt = new Date().toISOString();
    const alertsSince = async () =>
      (await listMail(request, e2eOperator.email)).filter((mail) => mail.receivedAt >= startedAt && /wallet is low/.test(mail.subject));
    await signInAsOperator(page);
    try {
      expect((await page.request.put(`${sandboxControl}/wallets/USD`, { data: { balance: '2.25' } })).ok()).toBe(true);
      // Every dashboard view checks the wallet: the alert is seen three times.
      for (let view = 0; view < 3; view++) {
        await page.reload();
        await expect(page.getByTestId('operator-alerts')).toContainText('The supplier USD wallet is low: $2.25 left');
      }
      const mail = await waitForMail(request, e2eOperator.email, /USD wallet is low/);
      expect(mail.text).toContain('$2.25 left');
      expect(mail.links.some((link) => link.endsWith('/admin'))).toBe(true);
      // Another check and two outbox passes later, still one email.
      await page.reload();
      await page.waitForTimeout(7_000);
      expect(await alertsSince()).toHaveLength(1);
    } finally {
      await page.request.put(`${sandboxControl}/wallets/USD`, { data: { balance: '10000' } });
    }
    await page.reload();
    // Other alerts may be open (a sync's catalogue changes): this one has cleared.
    await expect(page.getByTestId('operator-alerts').getByText(/wallet is low/)).toHaveCount(0);
  });
});
