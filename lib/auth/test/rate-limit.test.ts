import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearRateLimit, describeWait, hitRateLimit } from '@/lib/auth/rate-limit';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

describe('hitRateLimit', () => {
  it('allows the limit, refuses the next attempt and says when to retry', async () => {
    const results = [];
    for (let attempt = 0; attempt < 4; attempt++) results.push(await hitRateLimit(database.db, 'signup:ip:203.0.113.9', 3, 3600));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(3500);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });

  it('counts every concurrent attempt (no lost updates across connections)', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () => hitRateLimit(database.db, 'signin:account:race@example.com', 10, 900)),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
  });

  it('starts a new window once the old one has passed, and can be cleared', async () => {
    const key = 'signin:account:window@example.com';
    expect((await hitRateLimit(database.db, key, 1, 1)).allowed).toBe(true);
    expect((await hitRateLimit(database.db, key, 1, 1)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await hitRateLimit(database.db, key, 1, 1)).allowed).toBe(true);
    await clearRateLimit(database.db, key);
    expect((await hitRateLimit(database.db, key, 1, 1)).allowed).toBe(true);
  });

  it('describes waits in words', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(45)).toBe('45 seconds');
    expect(describeWait(61)).toBe('2 minutes');
  });
});
