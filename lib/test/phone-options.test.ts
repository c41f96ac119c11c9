import { AsYouType, getCountries, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { describe, expect, it } from 'vitest';
import { phoneFieldData } from '@/lib/phone-options';

describe('phoneFieldData', () => {
  it('ships only the served country, and its rules still parse and format numbers in the browser library', () => {
    const { countries, metadata } = phoneFieldData(['IN']);
    expect(countries).toEqual([{ code: 'IN', name: 'India', dial: '91' }]);
    expect(getCountries(metadata)).toEqual(['IN']);
    expect(JSON.stringify(metadata).length).toBeLessThan(5_000);
    expect(parsePhoneNumberFromString('88796 85100', 'IN', metadata)?.number).toBe('+918879685100');
    expect(new AsYouType('IN', metadata).input('8879685100')).toBe('88796 85100');
  });

  it('adds the country of a prefilled number, so a number from elsewhere is still shown as it was typed', () => {
    const { countries, metadata } = phoneFieldData(['IN'], '+4915123456789');
    expect(countries.map((country) => country.code)).toEqual(['DE', 'IN']);
    expect(parsePhoneNumberFromString('+4915123456789', metadata)?.country).toBe('DE');
  });

  it('formats a prefilled number on the server, so the browser shows it without the library', () => {
    expect(phoneFieldData(['IN'], '+918879685100').prefill).toMatchObject({ value: '+918879685100', country: 'IN', national: expect.stringContaining('88796 85100') });
  });

  it('shares a calling code only between the countries it keeps', () => {
    const { metadata } = phoneFieldData(['CA']);
    expect((metadata as unknown as { country_calling_codes: Record<string, string[]> }).country_calling_codes).toEqual({ 1: ['CA'] });
    expect(parsePhoneNumberFromString('+1 416 555 0199', metadata)?.country).toBe('CA');
  });

  it('offers every country, named and sorted, when the product serves no known country', () => {
    const all = phoneFieldData([null, 'GLO']);
    expect(all.countries.length).toBeGreaterThan(200);
    expect(all.countries[0]?.name.localeCompare(all.countries[1]!.name)).toBeLessThan(0);
    expect(all.countries.find((country) => country.code === 'US')).toEqual({ code: 'US', name: 'United States', dial: '1' });
  });
});
