import 'server-only';
import { getDb } from '@/db';
import type { User } from '@/db/schema';
import { env } from '@/lib/env';
import { getStoreInfo } from '@/lib/store';
import { demoCreditOf, getStoreSettings } from '@/lib/store/settings';
import { signInWithPassword } from './index';
import { clientAddress } from './client-address';
import { getCurrentSession } from './current-session';
import { passwordProblem, verifyPassword } from './password';
import { describeWait, hitRateLimit } from './rate-limit';
import { checkResetToken, requestPasswordReset, resetPasswordWithToken, tokenProblemMessage, verifyEmailWithToken } from './account-tokens';
import { changePassword, createCustomer, EmailTakenError, notifyExistingAccountOfSignUpAttempt } from './users';

/** What a form shows when it is refused: one message, and the fields to correct. */
export type FormRefusal = { message: string; fieldErrors?: Record<string, string[]> };

export type SignUpInput = { email: string; password: string; name?: string };
export type SignUpOutcome = { kind: 'signed_in' } | { kind: 'check_inbox' } | { kind: 'sign_in_limited' } | ({ kind: 'refused' } & FormRefusal);

/**
 * Creates a customer (with sandbox demo credit) and signs them in. It never says that an email
 * is registered: its owner, giving its password, is signed in as a new customer would be
 * (through the sign-in limits); anyone else gets the same neutral answer whatever the reason.
 */
export async function signUpCustomer(input: SignUpInput, requestHeaders: Headers): Promise<SignUpOutcome> {
  const config = env();
  const db = await getDb();
  const [store, settings] = await Promise.all([getStoreInfo(), getStoreSettings(db)]);
  const problem = passwordProblem(input.password, { email: input.email, name: input.name, storeName: store.name });
  if (problem) return { kind: 'refused', message: 'Choose a stronger password.', fieldErrors: { password: [problem] } };

  const client = clientAddress(requestHeaders, config.TRUST_PROXY);
  const limit = await hitRateLimit(db, `signup:ip:${client}`, config.AUTH_SIGNUP_LIMIT_PER_HOUR, 3600);
  if (!limit.allowed) {
    return { kind: 'refused', message: `Too many accounts were created from your network. Try again in ${describeWait(limit.retryAfterSeconds)}.` };
  }

  const created = await createCustomer(db, input, config.OCTOPUS_SANDBOX ? { amount: demoCreditOf(settings), currency: store.currency } : undefined).then(
    () => true,
    (error: unknown) => {
      if (error instanceof EmailTakenError) return false;
      throw error;
    },
  );
  const refused = await signInWithPassword(input.email, input.password);
  if (refused && !created) {
    await notifyExistingAccountOfSignUpAttempt(db, input.email);
    return { kind: 'check_inbox' };
  }
  // A new account whose first sign-in hit the address's sign-in limit: the sign-in page says when.
  return refused ? { kind: 'sign_in_limited' } : { kind: 'signed_in' };
}

export type PasswordChange = { currentPassword: string; newPassword: string; confirmPassword: string };

const PASSWORD_CHANGE_WINDOW_SECONDS = 15 * 60;

/** Changes the signed-in user's password; every other session ends, this one stays. */
export async function changeOwnPassword(user: User, change: PasswordChange): Promise<FormRefusal | undefined> {
  const db = await getDb();
  // Someone holding a signed-in browser must not be able to guess the current password freely.
  const limit = await hitRateLimit(db, `password-change:user:${user.id}`, env().AUTH_SIGNIN_LIMIT_PER_ACCOUNT, PASSWORD_CHANGE_WINDOW_SECONDS);
  if (!limit.allowed) return { message: `Too many attempts. Try again in ${describeWait(limit.retryAfterSeconds)}.` };

  const fieldErrors: Record<string, string[]> = {};
  if (!(await verifyPassword(change.currentPassword, user.passwordHash))) fieldErrors.currentPassword = ['That is not your current password.'];
  const { name: storeName } = await getStoreInfo();
  const problem =
    change.newPassword === change.currentPassword
      ? 'Choose a password different from your current one.'
      : passwordProblem(change.newPassword, { email: user.email, name: user.name, storeName });
  if (problem) fieldErrors.newPassword = [problem];
  if (change.confirmPassword !== change.newPassword) fieldErrors.confirmPassword = ['This does not match the new password.'];
  if (Object.keys(fieldErrors).length > 0) return { message: 'Please correct the highlighted fields.', fieldErrors };

  const session = await getCurrentSession();
  await changePassword(db, user.id, change.newPassword, { keepSessionId: session?.sessionId });
  return undefined;
}

const RESET_REQUESTS_PER_ADDRESS_HOUR = 5;
const RESET_REQUESTS_PER_CLIENT_HOUR = 30;

/**
 * "Forgot password?": the same answer whether or not the address has an account. Requests are
 * limited per client address (told) and per email address (silently: no more emails that hour).
 */
export async function requestPasswordResetForm(email: string, requestHeaders: Headers): Promise<FormRefusal | undefined> {
  const db = await getDb();
  const client = clientAddress(requestHeaders, env().TRUST_PROXY);
  const perClient = await hitRateLimit(db, `reset:ip:${client}`, RESET_REQUESTS_PER_CLIENT_HOUR, 3600);
  if (!perClient.allowed) return { message: `Too many reset requests from your network. Try again in ${describeWait(perClient.retryAfterSeconds)}.` };
  const perAddress = await hitRateLimit(db, `reset:email:${email.trim().toLowerCase()}`, RESET_REQUESTS_PER_ADDRESS_HOUR, 3600);
  if (perAddress.allowed) await requestPasswordReset(db, email);
  return undefined;
}

export type ResetLinkState = { ok: true; email: string } | { ok: false; message: string };

/** What the reset page shows for a link: the form, or why the link cannot be used. */
export async function describeResetLink(token: string | undefined): Promise<ResetLinkState> {
  if (!token) return { ok: false, message: tokenProblemMessage.invalid };
  const checked = await checkResetToken(await getDb(), token);
  return 'problem' in checked ? { ok: false, message: tokenProblemMessage[checked.problem] } : { ok: true, email: checked.user.email };
}

/** Sets the password from a reset link; every session of the account ends. */
export async function resetPasswordForm(input: { token: string; password: string; confirmPassword: string }): Promise<FormRefusal | undefined> {
  const db = await getDb();
  const checked = await checkResetToken(db, input.token);
  if ('problem' in checked) return { message: tokenProblemMessage[checked.problem] };
  const { name: storeName } = await getStoreInfo();
  const fieldErrors: Record<string, string[]> = {};
  const problem = passwordProblem(input.password, { email: checked.user.email, name: checked.user.name, storeName });
  if (problem) fieldErrors.password = [problem];
  if (input.confirmPassword !== input.password) fieldErrors.confirmPassword = ['This does not match the new password.'];
  if (Object.keys(fieldErrors).length > 0) return { message: 'Please correct the highlighted fields.', fieldErrors };
  const result = await resetPasswordWithToken(db, input.token, input.password);
  return result.ok ? undefined : { message: tokenProblemMessage[result.problem] };
}

/** Confirms an address from its emailed link (a button press, so mail scanners that open links confirm nothing). */
export async function verifyEmailForm(token: string): Promise<{ ok: true; email: string } | { ok: false; message: string }> {
  const result = await verifyEmailWithToken(await getDb(), token);
  return result.ok ? result : { ok: false, message: tokenProblemMessage[result.problem] };
}
