/**
 * Strict `input_data` validation against a product's `input_fields`: unknown keys rejected,
 * required keys enforced, patterns and lengths checked, selects limited to their options,
 * phone numbers normalised to E.164.
 */
import type { InputField, TopupProduct } from '../catalogue/topups';
import { countryByAlpha3 } from '../catalogue/reference';
import { validationError } from '../lib/http';
import { parsePhone } from '../lib/phone';
import { isEmail } from '../lib/validate';

function checkField(field: InputField, raw: unknown, product: TopupProduct): string {
  let value: string;
  if (typeof raw === 'string') value = raw.trim();
  else if (typeof raw === 'number' && Number.isFinite(raw) && (field.type === 'number' || field.type === 'text')) value = String(raw);
  else throw validationError(`${field.name} must be a string`);

  if (value === '') throw validationError(`${field.name} is required`);
  if (field.type === 'phone') {
    const country = countryByAlpha3(product.country_code)?.alpha_2;
    const phone = parsePhone(value, country);
    if (!phone) throw validationError(`${field.name} must be a valid mobile number in E.164 format, e.g. +918879685100`);
    if (country && phone.country !== country) {
      throw validationError(`${field.name} must be a ${product.country_code} number for this product`);
    }
    return phone.e164;
  }
  if (field.type === 'select') {
    if (!field.options?.some((o) => o.value === value)) {
      throw validationError(`${field.name} must be one of: ${(field.options ?? []).map((o) => o.value).join(', ')}`);
    }
    return value;
  }
  if (field.type === 'email' && !isEmail(value)) throw validationError(`${field.name} must be a valid email address`);
  if (field.type === 'number' && !/^[0-9]+$/.test(value)) throw validationError(`${field.name} must be a number`);
  if (field.min_length !== undefined && value.length < field.min_length) {
    throw validationError(`${field.name} must be at least ${field.min_length} characters`);
  }
  if (field.max_length !== undefined && value.length > field.max_length) {
    throw validationError(`${field.name} must be at most ${field.max_length} characters`);
  }
  if (field.pattern && !new RegExp(field.pattern).test(value)) throw validationError(`${field.name} has an invalid format`);
  return value;
}

export function validateInputData(product: TopupProduct, raw: unknown): Record<string, string> {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw validationError('input_data must be an object');
  }
  const given = (raw ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!product.input_fields.some((f) => f.name === key)) throw validationError(`Unknown input field: ${key}`);
  }
  const normalised: Record<string, string> = {};
  for (const field of product.input_fields) {
    const value = given[field.name];
    if (value === undefined || value === null || value === '') {
      if (field.required) throw validationError(`${field.name} is required`);
      continue;
    }
    normalised[field.name] = checkField(field, value, product);
  }
  return normalised;
}
