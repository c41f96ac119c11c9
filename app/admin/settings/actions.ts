'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { errorState, operatorAction } from '@/lib/actions';
import { listWalletBalances } from '@/lib/supplier/wallet';
import { reconcileBelowCostPauses } from '@/lib/catalogue/sync';
import { recordAudit } from '@/lib/audit';
import { env } from '@/lib/env';
import { isOctopusApiError, octopus } from '@/lib/octopus';
import { checkConnection } from '@/lib/octopus/connection';
import { currencyLockReason, readStoreInfo, storeCurrencySchema, storeNameSchema, updateStoreIdentity } from '@/lib/store';
import { getStoreSettings, updateStoreSettings, type StoreSettings } from '@/lib/store/settings';

const percent = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,3})?$/, `${label}: a percentage from 0 to 999, like 10 or 12.5.`);
const optionalPercent = (label: string) => z.union([z.literal(''), percent(label)]);
const amount = (message: string) => z.string().trim().regex(/^\d{1,9}(\.\d{1,2})?$/, message);

const settingsSchema = z.object({
  storeName: storeNameSchema,
  storeCurrency: storeCurrencySchema.optional(),
  defaultMarkupPercent: percent('Store default'),
  voucherMarkupPercent: optionalPercent('Vouchers'),
  topupMarkupPercent: optionalPercent('Top-ups'),
  esimMarkupPercent: optionalPercent('eSIMs'),
  lowBalanceThreshold: amount('Enter an amount like 100 or 250.50.'),
  demoCredit: z.union([z.literal(''), amount('Enter an amount like 50 or 25.50, or leave it empty.')]),
  autoEnableNewProducts: z.literal('on').optional(),
});

export const updateSettingsAction = operatorAction(settingsSchema, async (data, formData, operator) => {
  const db = await getDb();
  const [store, current] = await Promise.all([readStoreInfo(db), getStoreSettings(db)]);
  const currency = data.storeCurrency ?? store.currency;

  if (currency !== store.currency) {
    const locked = await currencyLockReason(db);
    if (locked) return errorState(formData, 'Please correct the highlighted fields.', { storeCurrency: [`The currency can no longer change. ${locked}`] });
    let currencies: string[];
    try {
      currencies = (await listWalletBalances(octopus())).map((wallet) => wallet.currency);
    } catch (error) {
      if (!isOctopusApiError(error)) throw error;
      return errorState(formData, `Could not check the supplier wallets, so the currency was not changed: ${error.message}`);
    }
    if (!currencies.includes(currency)) {
      return errorState(formData, 'Please correct the highlighted fields.', {
        storeCurrency: [`The supplier has no ${currency} wallet to pay for orders. Wallets: ${currencies.join(', ')}.`],
      });
    }
  }

  const next: StoreSettings = {
    defaultMarkupPercent: data.defaultMarkupPercent,
    voucherMarkupPercent: data.voucherMarkupPercent || null,
    topupMarkupPercent: data.topupMarkupPercent || null,
    esimMarkupPercent: data.esimMarkupPercent || null,
    lowBalanceThreshold: data.lowBalanceThreshold,
    demoCredit: data.demoCredit || null,
    autoEnableNewProducts: data.autoEnableNewProducts === 'on',
  };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(next) as (keyof StoreSettings)[]) {
    if (String(current[key]) !== String(next[key])) changes[key] = { from: current[key], to: next[key] };
  }
  if (data.storeName !== store.name) changes.storeName = { from: store.name, to: data.storeName };
  if (currency !== store.currency) changes.storeCurrency = { from: store.currency, to: currency };
  if (Object.keys(changes).length === 0) return { status: 'success', message: 'Nothing changed.' };

  await db.transaction(async (tx) => {
    await updateStoreSettings(tx, next);
    await updateStoreIdentity(tx, { name: data.storeName, currency });
    // A markup change can put products below cost (paused) or back above it (resumed) at once.
    await reconcileBelowCostPauses(tx, { settings: next, storeCurrency: currency });
    await recordAudit(tx, operator, {
      action: 'settings.update',
      targetType: 'store',
      details: Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, `${change.from ?? 'default'} → ${change.to ?? 'default'}`])),
    });
  });
  revalidatePath('/', 'layout');
  return { status: 'success', message: `Saved: ${Object.keys(changes).join(', ')}.` };
});

export const testSupplierConnectionAction = operatorAction(z.object({}), async (_data, _formData, operator) => {
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
  if (!result.ok) return { status: 'error', message: `Could not log in to ${result.host} (${result.latencyMs} ms): ${result.message}` };
  return {
    status: 'success',
    message: `Connected to ${result.host}${config.OCTOPUS_SANDBOX ? ' (sandbox)' : ''} as client ${result.clientId ?? 'unknown'}, login in ${result.latencyMs} ms.`,
  };
});
