import { withoutControlCharacters } from './validation';

/** A page's `searchParams` as Next gives them: a repeated parameter (`?q=a&q=b`) is an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** Longer parameters are cut: no filter or search of ours needs more. */
const MAX_LENGTH = 200;
/** Beyond this, a page number is a typo or an attack; offsets stay far below 2^53. */
export const MAX_PAGE = 1_000_000;

/**
 * The one reading of a URL parameter: its first value, without control characters, trimmed and
 * cut to 200 characters; missing or empty is undefined. Never throws.
 */
export function firstString(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return undefined;
  return withoutControlCharacters(first).trim().slice(0, MAX_LENGTH) || undefined;
}

/** `?page=`: a whole number from 1 to MAX_PAGE; anything else is page 1, anything larger the maximum. */
export function pageNumber(value: string | string[] | undefined): number {
  const text = firstString(value);
  if (!text || !/^\d+$/.test(text)) return 1;
  return Math.min(MAX_PAGE, Math.max(1, Number(text)));
}
