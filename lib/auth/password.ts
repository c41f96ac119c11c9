import bcrypt from 'bcryptjs';

const COST = 11;
export const MIN_PASSWORD_LENGTH = 10;

// A few of the most used passwords: enough to refuse the obvious without shipping a list.
const COMMON = new Set(['password12', 'password123', '1234567890', 'qwertyuiop', '0123456789', 'iloveyou12', 'letmein123']);

/** What is wrong with a new password, in words a customer can act on; undefined when fine. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 128) return 'Use at most 128 characters.';
  if (new Set(password).size < 4 || COMMON.has(password.toLowerCase())) return 'This password is too easy to guess.';
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    return 'Do not use your email address in your password.';
  }
  return undefined;
}

export const hashPassword = (password: string) => bcrypt.hash(password, COST);

let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  // Compare against a dummy hash when there is none, so timing does not reveal the account.
  dummyHash ??= bcrypt.hash('no account has this password', COST);
  return bcrypt.compare(password, hash ?? (await dummyHash));
}
