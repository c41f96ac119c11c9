/** What the settings page calls each setting: save messages name what the operator saw. */
const SETTING_LABELS: Record<string, string> = {
  storeName: 'store name',
  storeCurrency: 'currency',
  defaultMarkupPercent: 'store default markup',
  voucherMarkupPercent: 'voucher markup',
  topupMarkupPercent: 'top-up markup',
  esimMarkupPercent: 'eSIM markup',
  lowBalanceThreshold: 'low-balance alert threshold',
  demoCredit: 'demo credit',
  autoEnableNewProducts: '“Put newly synced products on sale”',
};

/** "Saved the store default markup and the top-up markup." */
export function savedSettingsMessage(keys: readonly string[]): string {
  const names = keys.map((key) => SETTING_LABELS[key] ?? 'another setting');
  const list = new Intl.ListFormat('en', { type: 'conjunction' }).format(names);
  return `Saved the ${list}.`;
}
