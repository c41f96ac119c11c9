'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { errorState, validatedAction } from '@/lib/actions';
import { resetPasswordForm } from '@/lib/auth/account-forms';

const resetSchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().min(1, 'Choose a new password.').max(200, 'Use at most 200 characters.'),
  confirmPassword: z.string().max(200),
});

export const resetPasswordAction = validatedAction(resetSchema, async (data, formData) => {
  const refused = await resetPasswordForm(data);
  if (refused) return errorState(formData, refused.message, refused.fieldErrors);
  redirect('/sign-in?reset=done');
});
