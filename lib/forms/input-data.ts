import { z } from 'zod';
import { toE164 } from '@/lib/phone';
import { plainText } from '@/lib/validation';
import { INPUT_PREFIX } from './input-names';
import type { FieldDescriptor } from './types';

// The browser runs this module under a CSP without 'unsafe-eval': zod would probe for eval (to
// compile its parsers), and every probe is reported as a violation.
if (typeof window !== 'undefined') z.config({ jitless: true });

export { INPUT_PREFIX, inputDataFromForm } from './input-names';

function fieldSchema(field: FieldDescriptor): z.ZodType<string | undefined> {
  const label = field.label;
  const example = field.placeholder ? ` For example ${field.placeholder}.` : '';
  let schema: z.ZodType<string>;
  switch (field.type) {
    case 'select': {
      const values = field.options.map((option) => option.value);
      schema = z.string().refine((value) => values.includes(value), `Pick a ${label} from the list.`);
      break;
    }
    case 'phone':
      schema = z.string().transform((value, ctx) => {
        const e164 = toE164(value);
        if (!e164) {
          ctx.addIssue({ code: 'custom', message: `Enter a valid ${label.toLowerCase()} with its country code, like +44 7700 900123.` });
          return z.NEVER;
        }
        return e164;
      });
      break;
    case 'email':
      schema = z.email(`Enter a valid email address for ${label.toLowerCase()}.`);
      break;
    case 'number': {
      let number = z.string().regex(/^-?\d+(\.\d+)?$/, `${label} must be a number.`);
      if (field.min !== null) number = number.refine((value) => Number(value) >= field.min!, `${label} must be at least ${field.min}.`);
      if (field.max !== null) number = number.refine((value) => Number(value) <= field.max!, `${label} must be at most ${field.max}.`);
      schema = number;
      break;
    }
    default: {
      let text = plainText(label);
      if (field.minLength !== null) text = text.min(field.minLength, `${label} must be at least ${field.minLength} characters.`);
      if (field.maxLength !== null) text = text.max(field.maxLength, `${label} must be at most ${field.maxLength} characters.`);
      if (field.pattern) text = text.regex(new RegExp(field.pattern), `${label} is not in the expected format.${example}`);
      schema = text;
    }
  }
  // FormData sends empty strings for untouched inputs: empty means "not given".
  return z
    .string(`${label} must be text.`)
    .optional()
    .transform((raw, ctx): string | undefined => {
      const value = raw?.trim() ?? '';
      if (value === '') {
        if (field.required) ctx.addIssue({ code: 'custom', message: `Enter your ${label}.` });
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
export function inputDataSchema(fields: FieldDescriptor[]) {
  const shape = Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)]));
  return z
    .strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? `This product does not take: ${issue.keys.join(', ')}.` : undefined) })
    .transform((data) => Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Record<string, string>);
}

export type InputDataResult =
  | { ok: true; data: Record<string, string> }
  | { ok: false; fieldErrors: Record<string, string[]>; formError?: string };

export function validateInputData(fields: FieldDescriptor[], raw: Record<string, string>): InputDataResult {
  const result = inputDataSchema(fields).safeParse(raw);
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
