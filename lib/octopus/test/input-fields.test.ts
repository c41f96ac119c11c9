import { describe, expect, it } from 'vitest';
import { humanise, parseInputFields } from '../input-fields';

describe('parseInputFields', () => {
  it('reads the documented shape (DESIGN.md examples)', () => {
    const fields = parseInputFields([
      {
        name: 'player_id',
        label: 'Player ID',
        type: 'text',
        required: true,
        pattern: '^[0-9]{6,12}$',
        min_length: 6,
        max_length: 12,
        placeholder: '5123456789',
        help_text: 'Tap your avatar in the game to see it',
      },
      {
        name: 'server',
        label: 'Server',
        type: 'select',
        required: false,
        options: [
          { value: 'asia', label: 'Asia' },
          { value: 'eu', label: 'Europe' },
        ],
      },
      { name: 'phone_number', label: 'Mobile number', type: 'phone', required: true },
    ]);
    expect(fields).toEqual([
      {
        name: 'player_id',
        label: 'Player ID',
        type: 'text',
        required: true,
        pattern: '^[0-9]{6,12}$',
        minLength: 6,
        maxLength: 12,
        min: null,
        max: null,
        placeholder: '5123456789',
        helpText: 'Tap your avatar in the game to see it',
        options: [],
      },
      {
        name: 'server',
        label: 'Server',
        type: 'select',
        required: false,
        pattern: null,
        minLength: null,
        maxLength: null,
        min: null,
        max: null,
        placeholder: null,
        helpText: null,
        options: [
          { value: 'asia', label: 'Asia' },
          { value: 'eu', label: 'Europe' },
        ],
      },
      expect.objectContaining({ name: 'phone_number', label: 'Mobile number', type: 'phone', required: true }),
    ]);
  });

  it('takes the name from field_name or key', () => {
    const fields = parseInputFields([
      { field_name: 'user_id', type: 'text' },
      { key: 'zone_id', type: 'number' },
    ]);
    expect(fields.map((field) => [field.name, field.type])).toEqual([
      ['user_id', 'text'],
      ['zone_id', 'number'],
    ]);
  });

  it('takes the pattern from regex or validation, as a string or inside an object', () => {
    const [a, b, c] = parseInputFields([
      { name: 'a', regex: '^\\d+$' },
      { name: 'b', validation: '^[A-Z]{3}$' },
      { name: 'c', validation: { regex: '^x', min_length: '2', max_length: 9, min: 1, max: 5 } },
    ]);
    expect(a?.pattern).toBe('^\\d+$');
    expect(b?.pattern).toBe('^[A-Z]{3}$');
    expect(c).toMatchObject({ pattern: '^x', minLength: 2, maxLength: 9, min: 1, max: 5 });
  });

  it('drops a pattern JavaScript cannot compile instead of failing the form', () => {
    const [field] = parseInputFields([{ name: 'player_id', pattern: '(?<unclosed' }]);
    expect(field?.pattern).toBeNull();
  });

  it('accepts options as strings, numbers or objects with other key names', () => {
    const [strings, objects, map] = parseInputFields([
      { name: 'server', type: 'select', options: ['asia', 'eu', 'asia', 7] },
      {
        name: 'region',
        type: 'dropdown',
        options: [{ value: 'na' }, { id: 'sa', name: 'South America' }, { label: 'Only label' }, { nothing: true }],
      },
      { name: 'tier', type: 'select', options: { gold: 'Gold', silver: 'Silver' } },
    ]);
    expect(strings?.options).toEqual([
      { value: 'asia', label: 'asia' },
      { value: 'eu', label: 'eu' },
      { value: '7', label: '7' },
    ]);
    expect(objects).toMatchObject({
      type: 'select',
      options: [
        { value: 'na', label: 'na' },
        { value: 'sa', label: 'South America' },
        { value: 'Only label', label: 'Only label' },
      ],
    });
    expect(map?.options).toEqual([
      { value: 'gold', label: 'Gold' },
      { value: 'silver', label: 'Silver' },
    ]);
  });

  it('humanises a missing label', () => {
    const fields = parseInputFields([{ name: 'player_id' }, { name: 'zoneId' }, { name: 'phone-number' }]);
    expect(fields.map((field) => field.label)).toEqual(['Player ID', 'Zone ID', 'Phone number']);
    expect(humanise('account_url')).toBe('Account URL');
  });

  it('treats unknown types as text and a select without options as text', () => {
    const fields = parseInputFields([
      { name: 'a', type: 'hologram' },
      { name: 'b', type: 'select' },
      { name: 'c' },
      { name: 'd', type: 'TEL' },
      { name: 'e', type: 'email' },
    ]);
    expect(fields.map((field) => field.type)).toEqual(['text', 'text', 'text', 'phone', 'email']);
    expect(fields[1]?.options).toEqual([]);
  });

  it('renders an untyped field that brings options as a select', () => {
    const [field] = parseInputFields([{ name: 'server', options: ['asia'] }]);
    expect(field?.type).toBe('select');
  });

  it('ignores unknown attributes and reads required leniently', () => {
    const fields = parseInputFields([
      { name: 'a', required: 'false', colour: 'blue', nested: { deep: true } },
      { name: 'b', is_required: false },
      { name: 'c', optional: true },
      { name: 'd' },
      { name: 'e', required: 'yes' },
    ]);
    expect(fields.map((field) => field.required)).toEqual([false, false, false, true, true]);
    expect(fields[0]).not.toHaveProperty('colour');
  });

  it('skips entries it cannot name, duplicates, and non-objects', () => {
    const fields = parseInputFields([
      { label: 'No name' },
      null,
      42,
      'server',
      { name: 'player_id' },
      { field_name: 'player_id', label: 'Second' },
    ]);
    expect(fields.map((field) => [field.name, field.label])).toEqual([
      ['server', 'Server'],
      ['player_id', 'Player ID'],
    ]);
  });

  it('accepts an object keyed by field name', () => {
    const fields = parseInputFields({ player_id: { type: 'number', label: 'Player' }, server: 'text' });
    expect(fields.map((field) => [field.name, field.type, field.label])).toEqual([
      ['player_id', 'number', 'Player'],
      ['server', 'text', 'Server'],
    ]);
  });

  it('returns no fields for an absent or unusable input_fields', () => {
    expect(parseInputFields(undefined)).toEqual([]);
    expect(parseInputFields(null)).toEqual([]);
    expect(parseInputFields('player_id')).toEqual([]);
  });
});
