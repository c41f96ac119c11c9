'use client';

import type { CountryCode } from 'libphonenumber-js';
import { useActionState, type ReactNode } from 'react';
import { lookupNumberAction } from '@/app/(store)/mobile/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { PhoneField } from './phone-field';
import type { PhoneFieldData } from '@/lib/phone-options';

/** The lookup's words, translated on the server (the mobile section page). */
export type NumberLookupText = { mobileToRecharge: string; countryCode: string; findingOperator: string; findPlans: string };

/**
 * Number first, like every recharge app: we find the operator, the customer confirms it. Its words,
 * its card surface and its saved-number buttons (`children`, submit buttons named `saved`, after
 * Find plans so Enter in the field still submits the typed number) are drawn by the page on the
 * server: the browser gets only the form's state and the phone field.
 */
export function MobileNumberLookup({
  defaultCountry = 'IN',
  phone,
  text,
  className,
  children,
}: {
  defaultCountry?: CountryCode;
  /** The countries the store has mobile operators for (lib/phone-options). */
  phone: PhoneFieldData;
  text: NumberLookupText;
  className?: string;
  children?: ReactNode;
}) {
  const [state, action] = useActionState(lookupNumberAction, { status: 'idle' });
  return (
    <form action={action} className={className} noValidate>
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
      {children}
    </form>
  );
}
