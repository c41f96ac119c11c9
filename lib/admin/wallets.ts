import 'server-only';
import { and, eq, gte, inArray, isNotNull, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { orders, type VerticalKind } from '@/db/schema';
import { insufficientFundsAlertKey, raiseAlert, resolveAlert } from '@/lib/alerts';
import { Decimal, formatMoney } from '@/lib/money';
import { operatorScope } from '@/lib/auth/guards';
import { isOctopusApiError, octopus, type OctopusClient, type Page, type Transaction } from '@/lib/octopus';
import { getStoreInfo } from '@/lib/store';
import { getStoreSettings } from '@/lib/store/settings';
import { listWalletBalances, type WalletBalance } from '@/lib/supplier/wallet';
import type { WalletsResponse } from './wallet-view';
import { matchTransactions, ordersWithoutDebit, parseTransactionRemarks, type LocalOrderRef, type TransactionMatch } from './reconcile';

export const lowBalanceAlertKey = (currency: string) => `supplier_low_balance:${currency}`;

export type WalletCheck = { wallets: WalletBalance[]; storeWallet: WalletBalance | null; threshold: Decimal; low: boolean };

/**
 * Reads the wallets and keeps the low-balance alert in step: open while the store-currency
 * wallet (the one that pays for orders) is under the threshold, resolved once it is not (and
 * with it the "customers are being refused" alert).
 * A missing store-currency wallet counts as low: nothing can be bought.
 */
export async function checkSupplierWallets(db: Database, client: OctopusClient, currency: string, threshold: string): Promise<WalletCheck> {
  const wallets = await listWalletBalances(client);
  const storeWallet = wallets.find((wallet) => wallet.currency === currency) ?? null;
  const limit = new Decimal(threshold);
  const low = !storeWallet || storeWallet.amount.lt(limit);
  if (low) {
    await raiseAlert(db, {
      key: lowBalanceAlertKey(currency),
      kind: 'supplier_low_balance',
      message: storeWallet
        ? `The supplier ${currency} wallet is low: ${formatMoney(storeWallet.amount, currency)} left, under the ${formatMoney(limit, currency)} threshold. Top it up before orders are refused.`
        : `The supplier has no ${currency} wallet: orders cannot be paid.`,
      details: { balance: storeWallet?.amount.toFixed() ?? null, threshold: limit.toFixed() },
    });
  } else {
    await resolveAlert(db, lowBalanceAlertKey(currency));
    // Topped up: customers are no longer being refused, so that alert clears itself too.
    await resolveAlert(db, insufficientFundsAlertKey(currency));
  }
  return { wallets, storeWallet, threshold: limit, low };
}

/** The wallet check as the dashboard shows it (server render and polling route alike); operators only. */
export async function loadWalletsView(): Promise<WalletsResponse> {
  const { db } = await operatorScope();
  const [{ currency }, settings] = await Promise.all([getStoreInfo(), getStoreSettings(db)]);
  try {
    const check = await checkSupplierWallets(db, octopus(), currency, settings.lowBalanceThreshold);
    return {
      ok: true,
      currency,
      threshold: check.threshold.toFixed(),
      low: check.low,
      wallets: check.wallets.map((wallet) => ({ ...wallet, amount: wallet.amount.toFixed() })),
      checkedAt: new Date().toISOString(),
    };
  } catch (error) {
    if (!isOctopusApiError(error)) throw error;
    return { ok: false, error: `The supplier did not answer: ${error.message}` };
  }
}

const localOrderColumns = {
  id: orders.id,
  number: orders.number,
  vertical: orders.vertical,
  upstreamId: orders.upstreamId,
  status: orders.status,
  wholesaleAmount: orders.wholesaleAmount,
  createdAt: orders.createdAt,
};

/** Local orders the given transactions name, by (vertical, supplier id). */
async function ordersNamedBy(db: Database, transactions: readonly Transaction[]): Promise<LocalOrderRef[]> {
  const ids: Record<VerticalKind, number[]> = { voucher: [], topup: [], esim: [] };
  for (const transaction of transactions) {
    const ref = parseTransactionRemarks(transaction.remarks);
    if (ref) ids[ref.vertical].push(ref.upstreamId);
  }
  const conditions = (Object.entries(ids) as [VerticalKind, number[]][])
    .filter(([, list]) => list.length > 0)
    .map(([vertical, list]) => and(eq(orders.vertical, vertical), inArray(orders.upstreamId, list)));
  if (conditions.length === 0) return [];
  return db.select(localOrderColumns).from(orders).where(or(...conditions));
}

export type TransactionsPage = { page: Page<Transaction>; matches: TransactionMatch[] };

/** One page of the store wallet's transactions, each paired with the store's order. */
export async function loadTransactionsPage(db: Database, client: OctopusClient, walletId: number, page: number, limit = 50): Promise<TransactionsPage> {
  const result = await client.listTransactions({ walletId, page, limit });
  return { page: result, matches: matchTransactions(result.items, await ordersNamedBy(db, result.items)) };
}

const SCAN_PAGE_SIZE = 500;
const SCAN_MAX_PAGES = 20;

/**
 * Orders of the last `days` days that the supplier accepted but the wallet never debited.
 * Reads the wallet's transactions back to the start of the period (bounded), then compares.
 */
export async function findOrdersWithoutDebit(
  db: Database,
  client: OctopusClient,
  walletId: number,
  { days = 7, now = new Date() } = {},
): Promise<{ orders: LocalOrderRef[]; complete: boolean }> {
  const since = new Date(now.getTime() - days * 86_400_000);
  // Orders first: one accepted while the wallet is read already has its debit in what follows.
  const local = await db
    .select(localOrderColumns)
    .from(orders)
    .where(and(gte(orders.createdAt, since), isNotNull(orders.upstreamId), eq(orders.walletId, walletId)));
  const transactions: Transaction[] = [];
  let complete = false;
  for (let page = 1; page <= SCAN_MAX_PAGES; page++) {
    const result = await client.listTransactions({ walletId, page, limit: SCAN_PAGE_SIZE });
    transactions.push(...result.items);
    const oldest = result.items.at(-1);
    if (!result.hasMore || !oldest || oldest.createdAt < since) {
      complete = true;
      break;
    }
  }
  // Past the scan limit, judge only orders younger than the oldest transaction read.
  const oldestRead = transactions.at(-1)?.createdAt;
  const judged = complete || !oldestRead ? local : local.filter((order) => order.createdAt >= oldestRead);
  return { orders: ordersWithoutDebit(judged, transactions), complete };
}

export type SupplierView =
  | { kind: 'ok'; currency: string; wallet: WalletBalance; transactions: TransactionsPage; missing: Awaited<ReturnType<typeof findOrdersWithoutDebit>> }
  | { kind: 'no_wallet'; currency: string }
  | { kind: 'unavailable'; message: string };

/** The supplier page: the store wallet's transactions matched against orders; operators only. */
export async function loadSupplierView(page: number, pageSize: number): Promise<SupplierView> {
  const { db } = await operatorScope();
  const client = octopus();
  const { currency } = await getStoreInfo();
  try {
    const wallet = (await listWalletBalances(client)).find((entry) => entry.currency === currency);
    if (!wallet) return { kind: 'no_wallet', currency };
    const [transactions, missing] = await Promise.all([loadTransactionsPage(db, client, wallet.id, page, pageSize), findOrdersWithoutDebit(db, client, wallet.id)]);
    return { kind: 'ok', currency, wallet, transactions, missing };
  } catch (error) {
    if (!isOctopusApiError(error)) throw error;
    return { kind: 'unavailable', message: error.message };
  }
}
