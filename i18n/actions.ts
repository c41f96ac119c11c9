'use server';

import { cookies } from 'next/headers';
import { isAppLocale, LOCALE_COOKIE } from './config';

/** The language switcher: remembers the choice for a year; the page re-renders in it. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  // Anyone can post to an action with any arguments: only a form's own FormData is read.
  if (!(formData instanceof FormData)) return;
  const locale = formData.get('locale');
  if (!isAppLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}
