'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { testSupplierConnectionAction, updateSettingsAction } from '../actions';
import { Card } from '@/components/ui/card';

export type SettingsValues = {
  storeName: string;
  storeCurrency: string;
  defaultMarkupPercent: string;
  voucherMarkupPercent: string;
  topupMarkupPercent: string;
  esimMarkupPercent: string;
  lowBalanceThreshold: string;
  demoCredit: string;
  autoEnableNewProducts: boolean;
  giftCodesEnabled: boolean;
  giftCodeMarkupPercent: string;
  cardPaymentsEnabled: boolean;
  addFundsEnabled: boolean;
  addFundsMin: string;
  addFundsMax: string;
  alertEmailsEnabled: boolean;
  alertEmailRecipients: string;
  emailVoucherCodes: boolean;
};

type Checkbox = 'autoEnableNewProducts' | 'alertEmailsEnabled' | 'emailVoucherCodes' | 'cardPaymentsEnabled' | 'addFundsEnabled' | 'giftCodesEnabled';

const idle: ActionState = { status: 'idle' };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card as="fieldset">
      <legend className="float-left mb-4 w-full text-lg font-semibold">{title}</legend>
      {/* Cleared: a flex label right after the floated legend was laid out beside it, past a phone's screen edge. */}
      <div className="clear-left space-y-4">{children}</div>
    </Card>
  );
}

export function SettingsForm({ values, currencyLock, defaultDemoCredit }: { values: SettingsValues; currencyLock: string | null; defaultDemoCredit: string }) {
  const [state, action] = useActionState(updateSettingsAction, idle);
  // After a refused save the form shows what was typed; otherwise what is stored.
  const value = (key: Exclude<keyof SettingsValues, Checkbox>) => state.values?.[key] ?? values[key];
  const checked = (key: Checkbox) => (state.values ? state.values[key] === 'on' : values[key]);
  const giftCodes = checked('giftCodesEnabled');
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-6" noValidate>
      <Section title="Store">
        <Field label="Store name" name="storeName" required maxLength={60} defaultValue={value('storeName')} errors={errors.storeName} />
        {currencyLock ? (
          <div>
            <Field label="Currency" name="storeCurrencyShown" value={values.storeCurrency} disabled readOnly hint={`Fixed: ${currencyLock}`} />
          </div>
        ) : (
          <Field
            label="Currency"
            name="storeCurrency"
            required
            maxLength={3}
            autoCapitalize="characters"
            defaultValue={value('storeCurrency')}
            errors={errors.storeCurrency}
            hint="What customers pay in, and the supplier wallet that pays for orders. It can change only until the first order or balance movement."
          />
        )}
      </Section>

      <Section title="Prices">
        <Field
          label="Store default markup (%)"
          name="defaultMarkupPercent"
          inputMode="decimal"
          required
          defaultValue={value('defaultMarkupPercent')}
          errors={errors.defaultMarkupPercent}
          hint="Retail = wholesale × (1 + markup). A product’s own markup wins, then its type’s, then this one."
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Vouchers (%)" name="voucherMarkupPercent" inputMode="decimal" placeholder="Store default" defaultValue={value('voucherMarkupPercent')} errors={errors.voucherMarkupPercent} />
          <Field label="Top-ups (%)" name="topupMarkupPercent" inputMode="decimal" placeholder="Store default" defaultValue={value('topupMarkupPercent')} errors={errors.topupMarkupPercent} />
          <Field label="eSIMs (%)" name="esimMarkupPercent" inputMode="decimal" placeholder="Store default" defaultValue={value('esimMarkupPercent')} errors={errors.esimMarkupPercent} />
        </div>
      </Section>

      <Section title="Money and catalogue">
        <Field
          label={`Low-balance alert threshold (${values.storeCurrency})`}
          name="lowBalanceThreshold"
          inputMode="decimal"
          required
          defaultValue={value('lowBalanceThreshold')}
          errors={errors.lowBalanceThreshold}
          hint="The dashboard warns when the supplier wallet that pays for orders holds less."
        />
        <Field
          label={`Demo credit for new customers (${values.storeCurrency})`}
          name="demoCredit"
          inputMode="decimal"
          placeholder={defaultDemoCredit}
          defaultValue={value('demoCredit')}
          errors={errors.demoCredit}
          hint={`Sandbox mode only. Empty means the DEMO_CREDIT default (${defaultDemoCredit}); 0 gives none.`}
        />
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" name="autoEnableNewProducts" defaultChecked={checked('autoEnableNewProducts')} className="mt-0.5 size-4" />
          <span>
            <span className="font-medium">Put newly synced products on sale</span>
            <span className="block text-zinc-500">Otherwise new supplier products wait, hidden, until an operator enables them.</span>
          </span>
        </label>
      </Section>

      <Section title="Card payments">
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" name="cardPaymentsEnabled" defaultChecked={checked('cardPaymentsEnabled')} className="mt-0.5 size-4" />
          <span>
            <span className="font-medium">Take card payments (Stripe Checkout)</span>
            <span className="block text-zinc-500">Customers and guests pay orders by card. Off: orders are paid from the store balance only.</span>
          </span>
        </label>
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" name="addFundsEnabled" defaultChecked={checked('addFundsEnabled')} className="mt-0.5 size-4" />
          <span>
            <span className="font-medium">Let customers add funds by card</span>
            <span className="block text-zinc-500">Needs card payments on.</span>
          </span>
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={`Add funds minimum (${values.storeCurrency})`} name="addFundsMin" inputMode="decimal" required defaultValue={value('addFundsMin')} errors={errors.addFundsMin} />
          <Field label={`Add funds maximum (${values.storeCurrency})`} name="addFundsMax" inputMode="decimal" required defaultValue={value('addFundsMax')} errors={errors.addFundsMax} />
        </div>
      </Section>

      <Section title="Gift codes">
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" name="giftCodesEnabled" defaultChecked={giftCodes} className="mt-0.5 size-4" />
          <span>
            <span className="font-medium">Customers may pay for top-ups with a gift code</span>
            <span className="block text-zinc-500">A gift card code this store sold and delivered pays for a top-up whose price it covers; the supplier redeems the whole code.</span>
          </span>
        </label>
        <Field
          label="Gift-code markup (%)"
          name="giftCodeMarkupPercent"
          inputMode="decimal"
          placeholder="The product's markup"
          defaultValue={value('giftCodeMarkupPercent')}
          errors={errors.giftCodeMarkupPercent}
          hint="The price a gift code must cover: the supplier's charge × (1 + this markup). Empty: the same price as paying from the balance."
        />
      </Section>

      <Section title="Email">
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" name="alertEmailsEnabled" defaultChecked={checked('alertEmailsEnabled')} className="mt-0.5 size-4" />
          <span>
            <span className="font-medium">Email operators about alerts</span>
            <span className="block text-zinc-500">Low supplier wallet, customers refused for supplier funds and the like: one email when an alert opens, none again until it clears.</span>
          </span>
        </label>
        <Field
          label="Alert recipients"
          name="alertEmailRecipients"
          type="text"
          inputMode="email"
          placeholder="Every operator account"
          defaultValue={value('alertEmailRecipients')}
          errors={errors.alertEmailRecipients}
          hint="Email addresses separated by commas. Empty sends to every operator account."
        />
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" name="emailVoucherCodes" defaultChecked={checked('emailVoucherCodes')} className="mt-0.5 size-4" />
          <span>
            <span className="font-medium">Put gift card codes in the delivery email</span>
            <span className="block text-zinc-500">Otherwise the email links to the order page, where codes are shown after sign-in.</span>
          </span>
        </label>
      </Section>

      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}

export function ConnectionTest({ host }: { host: string }) {
  const [state, action] = useActionState(testSupplierConnectionAction, idle);
  return (
    <form action={action} className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Logs in to <span className="font-mono">{host}</span> with the configured API key and shows which client the store is connected as. The secret is never shown.
      </p>
      <SubmitButton variant="secondary" pendingLabel="Testing…">
        Test supplier connection
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
