/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracketed keys, as the
 * official SDKs write it (`metadata[order]=12`, `line_items[0][price_data][unit_amount]=499`,
 * `expand[]=payment_intent` or `expand[0]=payment_intent`).
 */

export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

/** Splits `a[b][0][c]` into `['a', 'b', '0', 'c']`; `a[]` gives `['a', '']`. Undefined when malformed. */
function splitKey(key: string): string[] | undefined {
  const first = /^[^[\]]+/.exec(key);
  if (!first) return undefined;
  const parts = [first[0]];
  let rest = key.slice(first[0].length);
  while (rest.length > 0) {
    const match = /^\[([^[\]]*)\]/.exec(rest);
    if (!match) return undefined;
    parts.push(match[1] ?? '');
    rest = rest.slice(match[0].length);
  }
  return parts;
}

export class FormError extends Error {
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}

/** Objects whose keys are all array indexes (0..n-1) become arrays, except inside `metadata`. */
function arraysFromIndexes(value: FormValue, inMetadata: boolean): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const key of keys) converted[key] = arraysFromIndexes(value[key] as FormValue, key === 'metadata');
  if (!inMetadata && keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    const indexes = keys.map(Number).sort((a, b) => a - b);
    if (indexes.every((n, i) => n === i)) return indexes.map((n) => converted[String(n)] as FormValue);
  }
  return converted;
}

/** Parses a form body (or a query string) into nested objects and arrays. */
export function parseForm(raw: string): FormObject {
  const root: FormObject = {};
  const params = new URLSearchParams(raw);
  for (const [key, value] of params) {
    const parts = splitKey(key);
    if (!parts) throw new FormError(`Invalid parameter name: ${key}`, key);
    let node: FormObject = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      const last = i === parts.length - 1;
      // `a[]=x`: append under the next free index.
      const name = part === '' && i > 0 ? String(Object.keys(node).length) : part;
      if (last) {
        if (typeof node[name] === 'object') throw new FormError(`Invalid value for ${key}: it has both a value and nested fields`, key);
        node[name] = value;
      } else {
        const existing = node[name];
        if (existing === undefined) node[name] = {};
        else if (typeof existing !== 'object' || Array.isArray(existing)) throw new FormError(`Invalid value for ${key}: it has both a value and nested fields`, key);
        node = node[name] as FormObject;
      }
    }
  }
  return arraysFromIndexes(root, false) as FormObject;
}

/** A canonical fingerprint of a request's parameters (order-insensitive), for idempotency. */
export function paramsFingerprint(raw: string): string {
  const pairs = [...new URLSearchParams(raw)].map(([k, v]) => `${k}=${v}`);
  pairs.sort();
  return pairs.join('&');
}
