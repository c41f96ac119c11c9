import { randomBytes } from 'node:crypto';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { e2eOperator } from './constants';

export { e2eOperator };

export const newEmail = (prefix = 'customer') => `${prefix}-${Date.now()}-${randomBytes(3).toString('hex')}@e2e.test`;
export const customerPassword = 'correct horse battery staple';
/** The one answer to an unknown email and to a wrong password. */
export const invalidCredentials = 'That email and password do not match an account. Check both and try again.';

/** Signs up through the real form and lands on the account page. */
export async function signUp(page: Page, email = newEmail(), password = customerPassword): Promise<string> {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Patient: the first server action of a freshly started server can take long on a busy machine.
  await expect(page).toHaveURL('/account', { timeout: 90_000 });
  return email;
}

export async function signIn(page: Page, email: string, password: string, callbackUrl?: string): Promise<void> {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(callbackUrl ?? '/account');
}

export const signInAsOperator = (page: Page) => signIn(page, e2eOperator.email, e2eOperator.password, '/admin');

/** Fills and sends the sign-in form on the current page, then waits for its answer. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A second browser holding a copy of this page's cookies, as a thief with the session cookie would. */
export async function copySession(page: Page, browser: Browser): Promise<BrowserContext> {
  const thief = await browser.newContext();
  await thief.addCookies(await page.context().cookies());
  return thief;
}

/** True when the account page opens; false when it sends the visitor to sign in. */
export async function isSignedIn(page: Page): Promise<boolean> {
  await page.goto('/account');
  // The store streams (loading.tsx), so a signed-out visit may answer 200 and redirect from the
  // stream: wait for the account heading or the sign-in page, whichever comes.
  const outcome = await Promise.race([
    page.waitForURL(/\/sign-in/, { timeout: 30_000 }).then(() => false, () => undefined),
    page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor({ timeout: 30_000 }).then(() => true, () => undefined),
  ]);
  if (outcome === undefined) throw new Error(`/account showed neither the account nor the sign-in page (at ${page.url()})`);
  return outcome;
}
