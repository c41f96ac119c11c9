import { randomBytes } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { e2eOperator } from './constants';

export { e2eOperator };

export const newEmail = (prefix = 'customer') => `${prefix}-${Date.now()}-${randomBytes(3).toString('hex')}@e2e.test`;
export const customerPassword = 'correct horse battery staple';

/** Signs up through the real form and lands on the account page. */
export async function signUp(page: Page, email = newEmail(), password = customerPassword): Promise<string> {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL('/account');
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
