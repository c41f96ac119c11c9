import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '@/lib/auth/password';

describe('passwordProblem', () => {
  it('accepts long, uncommon passphrases', () => {
    for (const password of ['correct horse battery staple', 'plum orbit lantern 42', 'quiet tulip 9 harbor']) {
      expect(passwordProblem(password, { email: 'jane.doe@example.com' }), password).toBeUndefined();
    }
  });

  it('keeps the length rules', () => {
    expect(passwordProblem('a'.repeat(MIN_PASSWORD_LENGTH - 1))).toBe('Use at least 10 characters.');
    expect(passwordProblem(`${'plum orbit lantern '.repeat(7)}42`)).toBe('Use at most 128 characters.');
  });

  it.each(['password123', 'iloveyou12', 'qwertyuiop123', 'Summer2024!', 'aaaaaaaaaaaa', '1q2w3e4r5t6y', 'abcdefghijk1', 'P@ssw0rd2024'])(
    'refuses the common or guessable %j with the checker’s own advice',
    (password) => {
      const problem = passwordProblem(password);
      expect(problem).toBeDefined();
      expect(problem!.length).toBeGreaterThan(10);
    },
  );

  it('says why in the checker’s words', () => {
    expect(passwordProblem('password123')).toBe('This is a commonly used password. Add more words that are less common.');
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/^Repeated characters like "aaa" are easy to guess\./);
  });

  it('refuses passwords made of the email, name or store name', () => {
    const context = { email: 'marguerite.lindqvist@example.com', name: 'Marguerite Lindqvist', storeName: 'Octopus Store' };
    for (const password of ['marguerite.lindqvist', 'lindqvist2024!', 'octopusstore1', 'Marguerite1984']) {
      expect(passwordProblem(password, context), password).toMatch(/personal or page related data/);
    }
    expect(passwordProblem('lindqvist2024!')).toBeUndefined();
  });
});
