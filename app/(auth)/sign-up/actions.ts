'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { errorState, validatedAction } from '@/lib/actions';
import { signInWithPassword } from '@/lib/auth';
import { clientAddress } from '@/lib/auth/client-address';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '@/lib/auth/password';
import { describeWait, hitRateLimit } from '@/lib/auth/rate-limit';
import { safeCallbackUrl } from '@/lib/auth/redirects';
import { createCustomer, EmailTakenError, notifyExistingAccountOfSignUpAttempt } from '@/lib/auth/users';
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
  const config = env();
  const db = await getDb();
  const [store, settings] = await Promise.all([getStoreInfo(), getStoreSettings(db)]);
  const problem = passwordProblem(data.password, { email: data.email, name: data.name, storeName: store.name });
  if (problem) return errorState(formData, 'Choose a stronger password.', { password: [problem] });

  const client = clientAddress(await headers(), config.TRUST_PROXY);
  const limit = await hitRateLimit(db, `signup:ip:${client}`, config.AUTH_SIGNUP_LIMIT_PER_HOUR, 3600);
  if (!limit.allowed) {
    return errorState(formData, `Too many accounts were created from your network. Try again in ${describeWait(limit.retryAfterSeconds)}.`);
  }

  const created = await createCustomer(
    db,
    { email: data.email, password: data.password, name: data.name },
    config.OCTOPUS_SANDBOX ? { amount: demoCreditOf(settings), currency: store.currency } : undefined,
  ).then(
    () => true,
    (error: unknown) => {
      if (error instanceof EmailTakenError) return false;
      throw error;
    },
  );
  // The form never says that an email is registered: its owner, giving its password, is signed in
  // as a new customer would be (through the sign-in limits); anyone else gets the same neutral
  // answer whatever the reason.
  const refused = await signInWithPassword(data.email, data.password);
  const destination = safeCallbackUrl(data.callbackUrl);
  if (refused && !created) {
    await notifyExistingAccountOfSignUpAttempt(db, data.email);
    return { status: 'success', message: 'Check your inbox: if this address can be used, we have sent you the next step.' };
  }
  // A new account whose first sign-in hit the address's sign-in limit: the sign-in page says when.
  redirect(refused ? `/sign-in?callbackUrl=${encodeURIComponent(destination)}` : destination);
});
