import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import { startSession } from '@/lib/auth/sessions';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '@/test/helpers/database';

/**
 * Every data loader checks who asks, itself: operator loaders refuse strangers and customers,
 * customer loaders refuse strangers, before any of their data is read. Only the decoded session
 * cookie is stood in for; the session record and the user are read from a real database.
 */
const session = vi.hoisted(() => ({ current: null as { user: { id: string }; sessionId: string } | null }));
vi.mock('@/lib/auth', () => ({ auth: async () => session.current }));
const signedInAs = (userId: string | undefined) => {
  session.current = userId ? { user: { id: userId }, sessionId: sessionIds.get(userId)! } : null;
};
const sessionIds = new Map<string, string>();

const { loadDashboard } = await import('@/lib/admin/dashboard');
const { exportOrders, loadOrderDetail, loadOrdersPage } = await import('@/lib/admin/orders');
const { loadSupplierView, loadWalletsView } = await import('@/lib/admin/wallets');
const { loadAuditPage } = await import('@/lib/audit');
const { loadHelpPagesForOperator } = await import('@/lib/help');
const { loadCatalogueConsole, loadProductForOperator, loadSyncHistory, loadSyncRun } = await import('@/lib/catalogue/queries');
const { loadCustomerDetail, loadCustomersPage } = await import('@/lib/customers');
const { loadMyAccount } = await import('@/lib/customers/account');
const { refreshMyOrderStatus } = await import('@/lib/orders/queries');
const { loadOrderPage } = await import('@/lib/orders/order-view');
const { loadSettingsView } = await import('@/lib/store');

const someId = '00000000-0000-4000-8000-000000000000';
const operatorLoaders: Record<string, () => Promise<unknown>> = {
  loadDashboard: () => loadDashboard(),
  loadOrdersPage: () => loadOrdersPage({}, { limit: 10, offset: 0 }),
  loadOrderDetail: () => loadOrderDetail(someId),
  exportOrders: () => exportOrders({}),
  loadWalletsView: () => loadWalletsView(),
  loadSupplierView: () => loadSupplierView(1, 10),
  loadAuditPage: () => loadAuditPage({ limit: 10 }),
  loadCatalogueConsole: () => loadCatalogueConsole({ limit: 10, offset: 0 }),
  loadProductForOperator: () => loadProductForOperator(someId),
  loadSyncHistory: () => loadSyncHistory(undefined),
  loadSyncRun: () => loadSyncRun(null),
  loadCustomersPage: () => loadCustomersPage({ limit: 10, offset: 0 }),
  loadCustomerDetail: () => loadCustomerDetail(someId, { ordersShown: 5 }),
  loadSettingsView: () => loadSettingsView(),
  loadHelpPagesForOperator: () => loadHelpPagesForOperator(),
};
const customerLoaders: Record<string, () => Promise<unknown>> = {
  loadMyAccount: () => loadMyAccount(),
};

/** What next/navigation's redirect() and notFound() throw, as a short name. */
async function refusal(load: () => Promise<unknown>): Promise<string> {
  try {
    await load();
    return 'allowed';
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? (error as Error).message);
    if (digest.startsWith('NEXT_REDIRECT') && digest.includes('/sign-in?callbackUrl=')) return 'sign-in';
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return 'not-found';
    return `error: ${digest}`;
  }
}

let database: TestDatabase;
let customerId: string;
let operatorId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  useAsAppDatabase(database);
  [{ id: customerId }, { id: operatorId }] = await database.db
    .insert(users)
    .values([
      { email: 'guard-customer@example.com', role: 'customer' },
      { email: 'guard-operator@example.com', role: 'operator' },
    ])
    .returning({ id: users.id }) as [{ id: string }, { id: string }];
  for (const id of [customerId, operatorId]) sessionIds.set(id, await startSession(database.db, id));
});
afterAll(async () => {
  await database?.destroy();
});

describe('operator data loaders', () => {
  it.each(Object.keys(operatorLoaders))('%s sends a stranger to sign in', async (name) => {
    signedInAs(undefined);
    expect(await refusal(operatorLoaders[name]!)).toBe('sign-in');
  });

  it.each(Object.keys(operatorLoaders))('%s is a 404 for a customer', async (name) => {
    signedInAs(customerId);
    expect(await refusal(operatorLoaders[name]!)).toBe('not-found');
  });

  it('lets an operator through (the check can pass)', async () => {
    signedInAs(operatorId);
    expect(await refusal(() => loadOrderDetail(someId))).toBe('allowed');
    expect(await refusal(() => loadAuditPage({ limit: 10 }))).toBe('allowed');
  });
});

describe('customer data loaders', () => {
  it.each(Object.keys(customerLoaders))('%s sends a stranger to sign in', async (name) => {
    signedInAs(undefined);
    expect(await refusal(customerLoaders[name]!)).toBe('sign-in');
  });

  it('answers the live status poll of a stranger with "signed out", not the order', async () => {
    signedInAs(undefined);
    expect(await refreshMyOrderStatus(someId)).toBe('signed_out');
  });

  it('answers the order page of a stranger with "signed out" (the page sends them to sign in), or "not found" with a wrong guest link', async () => {
    signedInAs(undefined);
    expect(await loadOrderPage(someId, {})).toBe('signed_out');
    expect(await loadOrderPage(someId, { access: 'not-the-token' })).toBeUndefined();
  });

  it('reads an order that is not theirs as not found', async () => {
    signedInAs(operatorId);
    expect(await loadOrderPage(someId, {})).toBeUndefined();
  });
});
