'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { errorState, validatedAction } from '@/lib/actions';
import { signIn } from '@/lib/auth';
import { describeWait } from '@/lib/auth/rate-limit';
import { safeCallbackUrl } from '@/lib/auth/redirects';

const signInSchema = z.object({
  email: z.email('Enter the email address you signed up with.'),
  password: z.string().min(1, 'Enter your password.'),
  callbackUrl: z.string().optional(),
});

function refusalMessage(code: string): { message: string; field?: 'email' | 'password' } {
  if (code === 'unknown_email') return { message: 'No account uses this email. Check it, or create an account.', field: 'email' };
  if (code === 'wrong_password') return { message: 'That password is not right for this account.', field: 'password' };
  if (code.startsWith('rate_limited:')) {
    const seconds = Number(code.split(':')[1]) || 60;
    return { message: `Too many sign-in attempts. Try again in ${describeWait(seconds)}.` };
  }
  return { message: 'Check your email and password and try again.' };
}

export const signInAction = validatedAction(signInSchema, async (data, formData) => {
  try {
    await signIn('credentials', { email: data.email, password: data.password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? '';
      const refusal = refusalMessage(code);
      if (!refusal.field) return errorState(formData, refusal.message);
      return errorState(formData, 'We could not sign you in.', { [refusal.field]: [refusal.message] });
    }
    throw error;
  }
  redirect(safeCallbackUrl(data.callbackUrl));
});
