'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { errorState, validatedAction } from '@/lib/actions';
import { clientIp, signIn } from '@/lib/auth';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '@/lib/auth/password';
import { describeWait, hitRateLimit } from '@/lib/auth/rate-limit';
import { safeCallbackUrl } from '@/lib/auth/redirects';
import { createCustomer, EmailTakenError } from '@/lib/auth/users';
import { env } from '@/lib/env';
import { getStoreInfo } from '@/lib/store';
import { demoCreditOf, getStoreSettings } from '@/lib/store/settings';
import { plainText } from '@/lib/validation';

const signUpSchema = z.object({
  name: plainText('the name').max(80, 'Use at most 80 characters.').optional(),
  email: z.email('Enter a valid email address, like you@example.com.').max(254, 'That email address is too long.'),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`),
  callbackUrl: z.string().optional(),
});

export const signUpAction = validatedAction(signUpSchema, async (data, formData) => {
  const problem = passwordProblem(data.password, data.email);
  if (problem) return errorState(formData, 'Choose a stronger password.', { password: [problem] });

  const config = env();
  const db = await getDb();
  const limit = await hitRateLimit(db, `signup:ip:${clientIp(await headers())}`, config.AUTH_SIGNUP_LIMIT_PER_HOUR, 3600);
  if (!limit.allowed) {
    return errorState(formData, `Too many accounts were created from your network. Try again in ${describeWait(limit.retryAfterSeconds)}.`);
  }

  const [store, settings] = await Promise.all([getStoreInfo(), getStoreSettings(db)]);
  try {
    await createCustomer(
      db,
      { email: data.email, password: data.password, name: data.name },
      config.OCTOPUS_SANDBOX ? { amount: demoCreditOf(settings), currency: store.currency } : undefined,
    );
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return errorState(formData, 'An account with this email already exists.', {
        email: ['An account with this email already exists. Sign in instead.'],
      });
    }
    throw error;
  }
  await signIn('credentials', { email: data.email, password: data.password, redirect: false });
  redirect(safeCallbackUrl(data.callbackUrl));
});
