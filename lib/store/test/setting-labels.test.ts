import { describe, expect, it } from 'vitest';
import { savedSettingsMessage } from '../setting-labels';

describe('settings save message (issue 14 #14)', () => {
  it('names settings as the page labels them, never by internal key', () => {
    const message = savedSettingsMessage(['defaultMarkupPercent', 'topupMarkupPercent', 'autoEnableNewProducts']);
    expect(message).toBe('Saved the store default markup, top-up markup, and “Put newly synced products on sale”.');
    expect(message).not.toMatch(/[a-z][A-Z]/);
  });
});
