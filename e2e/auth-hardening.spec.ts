import { expect, test, type Page } from '@playwright/test';
import { copySession, customerPassword, invalidCredentials, isSignedIn, newEmail, signIn, signUp, submitSignIn } from './support/accounts';
import { callServerAction, listServerActions } from './support/server-actions';

/** Off-site or broken destinations, as they appear in the query string (already encoded). */
const CALLBACK_PAYLOADS = [
  '/%09/evil.example',
  '/%0B/x',
  '/%0D/x',
  '/%0A/evil.example',
  '/%E3%80%80/x',
  '//evil.example',
  '/%5Cevil.example',
  '/%5C/evil.example',
  '/..//evil.example',
  '/%2E%2E//evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '%',
];

function expectSameOrigin(page: Page, payload: string) {
  const landed = new URL(page.url());
  expect(landed.host, `callbackUrl=${payload} landed on ${page.url()}`).toBe(new URL(test.info().project.use.baseURL!).host);
}

test.describe('sessions end for good', () => {
  test('signing out ends a copied session cookie too', async ({ page, browser }) => {
    await signUp(page);
    const thief = await copySession(page, browser);
    const thiefPage = await thief.newPage();
    expect(await isSignedIn(thiefPage)).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await expect(page).toHaveURL('/');
    await thiefPage.goto('/account');
    await expect(thiefPage).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
    await thief.close();
  });

  test('changing the password keeps this browser and signs every other one out', async ({ page, browser }) => {
    const email = await signUp(page);
    // A copy of this cookie is this very session and stays; a sign-in elsewhere is another one.
    const otherDevice = await browser.newContext();
    const otherPage = await otherDevice.newPage();
    await signIn(otherPage, email, customerPassword);

    await page.goto('/account');
    const form = page.getByRole('region', { name: 'Password' });
    await form.getByLabel('Current password').fill('not my password at all');
    await form.getByLabel('New password', { exact: true }).fill('password123');
    await form.getByLabel('Confirm new password').fill('password1234');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByText('That is not your current password.')).toBeVisible();
    await expect(form.getByText('This is a commonly used password.', { exact: false })).toBeVisible();
    await expect(form.getByText('This does not match the new password.')).toBeVisible();
    expect(await isSignedIn(otherPage)).toBe(true);

    const newPassword = 'plum orbit lantern 42';
    await page.goto('/account');
    await form.getByLabel('Current password').fill(customerPassword);
    await form.getByLabel('New password', { exact: true }).fill(newPassword);
    await form.getByLabel('Confirm new password').fill(newPassword);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByText('Password changed. You stay signed in here; every other device has been signed out.')).toBeVisible();
    await expect(form.getByLabel('Current password')).toHaveValue('');

    expect(await isSignedIn(page)).toBe(true);
    expect(await isSignedIn(otherPage)).toBe(false);
    await submitSignIn(otherPage, email, customerPassword);
    await expect(otherPage.getByText(invalidCredentials)).toBeVisible();
    await submitSignIn(otherPage, email, newPassword);
    await expect(otherPage).toHaveURL('/account');
    await otherDevice.close();
  });
});

test.describe('sign-in and sign-up say nothing about who has an account', () => {
  test('an unknown email and a wrong password get the same answer, in the form and from Auth.js', async ({ page }) => {
    const email = await signUp(page);
    await page.context().clearCookies();
    await page.goto('/sign-in');
    // The sign-in form, not the language switcher's form below it.
    const signInForm = page.locator('form').filter({ has: page.getByLabel('Password') });
    await submitSignIn(page, email, 'not my password at all');
    await expect(signInForm.getByRole('alert')).toHaveText(invalidCredentials);
    const wrongPassword = await signInForm.innerText();

    await page.goto('/sign-in');
    await submitSignIn(page, newEmail('nobody'), 'not my password at all');
    await expect(signInForm.getByRole('alert')).toHaveText(invalidCredentials);
    expect(await signInForm.innerText()).toBe(wrongPassword);
    await expect(page.getByRole('textbox', { name: 'Email' })).not.toHaveAttribute('aria-invalid');

    // Auth.js's own credentials endpoint puts the refusal code in its redirect.
    const refusal = async (account: string) => {
      const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const response = await page.request.post('/api/auth/callback/credentials', {
        form: { email: account, password: 'not my password at all', csrfToken },
        maxRedirects: 0,
      });
      return new URL(response.headers().location!).search;
    };
    expect(await refusal(email)).toBe(await refusal(newEmail('nobody')));
  });

  test('signing up with a registered email never says so; its own password signs the owner in', async ({ page, browser }) => {
    const email = await signUp(page);
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto('/sign-up');
    await strangerPage.getByLabel('Email').fill(email.toUpperCase());
    await strangerPage.getByLabel('Password').fill('another fine passphrase');
    await strangerPage.getByRole('button', { name: 'Create account' }).click();
    await expect(strangerPage.getByRole('status')).toHaveText('Check your inbox: if this address can be used, we have sent you the next step.');
    await expect(strangerPage.getByText(/already|exists|sign in instead/i)).toHaveCount(0);
    expect(await isSignedIn(strangerPage)).toBe(false);
    await stranger.close();

    await page.context().clearCookies();
    await page.goto('/sign-up?callbackUrl=%2Forders%2Fnone');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(customerPassword);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL('/orders/none');
    expect(await isSignedIn(page)).toBe(true);
  });
});

test.describe('rate limits', () => {
  test('a stranger typing wrong passwords from another address does not lock the owner out', async ({ browser }) => {
    // The e2e server runs with TRUST_PROXY=1: X-Forwarded-For plays the part of the proxy's header.
    const owner = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.7' } });
    const ownerPage = await owner.newPage();
    const email = await signUp(ownerPage);
    await owner.clearCookies();

    const stranger = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.66' } });
    const strangerPage = await stranger.newPage();
    await strangerPage.goto('/sign-in');
    for (let attempt = 0; attempt < 10; attempt++) {
      await submitSignIn(strangerPage, email, `wrong password ${attempt}`);
      // React resets the form once the action answers: that is the signal to try again.
      await expect(strangerPage.getByLabel('Password')).toHaveValue('');
    }
    await submitSignIn(strangerPage, email, customerPassword);
    await expect(strangerPage.getByText(/Too many sign-in attempts\. Try again in \d+ minutes?\./)).toBeVisible();

    await signIn(ownerPage, email, customerPassword);
    await stranger.close();
    await owner.close();
  });
});

test.describe('callbackUrl stays on this site', () => {
  test('through the real sign-in form, every payload lands on a page of this site', async ({ page }) => {
    test.setTimeout(180_000);
    const email = await signUp(page);
    for (const payload of CALLBACK_PAYLOADS) {
      await page.context().clearCookies();
      const response = await page.goto(`/sign-in?callbackUrl=${payload}`);
      expect(response!.status(), payload).toBeLessThan(500);
      await submitSignIn(page, email, customerPassword);
      await page.waitForURL((url) => url.pathname !== '/sign-in', { timeout: 15_000 });
      expectSameOrigin(page, payload);
      await expect(page.getByText(/application error|internal server error/i)).toHaveCount(0);
    }
  });

  test('the sign-in and sign-up pages, already signed in, redirect only to this site', async ({ page }) => {
    await signUp(page);
    for (const path of ['/sign-in', '/sign-up']) {
      for (const payload of CALLBACK_PAYLOADS) {
        const response = await page.goto(`${path}?callbackUrl=${payload}`);
        expect(response!.status(), `${path} ${payload}`).toBeLessThan(500);
        expectSameOrigin(page, payload);
      }
    }
  });

  test('the sign-in and sign-up actions, called directly, redirect only to this site', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const email = await signUp(page);
    const [signInAction] = listServerActions((file) => file === 'app/(auth)/sign-in/actions.ts');
    const [signUpAction] = listServerActions((file) => file === 'app/(auth)/sign-up/actions.ts');
    // The form posts the field as typed: no URL decoding happens on the way.
    const decoded = CALLBACK_PAYLOADS.map((payload) => {
      try {
        return decodeURIComponent(payload);
      } catch {
        return payload;
      }
    });
    const anonymous = await browser.newContext();
    for (const callbackUrl of new Set([...CALLBACK_PAYLOADS, ...decoded, '/\\evil.example', '\t//evil.example'])) {
      for (const [action, fields] of [
        [signInAction!, { email, password: customerPassword }],
        [signUpAction!, { email: newEmail('callback'), password: customerPassword }],
      ] as const) {
        const reply = await callServerAction(anonymous.request, '/sign-in', action.id, { ...fields, callbackUrl });
        // Next answers `<url>;<push|replace>`; the URL must be a header-safe path on this site.
        const redirect = reply.headers['x-action-redirect']?.replace(/;(push|replace)$/, '');
        expect(reply.status, `${action.name} ${JSON.stringify(callbackUrl)}`).toBeLessThan(500);
        expect(redirect, `${action.name} ${JSON.stringify(callbackUrl)}`).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
      }
    }
    await anonymous.close();
  });
});
