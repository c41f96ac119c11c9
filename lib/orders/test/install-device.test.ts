import { describe, expect, it } from 'vitest';
import { installDeviceOf } from '../install-device';

describe('eSIM install help by device (issue 14 #10)', () => {
  it('offers the iPhone link only to iOS', () => {
    expect(installDeviceOf('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1')).toBe('ios');
    expect(installDeviceOf('Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36')).toBe('android');
    expect(installDeviceOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36')).toBe('other');
    expect(installDeviceOf(null)).toBe('other');
  });
});
