'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { errorState, validatedAction } from '@/lib/actions';
import { signUpCustomer } from '@/lib/auth/account-forms';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { safeCallbackUrl } from '@/lib/auth/redirects';
import { plainText } from '@/lib/validation';

const signUpSchema = z.object({
  name: plainText('the name').max(80, 'Use at most 80 characters.').optional(),
  email: z.email('Enter a valid email address, like you@example.com.').max(254, 'That email address is too long.'),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`),
  callbackUrl: z.string().optional(),
});

export const signUpAction = validatedAction(signUpSchema, async (data, formData) => {
  const outcome = await signUpCustomer({ email: data.email, password: data.password, name: data.name }, await headers());
  if (outcome.kind === 'refused') return errorState(formData, outcome.message, outcome.fieldErrors);
  if (outcome.kind === 'check_inbox') return { status: 'success', message: 'Check your inbox: if this address can be used, we have sent you the next step.' };
  const destination = safeCallbackUrl(data.callbackUrl);
  redirect(outcome.kind === 'sign_in_limited' ? `/sign-in?callbackUrl=${encodeURIComponent(destination)}` : destination);
});
