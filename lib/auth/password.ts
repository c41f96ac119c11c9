import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en';
import bcrypt from 'bcryptjs';

const COST = 11;
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 128;
/** zxcvbn's "safely unguessable" (about 10^8 guesses and more); 4 is "very unguessable". */
const MIN_STRENGTH_SCORE = 3;

// Built once per process (the dictionaries take a moment); server-only, so never in a bundle.
// Levenshtein matching is left off: it makes each check hundreds of milliseconds of CPU.
let checker: ZxcvbnFactory | undefined;
const strengthChecker = () =>
  (checker ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
  }));

/** What the person and the store are called: a password built from them is easy to guess. */
export type PasswordContext = { email?: string; name?: string | null; storeName?: string };

function userDictionary({ email, name, storeName }: PasswordContext): string[] {
  const words = [email, name, storeName].filter((word): word is string => Boolean(word?.trim()));
  // "Jane Doe" also gives "janedoe", "jane" and "doe"; "jane.doe@example.com" gives "jane.doe" too.
  const variants = words.flatMap((word) => {
    const lower = word.toLowerCase();
    return [lower, lower.split('@')[0]!, lower.replace(/[\s._+-]+/g, ''), ...lower.split(/[\s@._+-]+/)];
  });
  return [...new Set(variants.filter((word) => word.length >= 3))];
}

/** What is wrong with a new password, in the strength checker's own words; undefined when fine. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const { score, feedback } = strengthChecker().check(password, userDictionary(context));
  if (score >= MIN_STRENGTH_SCORE) return undefined;
  return [feedback.warning || 'This password is too easy to guess.', ...feedback.suggestions].join(' ');
}

export const hashPassword = (password: string) => bcrypt.hash(password, COST);

let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  // Compare against a dummy hash when there is none, so timing does not reveal the account.
  dummyHash ??= bcrypt.hash('no account has this password', COST);
  return bcrypt.compare(password, hash ?? (await dummyHash));
}
