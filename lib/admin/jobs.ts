import 'server-only';
import { getDb } from '@/db';
import type { Job } from '@/lib/jobs/runner';
import { octopus } from '@/lib/octopus';
import { readStoreInfo } from '@/lib/store';
import { getStoreSettings } from '@/lib/store/settings';
import { checkSupplierWallets } from './wallets';

/** The low-balance alert is raised even when no operator has the dashboard open. */
export const supplierWalletCheckJob: Job = {
  name: 'supplier-wallet-check',
  intervalMs: 5 * 60_000,
  async run() {
    const db = await getDb();
    const [store, settings] = await Promise.all([readStoreInfo(db), getStoreSettings(db)]);
    await checkSupplierWallets(db, octopus(), store.currency, settings.lowBalanceThreshold);
  },
};
