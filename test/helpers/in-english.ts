import { createElement } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import en from '@/messages/en.json';

/**
 * Wraps a component in the store's English messages, as on a page rendered in English, for
 * tests that render translated components outside Next.js.
 */
// createElement's typing needs the provider's required children in its props (this file is .ts, no JSX).
// eslint-disable-next-line react/no-children-prop
export const inEnglish = (children: React.ReactNode) => createElement(NextIntlClientProvider, { locale: 'en', messages: en, timeZone: 'UTC', children });
