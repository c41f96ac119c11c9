import { expect, test } from '@playwright/test';
import { customerPassword, invalidCredentials, newEmail, signIn, signInAsOperator, signUp } from './support/accounts';
import { callServerAction, listServerActions } from './support/server-actions';

test.describe('customer accounts', () => {
  test('sign up with demo credit, sign out, sign in again', async ({ page }) => {
    await page.goto('/sign-up');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter a valid email address, like you@example.com.')).toBeVisible();
    await expect(page.getByText('Use at least 10 characters.')).toBeVisible();

    const email = await signUp(page);
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
    await expect(page.getByTestId('account-balance')).toHaveText('$50.00');
    await expect(page.getByText('Sandbox demo credit')).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await expect(page).toHaveURL('/');
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not my password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(invalidCredentials)).toBeVisible();

    await page.getByLabel('Password').fill(customerPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL('/account');
    await expect(page.getByTestId('account-balance')).toHaveText('$50.00');
  });

  test('a weak password gets the strength checker’s own advice', async ({ page }) => {
    const email = newEmail('weak');
    await page.goto('/sign-up');
    await page.getByLabel('Email').fill(email);
    for (const [password, advice] of [
      ['aaaaaaaaaaaa', 'Repeated characters like "aaa" are easy to guess.'],
      ['password123', 'This is a commonly used password.'],
      [`${email.split('@')[0]}!`, 'There should not be any personal or page related data.'],
    ]) {
      await page.getByLabel('Password').fill(password!);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByText('Choose a stronger password.')).toBeVisible();
      await expect(page.getByText(advice!, { exact: false })).toBeVisible();
    }
    await expect(page).toHaveURL('/sign-up');
  });

  test('saved recipients are validated and private to their owner', async ({ page, browser }) => {
    await signUp(page);
    await page.getByLabel('Name', { exact: true }).fill('Mum');
    await page.getByLabel('Mobile number').fill('12345');
    await page.getByRole('button', { name: 'Save recipient' }).click();
    await expect(page.getByText('This is not a valid mobile number.', { exact: false })).toBeVisible();
    await page.getByLabel('Mobile number').fill('+91 88796 85100');
    await page.getByRole('button', { name: 'Save recipient' }).click();
    await expect(page.getByText('+91 88796 85100')).toBeVisible();

    // Another customer calls the delete action directly with this recipient's id.
    const recipientId = await page.locator('form:has(button[aria-label="Remove Mum"]) input[name="id"]').getAttribute('value');
    expect(recipientId).toMatch(/^[0-9a-f-]{36}$/);
    const [deleteAction] = listServerActions((file) => file === 'app/(store)/account/actions.ts').filter((a) => a.name === 'deleteRecipientAction');
    const intruder = await browser.newContext();
    const intruderPage = await intruder.newPage();
    await signUp(intruderPage);
    const result = await callServerAction(intruder.request, '/account', deleteAction!.id, { id: recipientId! });
    expect(result.body).toContain('That recipient no longer exists.');
    await expect(intruderPage.getByText('+91 88796 85100')).toHaveCount(0);
    await intruder.close();

    await page.reload();
    await expect(page.getByText('+91 88796 85100')).toBeVisible();
    await page.getByRole('button', { name: 'Remove Mum' }).click();
    await expect(page.getByText('+91 88796 85100')).toHaveCount(0);
  });
});

test.describe('operator console', () => {
  test('an operator credits a customer and the customer sees it', async ({ page, browser }) => {
    const customer = await browser.newContext();
    const customerPage = await customer.newPage();
    const email = await signUp(customerPage);

    await signInAsOperator(page);
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByLabel('Search customers').fill(email);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: email }).click();

    const reason = `Bank transfer ref ${Date.now()}`;
    await page.getByLabel('Amount (USD)').fill('12.345');
    await page.getByLabel('Reason').fill(reason);
    await page.getByRole('button', { name: 'Apply adjustment' }).click();
    await expect(page.getByText('Enter a positive amount in USD', { exact: false })).toBeVisible();

    await page.getByLabel('Amount (USD)').fill('12.34');
    await page.getByRole('button', { name: 'Apply adjustment' }).click();
    await expect(page.getByText('Credited $12.34.')).toBeVisible();
    await expect(page.getByTestId('customer-balance')).toHaveText('$62.34');

    await page.getByText('Debit', { exact: true }).click();
    await page.getByLabel('Amount (USD)').fill('100');
    await page.getByLabel('Reason').fill('Too much');
    await page.getByRole('button', { name: 'Apply adjustment' }).click();
    await expect(page.getByText('A debit cannot take the balance below zero.')).toBeVisible();
    await expect(page.getByTestId('customer-balance')).toHaveText('$62.34');

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('cell', { name: reason })).toBeVisible();

    await customerPage.reload();
    await expect(customerPage.getByTestId('account-balance')).toHaveText('$62.34');
    await expect(customerPage.getByText(reason)).toBeVisible();
    await customer.close();
  });

  test('customers cannot open the console nor call any operator action directly', async ({ page, browser }) => {
    const victim = await browser.newContext();
    const victimPage = await victim.newPage();
    await signUp(victimPage);
    await victimPage.goto('/admin');
    expect((await victimPage.request.get('/admin')).status()).toBe(404);

    const operator = await browser.newContext();
    const operatorPage = await operator.newPage();
    await signInAsOperator(operatorPage);
    await operatorPage.goto('/admin/customers');
    await operatorPage.getByRole('link').filter({ hasText: '@e2e.test' }).first().click();
    const customerPath = new URL(operatorPage.url()).pathname;
    const customerId = customerPath.split('/').pop()!;
    const balanceBefore = await operatorPage.getByTestId('customer-balance').textContent();

    await signUp(page);
    const operatorActions = listServerActions((file) => file.startsWith('app/admin/'));
    expect(operatorActions.length).toBeGreaterThan(0);
    for (const action of operatorActions) {
      const result = await callServerAction(page.request, customerPath, action.id, {
        customerId,
        direction: 'credit',
        amount: '1000',
        reason: 'self-service money',
      });
      expect(result.body, `${action.filename}#${action.name}`).toContain('Only store operators can do this.');
    }
    await operatorPage.reload();
    await expect(operatorPage.getByTestId('customer-balance')).toHaveText(balanceBefore!);
    await operatorPage.goto('/admin/audit');
    await expect(operatorPage.getByText('self-service money')).toHaveCount(0);
    await victim.close();
    await operator.close();
  });

  test('sign-in attempts are rate limited per account', async ({ page }) => {
    const email = await signUp(page);
    await page.context().clearCookies();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    for (let attempt = 0; attempt < 10; attempt++) {
      await page.getByLabel('Password').fill(`wrong password ${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // React resets the form once the action answers: that is the signal to try again.
      await expect(page.getByLabel('Password')).toHaveValue('');
      await expect(page.getByText(invalidCredentials)).toBeVisible();
    }
    await page.getByLabel('Password').fill(customerPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(/Too many sign-in attempts\. Try again in \d+ minutes?\./)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe('signing in from a deep link', () => {
  test('returns to the page that asked, and never to another site', async ({ page }) => {
    const email = await signUp(page);
    await page.context().clearCookies();
    await signIn(page, email, customerPassword, '/account');
    await page.context().clearCookies();
    await page.goto('/sign-in?callbackUrl=https%3A%2F%2Fevil.example');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(customerPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL('/account');
  });
});
