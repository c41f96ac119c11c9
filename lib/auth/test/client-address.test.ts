import { describe, expect, it } from 'vitest';
import { clientAddress, UNKNOWN_CLIENT } from '@/lib/auth/client-address';
import { parseEnv } from '@/lib/env';

const request = (headers: Record<string, string>) => new Headers(headers);

describe('TRUST_PROXY', () => {
  it('trusts no forwarding header by default', () => {
    expect(parseEnv({ NODE_ENV: 'test' }).TRUST_PROXY).toBe(0);
  });

  it('takes true, false or a number of proxies', () => {
    expect(parseEnv({ NODE_ENV: 'test', TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ NODE_ENV: 'test', TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ NODE_ENV: 'test', TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ NODE_ENV: 'test', TRUST_PROXY: '' }).TRUST_PROXY).toBe(0);
  });

  it('names a bad value', () => {
    expect(() => parseEnv({ NODE_ENV: 'test', TRUST_PROXY: 'yes' })).toThrowError(/TRUST_PROXY: must be true, false or the number of proxies/);
    expect(() => parseEnv({ NODE_ENV: 'test', TRUST_PROXY: '-1' })).toThrowError(/TRUST_PROXY/);
  });
});

describe('clientAddress', () => {
  it('without trusted proxies puts every request in one bucket, whatever the client claims', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(request({ 'x-forwarded-for': '198.51.100.1' }), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(request({ 'x-real-ip': '203.0.113.7' }), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(request({}), 0)).toBe(UNKNOWN_CLIENT);
  });

  it('behind one proxy takes the address it appended, not what the client wrote before it', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), 1)).toBe('203.0.113.7');
    expect(clientAddress(request({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }), 1)).toBe('203.0.113.7');
    expect(clientAddress(request({ 'x-forwarded-for': '6.6.6.6,5.5.5.5 ,  203.0.113.7 ' }), 1)).toBe('203.0.113.7');
  });

  it('behind two proxies skips the inner proxy', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' }), 2)).toBe('203.0.113.7');
    // Fewer entries than proxies: the request did not pass them all, so the left-most is all there is.
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), 2)).toBe('203.0.113.7');
  });

  it('falls back to X-Real-IP, then to the shared bucket', () => {
    expect(clientAddress(request({ 'x-real-ip': ' 203.0.113.9 ' }), 1)).toBe('203.0.113.9');
    expect(clientAddress(request({ 'x-forwarded-for': ' , ' }), 1)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(request({}), 1)).toBe(UNKNOWN_CLIENT);
  });
});
