import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { validateInputData } from '@/lib/forms/input-data';
import type { FieldDescriptor } from '@/lib/forms/types';

/**
 * Whether a saved recipient can be used on a product: every saved key is one of its fields,
 * every value passes that field's own rule (a PUBG ID that Free Fire's pattern refuses is not
 * offered there), and a phone number belongs to the product's country (no Indian number on
 * MTN Nigeria). Products without a country (regions, global) take any valid number.
 */
export function recipientFits(values: Record<string, string>, fields: readonly FieldDescriptor[], countryCode: string | null): boolean {
  const keys = Object.keys(values);
  if (keys.length === 0) return false;
  const used = fields.filter((field) => keys.includes(field.name));
  if (used.length !== keys.length) return false;
  if (!validateInputData(used.map((field) => ({ ...field, required: false })), values).ok) return false;
  return used.every((field) => {
    if (field.type !== 'phone' || !countryCode) return true;
    return parsePhoneNumberFromString(values[field.name] ?? '')?.country === countryCode.toUpperCase();
  });
}
