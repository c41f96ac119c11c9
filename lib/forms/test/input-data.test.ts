import { describe, expect, it } from 'vitest';
import { inputDataFromForm, recipientOf, validateInputData } from '@/lib/forms/input-data';
import type { FieldDescriptor } from '@/lib/forms/types';

const base = { pattern: null, minLength: null, maxLength: null, min: null, max: null, placeholder: null, helpText: null, options: [] };
const playerId: FieldDescriptor = {
  ...base,
  name: 'player_id',
  label: 'Player ID',
  type: 'text',
  required: true,
  pattern: '^[0-9]{6,12}$',
  minLength: 6,
  maxLength: 12,
  placeholder: '5123456789',
};
const server: FieldDescriptor = {
  ...base,
  name: 'server',
  label: 'Server',
  type: 'select',
  required: false,
  options: [
    { value: 'asia', label: 'Asia' },
    { value: 'eu', label: 'Europe' },
  ],
};
const phone: FieldDescriptor = { ...base, name: 'phone_number', label: 'Mobile number', type: 'phone', required: true };
const email: FieldDescriptor = { ...base, name: 'email', label: 'Email', type: 'email', required: false };
const zone: FieldDescriptor = { ...base, name: 'zone_id', label: 'Zone ID', type: 'number', required: true, min: 1, max: 9999 };

describe('validateInputData', () => {
  it('accepts valid input, trims it and drops empty optional fields', () => {
    expect(validateInputData([playerId, server], { player_id: ' 5123456789 ', server: '' })).toEqual({
      ok: true,
      data: { player_id: '5123456789' },
    });
    expect(validateInputData([playerId, server], { player_id: '5123456789', server: 'asia' })).toEqual({
      ok: true,
      data: { player_id: '5123456789', server: 'asia' },
    });
  });

  it('reports every problem of every field at once', () => {
    const result = validateInputData([playerId, server, zone], { player_id: 'abc', server: 'mars', zone_id: '0' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors['input.player_id']).toEqual([
      'Player ID must be at least 6 characters.',
      'Player ID is not in the expected format. For example 5123456789.',
    ]);
    expect(result.fieldErrors['input.server']).toEqual(['Pick a Server from the list.']);
    expect(result.fieldErrors['input.zone_id']).toEqual(['Zone ID must be at least 1.']);
  });

  it('requires required fields', () => {
    const result = validateInputData([playerId], {});
    expect(result).toEqual({ ok: false, fieldErrors: { 'input.player_id': ['Enter your Player ID.'] }, formError: undefined });
  });

  it('refuses keys the product does not declare', () => {
    const result = validateInputData([playerId], { player_id: '5123456789', admin: 'true' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.formError).toBe('This product does not take: admin.');
  });

  it('refuses control characters in free text fields that have no pattern of their own', () => {
    const nickname: FieldDescriptor = { ...base, name: 'nickname', label: 'Nickname', type: 'text', required: true };
    expect(validateInputData([nickname], { nickname: 'Zoë 🐙' })).toEqual({ ok: true, data: { nickname: 'Zoë 🐙' } });
    expect(validateInputData([nickname], { nickname: 'Zo\u0000ë' })).toEqual({
      ok: false,
      fieldErrors: { 'input.nickname': ['Remove the invisible control characters from Nickname.'] },
      formError: undefined,
    });
  });

  it('normalises phone numbers to E.164 and rejects impossible ones', () => {
    expect(validateInputData([phone], { phone_number: '+91 88796 85100' })).toEqual({ ok: true, data: { phone_number: '+918879685100' } });
    const bad = validateInputData([phone], { phone_number: '+91 123' });
    expect(bad.ok).toBe(false);
    expect(validateInputData([email], { email: 'not-an-email' }).ok).toBe(false);
    expect(validateInputData([email], { email: 'a@example.com' })).toEqual({ ok: true, data: { email: 'a@example.com' } });
  });
});

describe('form helpers', () => {
  it('reads only prefixed product fields from a form', () => {
    const form = new FormData();
    form.append('input.player_id', '5123456789');
    form.append('amount', '4.99');
    expect(inputDataFromForm(form)).toEqual({ player_id: '5123456789' });
  });

  it('describes the recipient', () => {
    expect(recipientOf([phone], { phone_number: '+918879685100' })).toBe('+918879685100');
    expect(recipientOf([playerId, server], { player_id: '5123456789', server: 'asia' })).toBe('5123456789 · asia');
  });
});
