import { describe, expect, it } from 'vitest';
import { pageContentSecurityPolicy, servedOverHttps } from '@/lib/security-headers';

describe('pageContentSecurityPolicy', () => {
  it('allows scripts by nonce only, and eval in development only', () => {
    const production = pageContentSecurityPolicy({ nonce: 'abc123', development: false, https: false });
    expect(production).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';");
    expect(production).not.toContain('unsafe-eval');
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).toContain("object-src 'none'");
    // Supplier product pictures live on its CDN.
    expect(production).toContain("img-src 'self' data: blob: https:;");
    expect(pageContentSecurityPolicy({ nonce: 'abc123', development: true, https: false })).toContain("'strict-dynamic' 'unsafe-eval';");
  });

  it('upgrades insecure requests over HTTPS only', () => {
    expect(pageContentSecurityPolicy({ nonce: 'n', development: false, https: true })).toMatch(/; upgrade-insecure-requests$/);
    expect(pageContentSecurityPolicy({ nonce: 'n', development: false, https: false })).not.toContain('upgrade-insecure-requests');
  });
});

describe('servedOverHttps', () => {
  const headers = (proto?: string) => new Headers(proto ? { 'x-forwarded-proto': proto } : {});

  it('believes X-Forwarded-Proto only behind a trusted proxy', () => {
    expect(servedOverHttps(headers('https'), true)).toBe(true);
    expect(servedOverHttps(headers('https'), false)).toBe(false);
    expect(servedOverHttps(headers('http'), true)).toBe(false);
    expect(servedOverHttps(headers(), true)).toBe(false);
  });

  it('reads the first hop of a proxy chain', () => {
    expect(servedOverHttps(headers('HTTPS, http'), true)).toBe(true);
    expect(servedOverHttps(headers('http, https'), true)).toBe(false);
  });
});
