import 'server-only';
import type { Database } from '@/db';
import { clearRateLimit, hitRateLimit, type RateLimitResult } from './rate-limit';

export type SignInLimits = {
  /** Attempts per client address, whatever the accounts (AUTH_SIGNIN_LIMIT_PER_IP). */
  perClient: number;
  /** Attempts at one account from one client address (AUTH_SIGNIN_LIMIT_PER_ACCOUNT). */
  perAccountAndClient: number;
  /** Attempts at one account from everywhere, per hour (AUTH_SIGNIN_CEILING_PER_ACCOUNT_HOUR). */
  perAccountHourly: number;
};

export type SignInAttempt = { email: string; client: string };

const CLIENT_WINDOW_SECONDS = 15 * 60;
const ACCOUNT_WINDOW_SECONDS = 60 * 60;

export function signInLimitKeys({ email, client }: SignInAttempt) {
  return {
    client: `signin:ip:${client}`,
    accountAndClient: `signin:account-client:${email}:${client}`,
    account: `signin:account:${email}`,
  };
}

/**
 * Counts one attempt and says whether it may go ahead. A stranger guessing at an account only
 * uses up their own account-and-client allowance, so the owner signing in from elsewhere is not
 * locked out; the hourly per-account ceiling still bounds guessing spread over many addresses.
 */
export async function hitSignInLimits(db: Database, attempt: SignInAttempt, limits: SignInLimits): Promise<RateLimitResult> {
  const keys = signInLimitKeys(attempt);
  const checks: [string, number, number][] = [
    [keys.client, limits.perClient, CLIENT_WINDOW_SECONDS],
    [keys.accountAndClient, limits.perAccountAndClient, CLIENT_WINDOW_SECONDS],
    [keys.account, limits.perAccountHourly, ACCOUNT_WINDOW_SECONDS],
  ];
  for (const [key, limit, windowSeconds] of checks) {
    const result = await hitRateLimit(db, key, limit, windowSeconds);
    if (!result.allowed) return result;
  }
  return { allowed: true, retryAfterSeconds: 0 };
}

/** After a successful sign-in this client starts afresh on this account; the ceilings stay. */
export async function clearSignInAttempts(db: Database, attempt: SignInAttempt): Promise<void> {
  await clearRateLimit(db, signInLimitKeys(attempt).accountAndClient);
}
