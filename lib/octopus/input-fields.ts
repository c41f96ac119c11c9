import 'server-only';
import type { FieldDescriptor, FieldOption, FieldType } from '@/lib/forms/types';

/*
 * The docs never show the attributes of one `input_fields` entry (see DESIGN.md "Dynamic forms").
 * The sandbox serves {name, label, type, required, pattern, min_length, max_length, placeholder,
 * help_text, options}; the real API may differ, so this reads that shape and the likely variants
 * and never throws: an entry it cannot name is dropped, anything else degrades to a text field.
 */

// The parsed shape is the form module's field descriptor: one type from the wire to the form.
export type InputFieldType = FieldType;
export type InputFieldOption = FieldOption;
export type InputFieldDescriptor = FieldDescriptor;

type Raw = Record<string, unknown>;

const TYPE_ALIASES: Record<string, InputFieldType> = {
  text: 'text',
  string: 'text',
  number: 'number',
  numeric: 'number',
  integer: 'number',
  int: 'number',
  select: 'select',
  dropdown: 'select',
  enum: 'select',
  list: 'select',
  phone: 'phone',
  tel: 'phone',
  msisdn: 'phone',
  phone_number: 'phone',
  mobile: 'phone',
  email: 'email',
};

/** Words a humanised label should print in capitals ("player_id" → "Player ID"). */
const ACRONYMS = new Set(['id', 'uid', 'url', 'pin', 'sms', 'otp', 'ip', 'msisdn', 'iban', 'imei']);

export function parseInputFields(raw: unknown): InputFieldDescriptor[] {
  const fields: InputFieldDescriptor[] = [];
  const seen = new Set<string>();
  for (const entry of entries(raw)) {
    const field = parseField(entry);
    if (field && !seen.has(field.name)) {
      seen.add(field.name);
      fields.push(field);
    }
  }
  return fields;
}

/** An array of entries, or (tolerated) an object keyed by field name. */
function entries(raw: unknown): Raw[] {
  if (Array.isArray(raw)) {
    return raw.flatMap((entry): Raw[] => {
      if (isRecord(entry)) return [entry];
      // A bare string can only be a field name.
      if (typeof entry === 'string' && entry.trim()) return [{ name: entry }];
      return [];
    });
  }
  if (isRecord(raw)) {
    return Object.entries(raw).flatMap(([key, value]): Raw[] => {
      if (isRecord(value)) return [{ name: key, ...value }];
      if (typeof value === 'string') return [{ name: key, type: value }];
      return [{ name: key }];
    });
  }
  return [];
}

function parseField(entry: Raw): InputFieldDescriptor | null {
  const name = firstString(entry, ['name', 'field_name', 'key', 'fieldName']);
  if (!name) return null;

  // `validation` may be the pattern itself or an object of rules.
  const validation = entry.validation ?? entry.validations ?? entry.rules;
  const rules: Raw = isRecord(validation) ? validation : {};
  const pattern = compilablePattern(
    firstString(entry, ['pattern', 'regex', 'regexp']) ??
      (typeof validation === 'string' ? validation : undefined) ??
      firstString(rules, ['pattern', 'regex', 'regexp']),
  );

  const options = parseOptions(entry.options ?? entry.choices ?? entry.values ?? entry.enum);
  const declared = firstString(entry, ['type', 'input_type', 'field_type', 'kind'])?.toLowerCase();
  const known = declared === undefined ? undefined : TYPE_ALIASES[declared];
  let type: InputFieldType = known ?? 'text';
  // A select needs its options; an untyped (or unknown-typed) field that brings options is one.
  if (type === 'select' && options.length === 0) type = 'text';
  if (known === undefined && options.length > 0) type = 'select';

  return {
    name,
    label: firstString(entry, ['label', 'display_name', 'title', 'displayName']) ?? humanise(name),
    type,
    required: parseRequired(entry),
    pattern,
    minLength: firstNumber([entry, rules], ['min_length', 'minLength', 'minlength']),
    maxLength: firstNumber([entry, rules], ['max_length', 'maxLength', 'maxlength']),
    min: firstNumber([entry, rules], ['min', 'minimum', 'min_value']),
    max: firstNumber([entry, rules], ['max', 'maximum', 'max_value']),
    placeholder: firstString(entry, ['placeholder', 'example', 'hint']) ?? null,
    helpText: firstString(entry, ['help_text', 'helpText', 'description', 'help']) ?? null,
    options: type === 'select' ? options : [],
  };
}

/**
 * Missing `required` counts as required: the supplier rejects an order missing a required key,
 * while asking for an optional one costs the customer a keystroke at most.
 */
function parseRequired(entry: Raw): boolean {
  const required = entry.required ?? entry.is_required ?? entry.mandatory;
  if (typeof required === 'boolean') return required;
  if (typeof required === 'string') return !['false', '0', 'no', ''].includes(required.trim().toLowerCase());
  if (typeof required === 'number') return required !== 0;
  if (entry.optional === true || entry.optional === 'true') return false;
  return true;
}

function parseOptions(raw: unknown): InputFieldOption[] {
  const list: unknown[] = Array.isArray(raw)
    ? raw
    : isRecord(raw)
      ? Object.entries(raw).map(([value, label]) => ({ value, label }))
      : [];
  const options: InputFieldOption[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    const option = parseOption(item);
    if (option && !seen.has(option.value)) {
      seen.add(option.value);
      options.push(option);
    }
  }
  return options;
}

function parseOption(item: unknown): InputFieldOption | null {
  if (typeof item === 'string' || typeof item === 'number') {
    const value = String(item);
    return value.trim() ? { value, label: value } : null;
  }
  if (!isRecord(item)) return null;
  const value = scalarText(item.value ?? item.id ?? item.key ?? item.code);
  const label = scalarText(item.label ?? item.name ?? item.text ?? item.title);
  const resolved = value ?? label;
  if (resolved === undefined) return null;
  return { value: resolved, label: label ?? resolved };
}

function compilablePattern(source: string | undefined): string | null {
  if (!source) return null;
  try {
    new RegExp(source);
    return source;
  } catch {
    return null;
  }
}

/** "player_id" → "Player ID", "zoneId" → "Zone ID", "phone-number" → "Phone number". */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  return words
    .map((word, index) => {
      if (ACRONYMS.has(word)) return word.toUpperCase();
      return index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(' ');
}

function firstString(source: Raw, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = scalarText(source[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}

function firstNumber(sources: readonly Raw[], keys: readonly string[]): number | null {
  for (const source of sources) {
    for (const key of keys) {
      const value = source[key];
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number === 'number' && Number.isFinite(number)) return number;
    }
  }
  return null;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? value.trim() : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
