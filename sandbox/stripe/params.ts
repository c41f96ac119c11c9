/** Reading Stripe request parameters from a parsed form body, with Stripe's error messages. */
import type { FormObject, FormValue } from './form';
import { StripeApiError, invalidInteger, invalidRequest, missingParam, unknownParam } from './errors';

export function pathOf(prefix: string, key: string | number): string {
  return prefix === '' ? String(key) : `${prefix}[${key}]`;
}

export class Params {
  constructor(
    readonly values: FormObject,
    readonly prefix = '',
  ) {}

  private raw(name: string): FormValue | undefined {
    return this.values[name];
  }

  /** Rejects parameters outside `known`, as Stripe does (`parameter_unknown`). */
  only(known: readonly string[]): this {
    for (const key of Object.keys(this.values)) if (!known.includes(key)) throw unknownParam(pathOf(this.prefix, key));
    return this;
  }

  has(name: string): boolean {
    const value = this.raw(name);
    return value !== undefined && value !== '';
  }

  string(name: string, options: { required?: boolean; max?: number } = {}): string | undefined {
    const value = this.raw(name);
    const param = pathOf(this.prefix, name);
    if (value === undefined || value === '') {
      if (options.required) throw missingParam(param);
      return undefined;
    }
    if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${param} must be a string, not an object.`, param, 'parameter_invalid_string_empty');
    if (options.max !== undefined && value.length > options.max) {
      throw invalidRequest(`Invalid string: ${value.slice(0, 40)}...; must be at most ${options.max} characters`, param);
    }
    return value;
  }

  integer(name: string, options: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const value = this.string(name, { required: options.required });
    if (value === undefined) return undefined;
    const param = pathOf(this.prefix, name);
    if (!/^-?\d{1,15}$/.test(value)) throw invalidInteger(param, value);
    const n = Number(value);
    if (options.min !== undefined && n < options.min) {
      throw invalidRequest(`This value must be greater than or equal to ${options.min}.`, param, options.min > 0 ? 'parameter_invalid_integer' : undefined);
    }
    if (options.max !== undefined && n > options.max) throw invalidRequest(`This value must be less than or equal to ${options.max}.`, param, 'parameter_invalid_integer');
    return n;
  }

  enumeration<T extends string>(name: string, allowed: readonly T[], options: { required?: boolean } = {}): T | undefined {
    const value = this.string(name, options);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalidRequest(`Invalid ${pathOf(this.prefix, name)}: must be one of ${allowed.join(', ')}`, pathOf(this.prefix, name));
    }
    return value as T;
  }

  object(name: string, options: { required?: boolean } = {}): Params | undefined {
    const value = this.raw(name);
    const param = pathOf(this.prefix, name);
    if (value === undefined || value === '') {
      if (options.required) throw missingParam(param);
      return undefined;
    }
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest(`Invalid object: ${param} must be a hash.`, param);
    return new Params(value, param);
  }

  array(name: string): FormValue[] | undefined {
    const value = this.raw(name);
    if (value === undefined || value === '') return undefined;
    const param = pathOf(this.prefix, name);
    if (!Array.isArray(value)) throw invalidRequest(`Invalid array: ${param} must be an array.`, param);
    return value;
  }

  /** An array of hashes, each wrapped for reading (`line_items[0][...]`). */
  objects(name: string): Params[] | undefined {
    const items = this.array(name);
    if (!items) return undefined;
    return items.map((item, i) => {
      const param = `${pathOf(this.prefix, name)}[${i}]`;
      if (typeof item !== 'object' || Array.isArray(item)) throw invalidRequest(`Invalid object: ${param} must be a hash.`, param);
      return new Params(item, param);
    });
  }

  strings(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined || value === '') return [];
    if (typeof value === 'string') return [value];
    if (!Array.isArray(value)) throw invalidRequest(`Invalid array: ${pathOf(this.prefix, name)} must be an array of strings.`, pathOf(this.prefix, name));
    return value.map((v, i) => {
      if (typeof v !== 'string') throw invalidRequest(`Invalid string: ${pathOf(this.prefix, name)}[${i}]`, `${pathOf(this.prefix, name)}[${i}]`);
      return v;
    });
  }

  /** Stripe metadata: up to 50 keys, keys up to 40 characters, values up to 500. */
  metadata(name = 'metadata'): Record<string, string> {
    const value = this.raw(name);
    const param = pathOf(this.prefix, name);
    if (value === undefined || value === '') return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest(`Invalid object: ${param} must be a hash.`, param);
    const entries = Object.entries(value);
    if (entries.length > 50) throw invalidRequest('Invalid metadata: metadata can have at most 50 keys.', param);
    const out: Record<string, string> = {};
    for (const [key, v] of entries) {
      if (typeof v !== 'string') throw invalidRequest(`Invalid metadata: the value of ${key} must be a string.`, `${param}[${key}]`);
      if (key.length > 40) throw invalidRequest(`Invalid metadata: metadata keys must be at most 40 characters long (${key}).`, `${param}[${key}]`);
      if (v.length > 500) throw invalidRequest(`Invalid metadata: metadata values must be at most 500 characters long (${key}).`, `${param}[${key}]`);
      if (v !== '') out[key] = v;
    }
    return out;
  }
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.replace(/\{CHECKOUT_SESSION_ID\}/g, 'x'));
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function urlParam(params: Params, name: string, required: boolean): string | undefined {
  const value = params.string(name, { required, max: 5000 });
  if (value !== undefined && !isHttpUrl(value)) throw invalidRequest('Not a valid URL', pathOf(params.prefix, name), 'url_invalid');
  return value;
}

export function notSupported(param: string): StripeApiError {
  return invalidRequest(`The Stripe stand-in does not support ${param} (see sandbox/README.md).`, param);
}
