import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearSignInAttempts, hitSignInLimits, signInLimitKeys, type SignInLimits } from '@/lib/auth/sign-in-limits';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

// The defaults: 50 per address and 10 per account and address every 15 minutes, 100 per account an hour.
const limits: SignInLimits = { perClient: 50, perAccountAndClient: 10, perAccountHourly: 100 };
async function attempts(email: string, client: string, count: number) {
  const results = [];
  for (let attempt = 0; attempt < count; attempt++) results.push(await hitSignInLimits(database.db, { email, client }, limits));
  return results;
}

describe('sign-in limits', () => {
  it('keys attempts by address, by account and address together, and by account', () => {
    expect(signInLimitKeys({ email: 'owner@example.com', client: '203.0.113.7' })).toEqual({
      client: 'signin:ip:203.0.113.7',
      accountAndClient: 'signin:account-client:owner@example.com:203.0.113.7',
      account: 'signin:account:owner@example.com',
    });
  });

  it('a stranger with 10 wrong passwords from another address does not lock the owner out', async () => {
    const email = 'owner-1@example.com';
    const stranger = await attempts(email, '203.0.113.66', 11);
    expect(stranger.map((result) => result.allowed)).toEqual([...Array(10).fill(true), false]);
    expect(stranger[10]!.retryAfterSeconds).toBeGreaterThan(14 * 60);

    expect((await hitSignInLimits(database.db, { email, client: '198.51.100.2' }, limits)).allowed).toBe(true);
    // The stranger stays refused on this account, and is still free to use other accounts.
    expect((await hitSignInLimits(database.db, { email, client: '203.0.113.66' }, limits)).allowed).toBe(false);
    expect((await hitSignInLimits(database.db, { email: 'someone-else@example.com', client: '203.0.113.66' }, limits)).allowed).toBe(true);
  });

  it('the hourly per-account ceiling still applies to guesses spread over many addresses', async () => {
    const email = 'owner-2@example.com';
    const ceiling = { ...limits, perAccountHourly: 25 };
    for (let client = 0; client < 5; client++) {
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await hitSignInLimits(database.db, { email, client: `203.0.113.${client}` }, ceiling)).allowed).toBe(true);
      }
    }
    const owner = await hitSignInLimits(database.db, { email, client: '198.51.100.2' }, ceiling);
    expect(owner.allowed).toBe(false);
    expect(owner.retryAfterSeconds).toBeGreaterThan(59 * 60);
  });

  it('the per-address limit stays, across accounts', async () => {
    const results = [];
    for (let account = 0; account < 4; account++) {
      results.push(await hitSignInLimits(database.db, { email: `spray-${account}@example.com`, client: '192.0.2.44' }, { ...limits, perClient: 3 }));
    }
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
  });

  it('a successful sign-in clears that address’s count on the account, not the ceiling', async () => {
    const email = 'owner-3@example.com';
    // A refused attempt is not counted further: 3 against the ceiling before the clear, 1 after.
    const tight = { ...limits, perAccountAndClient: 3, perAccountHourly: 4 };
    for (let attempt = 0; attempt < 3; attempt++) await hitSignInLimits(database.db, { email, client: '198.51.100.3' }, tight);
    expect((await hitSignInLimits(database.db, { email, client: '198.51.100.3' }, tight)).allowed).toBe(false);
    await clearSignInAttempts(database.db, { email, client: '198.51.100.3' });
    expect((await hitSignInLimits(database.db, { email, client: '198.51.100.3' }, tight)).allowed).toBe(true);
    expect((await hitSignInLimits(database.db, { email, client: '198.51.100.3' }, tight)).allowed).toBe(false);
  });
});
