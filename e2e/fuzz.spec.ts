import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import fc from 'fast-check';
import { SandboxControl } from '@/sandbox/control';
import { signInAsOperator, signUp } from './support/accounts';
import { listServerActions } from './support/server-actions';
import { e2eLayout } from './support/slot';

/**
 * Bad input: random and malicious values thrown at every server action of the build (read from
 * its manifest, posted as React's client would) and at every JSON route. Whatever arrives, the
 * server must answer without a 5xx, must not call the supplier's order or charges endpoints, and
 * must not change the caller's money, orders or saved data. Bounded to about a minute.
 */

const MALICIOUS = [
  '',
  ' ',
  "' OR '1'='1' --",
  '"; DROP TABLE orders; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '🐙🐙🐙',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '99999999999999999999999999',
  '0.0000000001',
  '1,5',
  '__proto__',
  'constructor',
  '{"$ne":null}',
  '${7*7}{{7*7}}',
  'null',
  'undefined',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'javascript:alert(1)',
  'https://evil.example/',
  '//evil.example',
  'x'.repeat(5_000),
];

const FIELD_NAMES = [
  'productId',
  'variantId',
  'amount',
  'quantity',
  'player_id',
  'input.player_id',
  'input.phone_number',
  'server',
  'phone_number',
  'phone',
  'checkoutToken',
  'expectedRetail',
  'email',
  'password',
  'name',
  'callbackUrl',
  'id',
  'orderId',
  'userId',
  'label',
  'kind',
  'memo',
  'reason',
  'status',
  '__proto__',
  'constructor',
  '$ACTION_ID_x',
];

const value = fc.oneof(fc.constantFrom(...MALICIOUS), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.integer().map(String), fc.double().map(String));
const fields = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ minLength: 1, maxLength: 12 })), value, { maxKeys: 8 });
const prevState = fc.oneof(fc.constant({ status: 'idle' }), fc.constantFrom(...MALICIOUS), fc.jsonValue({ maxDepth: 2 }));

/** Supplier endpoints that cost money or quote it: invalid input must never reach them. */
const GUARDED = /^(POST|PATCH) \/api\/v1\/(orders|topups\/orders|esim\/orders|products\/:id\/charges|topups\/charges|esim\/charges)/;

async function guardedCalls(control: SandboxControl): Promise<number> {
  const counts = await control.requestCounts();
  return Object.entries(counts)
    .filter(([route]) => GUARDED.test(route))
    .reduce((sum, [, n]) => sum + n, 0);
}

async function postAction(request: APIRequestContext, path: string, actionId: string, form: Record<string, string>, state: unknown) {
  const multipart = new FormData();
  for (const [key, text] of Object.entries(form)) multipart.append(`_1_${key}`, text);
  multipart.append('0', JSON.stringify([state, '$K1']));
  const response = await request.post(path, {
    headers: { 'Next-Action': actionId, Accept: 'text/x-component' },
    multipart,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return { status: response.status(), body: (await response.text()).slice(0, 500) };
}

/** What a customer would notice changing: balance, orders, saved recipients. */
async function customerSnapshot(page: Page): Promise<string> {
  await page.goto('/account');
  const main = page.getByRole('main');
  await expect(main).toBeVisible();
  return (await main.innerText()).replace(/\s+/g, ' ');
}

const control = new SandboxControl(`http://127.0.0.1:${e2eLayout().sandboxPort}`);
const actions = () => listServerActions(() => true).filter((action) => action.name !== 'signOutAction');

test.describe.configure({ mode: 'serial' });
test.setTimeout(150_000);

test('every server action survives random and malicious input, anonymous and signed in', async ({ page, browser }) => {
  const anonymous = await browser.newContext();
  await signUp(page);
  const before = await customerSnapshot(page);
  const supplierBefore = await guardedCalls(control);
  const list = actions();
  expect(list.length).toBeGreaterThan(5);

  for (const action of list) {
    for (const request of [anonymous.request, page.request]) {
      await fc.assert(
        fc.asyncProperty(fields, prevState, async (form, state) => {
          const reply = await postAction(request, '/', action.id, form, state);
          expect(reply.status, `${action.name} ${JSON.stringify(form).slice(0, 300)} -> ${reply.body}`).toBeLessThan(500);
        }),
        { numRuns: 8, endOnFailure: true },
      );
    }
  }
  // signOutAction last, from the anonymous side, so the customer's session survives the run.
  const signOut = listServerActions(() => true).find((action) => action.name === 'signOutAction');
  if (signOut) expect((await postAction(anonymous.request, '/', signOut.id, {}, null)).status).toBeLessThan(500);

  expect(await guardedCalls(control)).toBe(supplierBefore);
  expect(await customerSnapshot(page)).toBe(before);
  await anonymous.close();
});

test('checkout with a real product and invalid details never reaches the supplier', async ({ page }) => {
  await signUp(page);
  await page.goto('/games');
  await page.getByRole('link', { name: /PUBG Mobile UC/ }).first().click();
  const productPath = new URL(page.url()).pathname;
  const productId = await page.locator('input[name="productId"]').inputValue();
  const variantIds = await page.getByRole('radio').evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value));
  const checkout = listServerActions((file) => file === 'app/(store)/checkout/actions.ts');
  expect(checkout.map((action) => action.name).sort()).toEqual(['placeOrderAction', 'reviewOrderAction']);
  const before = await customerSnapshot(page);
  const supplierBefore = await guardedCalls(control);

  // A player id is 6 to 12 digits: every generated one is something else.
  const badPlayerId = value.filter((text) => !/^\s*\d{6,12}\s*$/.test(text));
  const variant = fc.oneof(fc.constantFrom(...variantIds), value);
  await fc.assert(
    fc.asyncProperty(badPlayerId, variant, value, value, value, async (playerId, variantId, amount, checkoutToken, expectedRetail) => {
      const form = { productId, variantId, 'input.player_id': playerId, amount, checkoutToken, expectedRetail };
      for (const action of checkout) {
        const reply = await postAction(page.request, productPath, action.id, form, { status: 'idle' });
        expect(reply.status, `${action.name} ${JSON.stringify(form).slice(0, 300)}`).toBeLessThan(500);
        expect(reply.body).not.toContain('"status":"success"');
      }
    }),
    { numRuns: 40, endOnFailure: true },
  );
  expect(await guardedCalls(control)).toBe(supplierBefore);
  expect(await customerSnapshot(page)).toBe(before);
});

test('JSON routes answer bad ids and queries without a 5xx', async ({ page, browser }) => {
  const anonymous = await browser.newContext();
  await signInAsOperator(page);
  const segment = fc.oneof(fc.constantFrom(...MALICIOUS), fc.string({ maxLength: 40 }), fc.uuid());
  const query = fc.dictionary(fc.oneof(fc.constantFrom('status', 'q', 'from', 'to', 'vertical', 'cursor', 'limit', 'format', 'customer'), fc.string({ maxLength: 8 })), value, { maxKeys: 4 });
  const routes = ['/api/orders/:segment', '/api/admin/wallets', '/api/admin/orders/export', '/api/admin/catalogue/sync', '/api/health'];
  for (const request of [anonymous.request, page.request]) {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), segment, query, async (route, id, params) => {
        const path = route.replace(':segment', encodeURIComponent(id).slice(0, 2_000) || 'x');
        const search = new URLSearchParams(params).toString();
        const response = await request.get(`${path}${search ? `?${search}` : ''}`, { maxRedirects: 0, failOnStatusCode: false });
        expect(response.status(), `${path}?${search}`).toBeLessThan(500);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  }
  await anonymous.close();
});
