import { describe, expect, it } from 'vitest';
import type { FieldDescriptor } from '@/lib/forms/types';
import { recipientFits } from '../fit';

const base = { required: true, pattern: null, minLength: null, maxLength: null, min: null, max: null, placeholder: null, helpText: null, options: [] };
const phone: FieldDescriptor[] = [{ ...base, name: 'phone_number', label: 'Mobile number', type: 'phone' }];
const freeFire: FieldDescriptor[] = [{ ...base, name: 'player_id', label: 'Player ID', type: 'text', pattern: '^[0-9]{8,12}$' }];

describe('saved recipients offered only where they fit (issue 14 #8)', () => {
  it('keeps an Indian number off MTN Nigeria, and offers it on Airtel India', () => {
    expect(recipientFits({ phone_number: '+918879685100' }, phone, 'NG')).toBe(false);
    expect(recipientFits({ phone_number: '+918879685100' }, phone, 'IN')).toBe(true);
    expect(recipientFits({ phone_number: '+2348031234567' }, phone, 'NG')).toBe(true);
  });

  it("keeps a player ID off a game whose rule refuses it, and off products without the field", () => {
    expect(recipientFits({ player_id: '5123456' }, freeFire, null)).toBe(false);
    expect(recipientFits({ player_id: '51234567' }, freeFire, null)).toBe(true);
    expect(recipientFits({ player_id: '51234567', server: 'asia' }, freeFire, null)).toBe(false);
    expect(recipientFits({ phone_number: '+918879685100' }, freeFire, null)).toBe(false);
  });
});
