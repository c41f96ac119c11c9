'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { errorState, validatedAction } from '@/lib/actions';
import { lookupOperators } from '@/lib/catalogue/mobile-lookup';
import { toE164 } from '@/lib/phone';

/** The typed number, or the saved number whose button was pressed (it submits the same form). */
const lookupSchema = z
  .object({ phone: z.string().trim().default(''), saved: z.string().trim().optional() })
  .transform(({ phone, saved }) => ({ phone: saved || phone }))
  .pipe(z.object({ phone: z.string().min(1, 'Enter the mobile number to top up.') }));

/** Detects the operator of a number and opens its plans, with the other candidates one tap away. */
export const lookupNumberAction = validatedAction(lookupSchema, async (data, formData) => {
  const e164 = toE164(data.phone);
  if (!e164) {
    return errorState(formData, 'Please correct the highlighted fields.', {
      phone: ['This is not a valid mobile number. Check the country and the number.'],
    });
  }
  const candidates = await lookupOperators(e164);
  if (candidates === 'unavailable') return errorState(formData, 'We could not check this number right now. Please try again in a moment.');
  if (candidates.length === 0) {
    return errorState(formData, 'We do not sell recharges for this number’s operator yet. Check the number, or pick an operator below.');
  }
  const [best, ...others] = candidates;
  const query = new URLSearchParams({ 'input.phone_number': e164 });
  if (others.length) query.set('alternatives', others.map((candidate) => candidate.product.id).join(','));
  query.set('detected', best!.identified ? '1' : '0');
  redirect(`/mobile/${best!.product.id}?${query}`);
});
