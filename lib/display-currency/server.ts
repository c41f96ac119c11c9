import 'server-only';
import { eq } from 'drizzle-orm';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb, type Database } from '@/db';
import { fxRates } from '@/db/schema';
import { getStoreInfo } from '@/lib/store';
import { chooseDisplayCurrency, currencyName, DISPLAY_CURRENCY_COOKIE, formattingLocale, preferredLocales, STORE_ONLY, type DisplayCurrency } from '.';

/** Rates the sync learnt into the store currency: { IDR: '0.0000615', ... } (store currency excluded). */
export async function listDisplayRates(db: Database, storeCurrency: string): Promise<Record<string, string>> {
  const rows = await db.select({ currency: fxRates.fromCurrency, rate: fxRates.rate }).from(fxRates).where(eq(fxRates.toCurrency, storeCurrency));
  return Object.fromEntries(rows.filter((row) => row.currency !== storeCurrency && Number(row.rate) > 0).map((row) => [row.currency, row.rate]));
}

export type DisplayCurrencyContext = {
  storeCurrency: string;
  /** What prices are shown in besides the store currency; null: store currency only. */
  display: DisplayCurrency | null;
  /** The picker's choices besides "store currency only" (STORE_ONLY, worded by the picker's page): every currency with a known rate. */
  options: { value: string; label: string }[];
  /** The picker's current value: a currency code or STORE_ONLY. */
  selected: string;
};

/** This request's display currency (cookie, else Accept-Language region), once per request. */
export const getDisplayCurrency = cache(async (): Promise<DisplayCurrencyContext> => {
  const [{ currency: storeCurrency }, cookieStore, headerList] = await Promise.all([getStoreInfo(), cookies(), headers()]);
  const rates = await listDisplayRates(await getDb(), storeCurrency);
  const acceptLanguage = headerList.get('accept-language');
  const display = chooseDisplayCurrency({ choice: cookieStore.get(DISPLAY_CURRENCY_COOKIE)?.value, acceptLanguage, storeCurrency, rates });
  const locale = formattingLocale(preferredLocales(acceptLanguage));
  const options = Object.keys(rates)
    .map((currency) => ({ value: currency, label: `${currency} · ${currencyName(currency, locale)}` }))
    .sort((a, b) => a.value.localeCompare(b.value));
  return { storeCurrency, display, options, selected: display?.currency ?? STORE_ONLY };
});
