'use client';

import type { CountryCode } from 'libphonenumber-js';
import { useActionState } from 'react';
import { lookupNumberAction } from '@/app/(store)/mobile/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { PhoneField } from './phone-field';
import { Card } from '@/components/ui/card';
import type { PhoneFieldData } from '@/lib/phone-options';

/** The lookup's words, translated on the server (the mobile section page). */
export type NumberLookupText = { savedNumbers: string; mobileToRecharge: string; countryCode: string; findingOperator: string; findPlans: string };

/**
 * Number first, like every recharge app: we find the operator, the customer confirms it. Its words
 * come from the page, so the section loads no translation runtime in the browser.
 */
export function MobileNumberLookup({
  defaultCountry = 'IN',
  saved = [],
  phone,
  text,
}: {
  defaultCountry?: CountryCode;
  saved?: { id: string; label: string; phone: string }[];
  /** The countries the store has mobile operators for (lib/phone-options). */
  phone: PhoneFieldData;
  text: NumberLookupText;
}) {
  const [state, action] = useActionState(lookupNumberAction, { status: 'idle' });
  return (
    <div className="space-y-3">
      {saved.length > 0 && (
        <nav aria-label={text.savedNumbers} className="flex flex-wrap gap-2">
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
        <PhoneField
          name="phone"
          label={text.mobileToRecharge}
          defaultValue={state.values?.phone}
          defaultCountry={defaultCountry}
          errors={state.fieldErrors?.phone}
          required
          data={phone}
          countryCodeLabel={text.countryCode}
        />
        <FormMessage state={state} />
        <SubmitButton className="w-full py-3 text-base" pendingLabel={text.findingOperator}>
          {text.findPlans}
        </SubmitButton>
      </Card>
    </div>
  );
}
