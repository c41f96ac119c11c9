'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorState, operatorAction } from '@/lib/actions';
import { storeCurrencySchema, storeNameSchema } from '@/lib/store';
import { saveStoreSettings, testSupplierConnection } from '@/lib/store/operator-settings';
import { savedSettingsMessage } from '@/lib/store/setting-labels';

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
  giftCodesEnabled: z.literal('on').optional(),
  giftCodeMarkupPercent: optionalPercent('Gift-code markup'),
  cardPaymentsEnabled: z.literal('on').optional(),
  addFundsEnabled: z.literal('on').optional(),
  addFundsMin: amount('Enter an amount like 5 or 10.'),
  addFundsMax: amount('Enter an amount like 500.'),
  alertEmailsEnabled: z.literal('on').optional(),
  alertEmailRecipients: z
    .string()
    .trim()
    .max(2000, 'Use at most 2,000 characters.')
    .transform((value) => value.split(/[\s,;]+/).filter(Boolean))
    .pipe(z.array(z.email('Each recipient must be an email address, like ops@example.com; separate them with commas.')).max(20, 'List at most 20 recipients.')),
  emailVoucherCodes: z.literal('on').optional(),
});

export const updateSettingsAction = operatorAction(settingsSchema, async (data, formData, operator) => {
  if (Number(data.addFundsMin) <= 0 || Number(data.addFundsMin) > Number(data.addFundsMax)) {
    const message = 'The minimum must be above 0 and not above the maximum.';
    return errorState(formData, message, { addFundsMin: [message] });
  }
  const result = await saveStoreSettings(operator, {
    storeName: data.storeName,
    storeCurrency: data.storeCurrency,
    settings: {
      defaultMarkupPercent: data.defaultMarkupPercent,
      voucherMarkupPercent: data.voucherMarkupPercent || null,
      topupMarkupPercent: data.topupMarkupPercent || null,
      esimMarkupPercent: data.esimMarkupPercent || null,
      lowBalanceThreshold: data.lowBalanceThreshold,
      demoCredit: data.demoCredit || null,
      autoEnableNewProducts: data.autoEnableNewProducts === 'on',
      giftCodesEnabled: data.giftCodesEnabled === 'on',
      giftCodeMarkupPercent: data.giftCodeMarkupPercent || null,
      cardPaymentsEnabled: data.cardPaymentsEnabled === 'on',
      addFundsEnabled: data.addFundsEnabled === 'on',
      addFundsMin: data.addFundsMin,
      addFundsMax: data.addFundsMax,
      alertEmailsEnabled: data.alertEmailsEnabled === 'on',
      alertEmailRecipients: data.alertEmailRecipients,
      emailVoucherCodes: data.emailVoucherCodes === 'on',
    },
  });
  if (result.kind === 'refused') return errorState(formData, result.message, result.fieldErrors);
  if (result.kind === 'unchanged') return { status: 'success', message: 'Nothing changed.' };
  revalidatePath('/', 'layout');
  return { status: 'success', message: savedSettingsMessage(result.changed) };
});

export const testSupplierConnectionAction = operatorAction(z.object({}), async (_data, _formData, operator) => {
  const result = await testSupplierConnection(operator);
  if (!result.ok) return { status: 'error', message: `Could not log in to ${result.host} (${result.latencyMs} ms): ${result.message}` };
  return {
    status: 'success',
    message: `Connected to ${result.host}${result.sandbox ? ' (sandbox)' : ''} as client ${result.clientId ?? 'unknown'}, login in ${result.latencyMs} ms.`,
  };
});
