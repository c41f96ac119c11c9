import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** A phone number in E.164 (+918879685100), or undefined if it cannot be a real number. */
export function toE164(input: string, defaultCountry?: CountryCode): string | undefined {
  const phone = parsePhoneNumberFromString(input.trim(), defaultCountry);
  return phone?.isValid() ? phone.number : undefined;
}

/** "+91 88796 85100": how people read the number back. */
export function formatInternational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
