import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isAppLocale, negotiateLocale, LOCALE_COOKIE } from './config';

/** The customer's choice from the switcher, else the browser's languages. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isAppLocale(chosen) ? chosen : negotiateLocale((await headers()).get('accept-language'));
  return {
    locale,
    // The store shows every moment in UTC, so server and browser render the same text.
    timeZone: 'UTC',
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
