'use client';

import type { CountryCode } from 'libphonenumber-js';
import { useActionState } from 'react';
import { lookupNumberAction } from '@/app/(store)/mobile/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { PhoneField } from './phone-field';
import { Card } from '@/components/ui/card';

/** Number first, like every recharge app: we find the operator, the customer confirms it. */
export function MobileNumberLookup({ defaultCountry = 'IN' }: { defaultCountry?: CountryCode }) {
  const [state, action] = useActionState(lookupNumberAction, { status: 'idle' });
  return (
    <Card as="form" rounded="3xl" action={action} className="space-y-3" noValidate>
      <PhoneField name="phone" label="Mobile number to recharge" defaultValue={state.values?.phone} defaultCountry={defaultCountry} errors={state.fieldErrors?.phone} required />
      <FormMessage state={state} />
      <SubmitButton className="w-full py-3 text-base" pendingLabel="Finding the operator…">
        Find plans
      </SubmitButton>
    </Card>
  );
}
