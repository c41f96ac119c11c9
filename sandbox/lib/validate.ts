import { Decimal } from '../engine/money';
import { validationError } from './http';

/**
 * Request-body checks with the documented messages. Hand-written rather than zod because the
 * API answers one precise message per problem ("Product ID is required") and we must match it.
 */
export type Body = Record<string, unknown>;

/** A JSON object body with only `allowed` keys; no body at all counts as `{}`. */
export function asBody(parsed: unknown, allowed: readonly string[]): Body {
  if (parsed === undefined) return {};
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw validationError('Invalid request body');
  }
  const body = parsed as Body;
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw validationError(`Unknown field: ${key}`);
  }
  return body;
}

const isMissing = (value: unknown) => value === undefined || value === null || value === '';

export function requiredPositiveInt(body: Body, key: string, label: string): number {
  const value = body[key];
  if (isMissing(value)) throw validationError(`${label} is required`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > 2_147_483_647) {
    throw validationError(`${label} must be a positive integer`);
  }
  return value;
}

export function optionalPositiveInt(body: Body, key: string, label: string): number | undefined {
  if (body[key] === undefined || body[key] === null) return undefined;
  return requiredPositiveInt(body, key, label);
}

/** Money in a request: a JSON number > 0, at most 1e9, at most 4 decimal places. */
export function requiredAmount(body: Body, key: string, label: string): Decimal {
  const value = body[key];
  if (isMissing(value)) throw validationError(`${label} is required`);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw validationError(`${label} must be a number`);
  if (value <= 0) throw validationError(`${label} must be greater than 0`);
  if (value > 1_000_000_000) throw validationError(`${label} must not exceed 1000000000`);
  const decimal = new Decimal(String(value));
  if (decimal.decimalPlaces() > 4) throw validationError(`${label} must have at most 4 decimal places`);
  return decimal;
}

export function optionalString(body: Body, key: string, label: string, maxLength: number): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(`${label} must be a string`);
  if (value.length > maxLength) throw validationError(`${label} must be at most ${maxLength} characters`);
  return value;
}

const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;

/** `client_reference`: printable ASCII, 1..255 characters. */
export function optionalClientReference(body: Body): string | undefined {
  const value = body.client_reference;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError('client_reference must be a string');
  if (value.length === 0 || value.length > 255 || !PRINTABLE_ASCII.test(value)) {
    throw validationError('client_reference must be 1 to 255 printable ASCII characters');
  }
  return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function optionalEmail(body: Body, key: string): string | undefined {
  const value = optionalString(body, key, key, 254);
  if (value === undefined) return undefined;
  if (!EMAIL.test(value)) throw validationError(`${key} must be a valid email address`);
  return value;
}

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}
