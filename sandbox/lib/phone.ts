import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';

export interface ParsedPhone {
  e164: string;
  country: string | undefined;
  nationalNumber: string;
}

/** Parses a number (E.164, or national when `defaultCountry` is given) and keeps it only if valid. */
export function parsePhone(value: string, defaultCountry?: string): ParsedPhone | undefined {
  const parsed = parsePhoneNumberFromString(value, defaultCountry as CountryCode | undefined);
  if (!parsed || !parsed.isValid()) return undefined;
  return { e164: parsed.number, country: parsed.country, nationalNumber: parsed.nationalNumber };
}

export const E164 = /^\+[1-9][0-9]{6,14}$/;
