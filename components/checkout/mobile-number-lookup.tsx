'use client';

import type { CountryCode } from 'libphonenumber-js';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { lookupNumberAction } from '@/app/(store)/mobile/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { PhoneField } from './phone-field';
import { Card } from '@/components/ui/card';
import type { PhoneFieldData } from '@/lib/phone-options';

/** Number first, like every recharge app: we find the operator, the customer confirms it. */
export function MobileNumberLookup({
  defaultCountry = 'IN',
  saved = [],
  phone,
}: {
  defaultCountry?: CountryCode;
  saved?: { id: string; label: string; phone: string }[];
  /** The countries the store has mobile operators for (lib/phone-options). */
  phone: PhoneFieldData;
}) {
  const [state, action] = useActionState(lookupNumberAction, { status: 'idle' });
  const t = useTranslations('checkout');
  return (
    <div className="space-y-3">
      {saved.length > 0 && (
        <nav aria-label={t('savedNumbers')} className="flex flex-wrap gap-2">
          {saved.map((recipient) => (
            <form key={recipient.id} action={action}>
              <input type="hidden" name="phone" value={recipient.phone} />
              <button
                type="submit"
                className="rounded-full bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:ring-zinc-700"
              >
                {recipient.label}
              </button>
            </form>
          ))}
        </nav>
      )}
      <Card as="form" rounded="3xl" action={action} className="space-y-3" noValidate>
      <PhoneField name="phone" label={t('mobileToRecharge')} defaultValue={state.values?.phone} defaultCountry={defaultCountry} errors={state.fieldErrors?.phone} required data={phone} />
      <FormMessage state={state} />
      <SubmitButton className="w-full py-3 text-base" pendingLabel={t('findingOperator')}>
        {t('findPlans')}
      </SubmitButton>
      </Card>
    </div>
  );
}
