import { Decimal } from '@/lib/money';

export type CsvValue = string | number | Decimal | Date | null | undefined;

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
/** Spreadsheets run a cell that starts like a formula; exported data must never do that. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text that a spreadsheet would read as a formula gets a leading apostrophe (OWASP's advice);
 * numbers, including negative ones, are left alone.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || value instanceof Decimal) return value.toString();
  let text = value;
  if (FORMULA_START.test(text) && !NUMBER_TEXT.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
