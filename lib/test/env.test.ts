import { describe, expect, it } from 'vitest';
import { parseEnv, SANDBOX_API_KEY, SANDBOX_API_SECRET } from '@/lib/env';

describe('parseEnv', () => {
  it('defaults to the bundled sandbox with its demo credentials', () => {
    const env = parseEnv({ NODE_ENV: 'test' });
    expect(env.OCTOPUS_SANDBOX).toBe(true);
    expect(env.OCTOPUS_API_URL).toBe('http://127.0.0.1:4010');
    expect(env.OCTOPUS_API_KEY).toBe(SANDBOX_API_KEY);
    expect(env.OCTOPUS_API_SECRET).toBe(SANDBOX_API_SECRET);
    expect(env.STORE_CURRENCY).toBe('USD');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('switches to a real supplier with exactly three variables', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      OCTOPUS_API_URL: 'https://api.octopuscards.io',
      OCTOPUS_API_KEY: 'live_key',
      OCTOPUS_API_SECRET: 'live_secret',
    });
    expect(env.OCTOPUS_SANDBOX).toBe(false);
    expect(env.OCTOPUS_API_URL).toBe('https://api.octopuscards.io');
    expect(env.OCTOPUS_API_KEY).toBe('live_key');
  });

  it('names every missing or malformed variable in one message', () => {
    expect(() =>
      parseEnv({
        NODE_ENV: 'production',
        OCTOPUS_API_URL: 'https://api.octopuscards.io',
        DATABASE_URL: 'mysql://nope',
        STORE_CURRENCY: 'dollars',
      }),
    ).toThrowError(
      /DATABASE_URL: must be a postgres:\/\/ URL[\s\S]*STORE_CURRENCY: must be an ISO 4217 code[\s\S]*OCTOPUS_API_KEY: is required[\s\S]*OCTOPUS_API_SECRET: is required/,
    );
  });

  it('treats empty values as unset, as in a copied .env.example', () => {
    const env = parseEnv({ NODE_ENV: 'test', DATABASE_URL: '', OCTOPUS_API_URL: '', AUTH_SECRET: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.OCTOPUS_SANDBOX).toBe(true);
  });
});
