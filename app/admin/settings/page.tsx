import type { Metadata } from 'next';
import { Panel } from '@/components/admin/panel';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { currencyLockReason, getStoreInfo } from '@/lib/store';
import { getStoreSettings } from '@/lib/store/settings';
import { ConnectionTest, SettingsForm } from './_components/settings-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const db = await getDb();
  const [store, settings, currencyLock] = await Promise.all([getStoreInfo(), getStoreSettings(db), currencyLockReason(db)]);
  const config = env();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <SettingsForm
        currencyLock={currencyLock}
        defaultDemoCredit={config.DEMO_CREDIT}
        values={{
          storeName: store.name,
          storeCurrency: store.currency,
          defaultMarkupPercent: settings.defaultMarkupPercent,
          voucherMarkupPercent: settings.voucherMarkupPercent ?? '',
          topupMarkupPercent: settings.topupMarkupPercent ?? '',
          esimMarkupPercent: settings.esimMarkupPercent ?? '',
          lowBalanceThreshold: settings.lowBalanceThreshold,
          demoCredit: settings.demoCredit ?? '',
          autoEnableNewProducts: settings.autoEnableNewProducts,
        }}
      />
      <Panel title="Supplier connection" id="connection">
        <ConnectionTest host={new URL(config.OCTOPUS_API_URL).host} />
      </Panel>
    </div>
  );
}
