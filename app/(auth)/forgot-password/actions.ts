'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { errorState, validatedAction } from '@/lib/actions';
import { requestPasswordResetForm } from '@/lib/auth/account-forms';

const forgotSchema = z.object({ email: z.email('Enter the email address of your account, like you@example.com.').max(254) });

export const requestPasswordResetAction = validatedAction(forgotSchema, async (data, formData) => {
  const refused = await requestPasswordResetForm(data.email, await headers());
  if (refused) return errorState(formData, refused.message);
  // The same words whether or not the address has an account.
  return {
    status: 'success',
    message: `If ${data.email} has an account, a reset link is on its way. It works once, for 30 minutes. Check your spam folder if it does not arrive.`,
    values: { email: data.email },
  };
});
