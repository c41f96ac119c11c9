import { z } from 'zod';
import { toE164 } from '@/lib/phone';
import { plainText } from '@/lib/validation';
import { INPUT_PREFIX } from './input-names';
import type { FieldDescriptor } from './types';

// The browser runs this module under a CSP without 'unsafe-eval': zod would probe for eval (to
// compile its parsers), and every probe is reported as a violation.
if (typeof window !== 'undefined') z.config({ jitless: true });

export { INPUT_PREFIX, inputDataFromForm } from './input-names';

type MessageValues = { label: string; lower: string; min?: number; max?: number; example?: string };

/** The validator's messages in English; the browser passes its translations of the same keys (messages/*.json "fields"). */
const englishMessages = {
  pick: ({ label }: MessageValues) => `Pick a ${label} from the list.`,
  phone: ({ lower }: MessageValues) => `Enter a valid ${lower} with its country code, like +44 7700 900123.`,
  email: ({ lower }: MessageValues) => `Enter a valid email address for ${lower}.`,
  number: ({ label }: MessageValues) => `${label} must be a number.`,
  numberMin: ({ label, min }: MessageValues) => `${label} must be at least ${min}.`,
  numberMax: ({ label, max }: MessageValues) => `${label} must be at most ${max}.`,
  minLength: ({ label, min }: MessageValues) => `${label} must be at least ${min} characters.`,
  maxLength: ({ label, max }: MessageValues) => `${label} must be at most ${max} characters.`,
  pattern: ({ label, example }: MessageValues) => `${label} is not in the expected format.${example ? ` For example ${example}.` : ''}`,
  text: ({ label }: MessageValues) => `${label} must be text.`,
  required: ({ label }: MessageValues) => `Enter your ${label}.`,
};

export type FieldMessageKey = keyof typeof englishMessages;
export const fieldMessageKeys = Object.keys(englishMessages) as FieldMessageKey[];
/** Turns a message key and its values into text (next-intl's `t` for the "fields" namespace fits). */
export type FieldMessages = (key: FieldMessageKey, values: MessageValues) => string;

const inEnglish: FieldMessages = (key, values) => englishMessages[key](values);

function fieldSchema(field: FieldDescriptor, say: FieldMessages): z.ZodType<string | undefined> {
  const label = field.label;
  const values: MessageValues = { label, lower: label.toLowerCase(), example: field.placeholder ?? '' };
  let schema: z.ZodType<string>;
  switch (field.type) {
    case 'select': {
      const allowed = field.options.map((option) => option.value);
      schema = z.string().refine((value) => allowed.includes(value), say('pick', values));
      break;
    }
    case 'phone':
      schema = z.string().transform((value, ctx) => {
        const e164 = toE164(value);
        if (!e164) {
          ctx.addIssue({ code: 'custom', message: say('phone', values) });
          return z.NEVER;
        }
        return e164;
      });
      break;
    case 'email':
      schema = z.email(say('email', values));
      break;
    case 'number': {
      let number = z.string().regex(/^-?\d+(\.\d+)?$/, say('number', values));
      if (field.min !== null) number = number.refine((value) => Number(value) >= field.min!, say('numberMin', { ...values, min: field.min! }));
      if (field.max !== null) number = number.refine((value) => Number(value) <= field.max!, say('numberMax', { ...values, max: field.max! }));
      schema = number;
      break;
    }
    default: {
      let text = plainText(label);
      if (field.minLength !== null) text = text.min(field.minLength, say('minLength', { ...values, min: field.minLength! }));
      if (field.maxLength !== null) text = text.max(field.maxLength, say('maxLength', { ...values, max: field.maxLength! }));
      if (field.pattern) text = text.regex(new RegExp(field.pattern), say('pattern', values));
      schema = text;
    }
  }
  // FormData sends empty strings for untouched inputs: empty means "not given".
  return z
    .string(say('text', values))
    .optional()
    .transform((raw, ctx): string | undefined => {
      const value = raw?.trim() ?? '';
      if (value === '') {
        if (field.required) ctx.addIssue({ code: 'custom', message: say('required', values) });
        return undefined;
      }
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    });
}

/**
 * The one validator of a product's `input_data`, run by the server actions (the browser
 * shows the messages they send back). Unknown keys are refused: the supplier rejects them too.
 */
export function inputDataSchema(fields: FieldDescriptor[], say: FieldMessages = inEnglish) {
  const shape = Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field, say)]));
  return z
    .strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? `This product does not take: ${issue.keys.join(', ')}.` : undefined) })
    .transform((data) => Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Record<string, string>);
}

export type InputDataResult =
  | { ok: true; data: Record<string, string> }
  | { ok: false; fieldErrors: Record<string, string[]>; formError?: string };

export function validateInputData(fields: FieldDescriptor[], raw: Record<string, string>, say?: FieldMessages): InputDataResult {
  const result = inputDataSchema(fields, say).safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string[]> = {};
  let formError: string | undefined;
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string') (fieldErrors[`${INPUT_PREFIX}${key}`] ??= []).push(issue.message);
    else formError = issue.message;
  }
  return { ok: false, fieldErrors, formError };
}

/** What identifies the recipient of an order, for display and search (phone, player ID, email). */
export function recipientOf(fields: FieldDescriptor[], data: Record<string, string>): string | undefined {
  const phone = fields.find((field) => field.type === 'phone');
  if (phone && data[phone.name]) return data[phone.name];
  const first = fields.find((field) => field.type !== 'select' && data[field.name]);
  if (!first) return undefined;
  const extra = fields.filter((field) => field !== first && data[field.name]).map((field) => data[field.name]);
  return [data[first.name], ...extra].join(' · ');
}
