'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { errorState, validatedAction } from '@/lib/actions';
import { signInWithPassword } from '@/lib/auth';
import { describeWait } from '@/lib/auth/rate-limit';
import { postSignInPath } from '@/lib/auth/redirects';
import { roleOfEmail } from '@/lib/auth/users';

const signInSchema = z.object({
  email: z.email('Enter the email address you signed up with.'),
  password: z.string().min(1, 'Enter your password.'),
  callbackUrl: z.string().optional(),
});

// One message for an unknown email and a wrong password: the form must not say which accounts exist.
const INVALID_CREDENTIALS_MESSAGE = 'That email and password do not match an account. Check both and try again.';

function refusalMessage(code: string): string {
  if (code.startsWith('rate_limited:')) {
    const seconds = Number(code.split(':')[1]) || 60;
    return `Too many sign-in attempts. Try again in ${describeWait(seconds)}.`;
  }
  return INVALID_CREDENTIALS_MESSAGE;
}

export const signInAction = validatedAction(signInSchema, async (data, formData) => {
  const refused = await signInWithPassword(data.email, data.password);
  if (refused) return errorState(formData, refusalMessage(refused));
  redirect(postSignInPath(data.callbackUrl || undefined, await roleOfEmail(data.email)));
});
