'use server';

import { z } from 'zod';
import { validatedAction } from '@/lib/actions';
import { verifyEmailForm } from '@/lib/auth/account-forms';

export const verifyEmailAction = validatedAction(z.object({ token: z.string().min(1).max(200) }), async (data) => {
  const result = await verifyEmailForm(data.token);
  return result.ok ? { status: 'success', message: `Thank you: ${result.email} is confirmed.` } : { status: 'error', message: result.message };
});
