import { z } from 'zod';

/**
 * Control characters (Unicode category Cc: C0, DEL and C1). PostgreSQL refuses NUL in text and
 * jsonb, and none of them belongs in a name, a label or a reason typed into a one-line input.
 */
const CONTROL_CHARACTERS = /\p{Cc}/u;
const CONTROL_CHARACTERS_ALL = /\p{Cc}/gu;

/**
 * One line of free text from a form, trimmed; control characters are refused with a message
 * naming the field ("the label"). Chain `.min()` / `.max()` for the field's own limits.
 */
export function plainText(field: string) {
  return z
    .string()
    .trim()
    .refine((value) => !CONTROL_CHARACTERS.test(value), `Remove the invisible control characters from ${field}.`);
}

/** Text where control characters are noise rather than a mistake to report (search boxes, URL parameters). */
export function withoutControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS_ALL, '');
}
