import 'server-only';
import { getDb } from '@/db';
import type { User } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { reconcileBelowCostPauses } from '@/lib/catalogue/sync';
import { env } from '@/lib/env';
import { isOctopusApiError, octopus } from '@/lib/octopus';
import { checkConnection, type ConnectionCheck } from '@/lib/octopus/connection';
import { listWalletBalances } from '@/lib/supplier/wallet';
import { currencyLockReason, readStoreInfo, updateStoreIdentity } from './index';
import { getStoreSettings, updateStoreSettings, type StoreSettings } from './settings';

export type SettingsSave =
  | { kind: 'refused'; message: string; fieldErrors?: Record<string, string[]> }
  | { kind: 'unchanged' }
  | { kind: 'saved'; changed: string[] };

/**
 * An operator saves the store's settings: the currency only while no money has moved and only
 * to one the supplier has a wallet in; markups re-check below-cost pauses in the same
 * transaction, and the audit log records every change.
 */
export async function saveStoreSettings(operator: User, input: { storeName: string; storeCurrency?: string; settings: StoreSettings }): Promise<SettingsSave> {
  const db = await getDb();
  const [store, current] = await Promise.all([readStoreInfo(db), getStoreSettings(db)]);
  const currency = input.storeCurrency ?? store.currency;

  if (currency !== store.currency) {
    const locked = await currencyLockReason(db);
    if (locked) return { kind: 'refused', message: 'Please correct the highlighted fields.', fieldErrors: { storeCurrency: [`The currency can no longer change. ${locked}`] } };
    let currencies: string[];
    try {
      currencies = (await listWalletBalances(octopus())).map((wallet) => wallet.currency);
    } catch (error) {
      if (!isOctopusApiError(error)) throw error;
      return { kind: 'refused', message: `Could not check the supplier wallets, so the currency was not changed: ${error.message}` };
    }
    if (!currencies.includes(currency)) {
      return {
        kind: 'refused',
        message: 'Please correct the highlighted fields.',
        fieldErrors: { storeCurrency: [`The supplier has no ${currency} wallet to pay for orders. Wallets: ${currencies.join(', ')}.`] },
      };
    }
  }

  const next = input.settings;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(next) as (keyof StoreSettings)[]) {
    if (String(current[key]) !== String(next[key])) changes[key] = { from: current[key], to: next[key] };
  }
  if (input.storeName !== store.name) changes.storeName = { from: store.name, to: input.storeName };
  if (currency !== store.currency) changes.storeCurrency = { from: store.currency, to: currency };
  if (Object.keys(changes).length === 0) return { kind: 'unchanged' };

  await db.transaction(async (tx) => {
    await updateStoreSettings(tx, next);
    await updateStoreIdentity(tx, { name: input.storeName, currency });
    // A markup change can put products below cost (paused) or back above it (resumed) at once.
    await reconcileBelowCostPauses(tx, { settings: next, storeCurrency: currency });
    await recordAudit(tx, operator, {
      action: 'settings.update',
      targetType: 'store',
      details: Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, `${change.from ?? 'default'} → ${change.to ?? 'default'}`])),
    });
  });
  return { kind: 'saved', changed: Object.keys(changes) };
}

/** Logs in to the supplier with the configured credentials, and records that the operator tried. */
export async function testSupplierConnection(operator: User): Promise<ConnectionCheck & { sandbox: boolean }> {
  const config = env();
  const result = await checkConnection({
    baseUrl: config.OCTOPUS_API_URL,
    apiKey: config.OCTOPUS_API_KEY,
    apiSecret: config.OCTOPUS_API_SECRET,
    timeoutMs: Math.min(config.OCTOPUS_TIMEOUT_MS, 15_000),
  });
  await recordAudit(await getDb(), operator, {
    action: 'supplier.connection_test',
    targetType: 'supplier',
    details: { host: result.host, ok: result.ok, latencyMs: result.latencyMs, ...(result.ok ? { clientId: result.clientId } : { error: result.message }) },
  });
  return { ...result, sandbox: config.OCTOPUS_SANDBOX };
}
