import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postSignInPath, safeCallbackUrl } from '@/lib/auth/redirects';

const ORIGIN = 'https://shop.example';

/** Where a browser lands when the value is sent as a Location header from a page on ORIGIN. */
function landing(value: string): URL {
  // Node refuses header values with control or non-Latin-1 characters: that is the 500.
  expect(value).toMatch(/^[\x21-\x7e]+$/);
  return new URL(value, `${ORIGIN}/sign-in`);
}

describe('safeCallbackUrl', () => {
  it('keeps same-site paths with their query and fragment', () => {
    expect(safeCallbackUrl('/account')).toBe('/account');
    expect(safeCallbackUrl('/orders/42?tab=codes#top')).toBe('/orders/42?tab=codes#top');
    expect(safeCallbackUrl('/vouchers?q=steam%20card')).toBe('/vouchers?q=steam%20card');
  });

  // What the page receives once Next has decoded `?callbackUrl=/%09/evil.example` and friends.
  it.each([
    ['/\t/evil.example', 'tab (%09), stripped by browsers'],
    ['/\n/evil.example', 'line feed (%0A)'],
    ['/\r/evil.example', 'carriage return (%0D)'],
    ['\t//evil.example', 'leading tab'],
    ['//evil.example', 'protocol-relative'],
    ['///evil.example', 'three slashes'],
    ['/\\evil.example', 'backslash'],
    ['/\\/evil.example', 'backslash then slash'],
    ['/..//evil.example', 'dot segment before a double slash'],
    ['/.//evil.example', 'single dot before a double slash'],
    ['https://evil.example/account', 'full URL'],
    ['http:evil.example', 'scheme without slashes'],
    ['javascript:alert(1)', 'javascript: URL'],
    ['data:text/html,hi', 'data: URL'],
    ['account', 'relative path'],
    ['', 'empty'],
  ])('refuses %j (%s)', (value) => {
    expect(safeCallbackUrl(value)).toBe('/account');
  });

  it.each([
    ['/\v/x', '/%0B/x'],
    ['/\u3000/x', '/%E3%80%80/x'],
    ['/\u0000/x', '/%00/x'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['/%2F/evil.example', '/%2F/evil.example'],
    ['/a\\b', '/a/b'],
  ])('returns the normalised, encoded form of %j', (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
    expect(landing(expected).origin).toBe(ORIGIN);
  });

  it('refuses anything that is not a string', () => {
    expect(safeCallbackUrl(undefined)).toBe('/account');
    expect(safeCallbackUrl(['/a', '/b'])).toBe('/account');
    expect(safeCallbackUrl({ toString: () => '/a' }, '/')).toBe('/');
  });

  it('always answers a header-safe path on this site, whatever the input', () => {
    const pieces = fc.constantFrom('/', '\\', '.', '..', '%', '%2F', '%5C', '%09', '\t', '\n', '\r', '\v', '\u3000', ':', '?', '#', '@', 'evil.example', 'a');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces).map((parts) => parts.join(''))), (value) => {
        expect(landing(safeCallbackUrl(value)).origin).toBe(ORIGIN);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('where sign-in lands (issue 14 #15)', () => {
  it('sends operators to the console and customers to their account when no page was asked for', () => {
    expect(postSignInPath(undefined, 'operator')).toBe('/admin');
    expect(postSignInPath(undefined, 'customer')).toBe('/account');
    expect(postSignInPath('//evil.example', 'operator')).toBe('/admin');
  });

  it('keeps the page that was asked for, whoever signs in', () => {
    expect(postSignInPath('/admin/orders/5a0c?tab=x', 'operator')).toBe('/admin/orders/5a0c?tab=x');
    expect(postSignInPath('/orders/1', 'customer')).toBe('/orders/1');
  });
});
