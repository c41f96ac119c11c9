import { Panel } from '@/components/admin/panel';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { loadMailDeliveryView } from '@/lib/mail/console';
import { loadSettingsView } from '@/lib/store';
import { MailDelivery } from './_components/mail-delivery';
import { ConnectionTest, SettingsForm } from './_components/settings-form';

export const generateMetadata = operatorMetadata('Settings');

export default async function SettingsPage() {
  await requireOperator('/admin/settings');
  const [{ store, settings, currencyLock, defaultDemoCredit, supplierHost }, mail] = await Promise.all([loadSettingsView(), loadMailDeliveryView()]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <SettingsForm
        currencyLock={currencyLock}
        defaultDemoCredit={defaultDemoCredit}
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
          giftCodesEnabled: settings.giftCodesEnabled,
          giftCodeMarkupPercent: settings.giftCodeMarkupPercent ?? '',
          cardPaymentsEnabled: settings.cardPaymentsEnabled,
          addFundsEnabled: settings.addFundsEnabled,
          addFundsMin: settings.addFundsMin,
          addFundsMax: settings.addFundsMax,
          alertEmailsEnabled: settings.alertEmailsEnabled,
          alertEmailRecipients: settings.alertEmailRecipients.join(', '),
          emailVoucherCodes: settings.emailVoucherCodes,
        }}
      />
      <Panel title="Email delivery" id="email-delivery">
        <MailDelivery view={mail} />
      </Panel>
      <Panel title="Supplier connection" id="connection">
        <ConnectionTest host={supplierHost} />
      </Panel>
    </div>
  );
}
