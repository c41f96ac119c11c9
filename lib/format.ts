/**
 * Dates as the store shows them, in UTC so server and browser render the same text (and a
 * page never shows two time zones). One formatter per shape, shared by every page.
 */
const utc = { timeZone: 'UTC' } as const;

/** "21 Nov 2026" */
export const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', ...utc });
/** "21 Nov 2026, 05:36" */
export const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', ...utc });
/** "21 Nov 2026, 05:36:18": timelines and logs, where seconds matter */
export const timestampFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', ...utc });

/** "21 Nov 2026, 05:36 UTC": the one way a moment is written for people (dates or ISO text in). */
export function formatDateTimeUtc(value: Date | string): string {
  return `${dateTimeFormat.format(typeof value === 'string' ? new Date(value) : value)} UTC`;
}

/** The Intl locale behind each store language for dates: English keeps the day-month-year of en-GB. */
function dateLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale;
}

/** "21 Nov 2026" / "21 Nov 2026" in the customer's language. */
export function formatDate(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(dateLocale(locale), { dateStyle: 'medium', ...utc }).format(typeof value === 'string' ? new Date(value) : value);
}

/** "21 Nov 2026, 05:36 UTC" / "21 Nov 2026, 05.36 UTC" in the customer's language. */
export function formatDateTime(value: Date | string, locale: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return `${new Intl.DateTimeFormat(dateLocale(locale), { dateStyle: 'medium', timeStyle: 'short', ...utc }).format(date)} UTC`;
}
