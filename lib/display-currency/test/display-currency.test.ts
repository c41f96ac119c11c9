import { describe, expect, it } from 'vitest';
import { chooseDisplayCurrency, convertForDisplay, currencyForLocale, formatApprox, preferredLocales, STORE_ONLY } from '..';

// As the sandbox's supplier quotes them: store-currency (USD) units per unit of each currency.
const rates = { IDR: '0.0000615', EUR: '1.0827', JPY: '0.0067', INR: '0.01198' };

describe('preferredLocales', () => {
  it('orders Accept-Language tags by q and drops invalid ones, wildcards and q=0', () => {
    expect(preferredLocales('en;q=0.5, id-ID, fr;q=0, *;q=0.1, not_a_tag')).toEqual(['id-ID', 'en']);
    expect(preferredLocales('ja-jp,en;q=0.9')).toEqual(['ja-JP', 'en']);
    expect(preferredLocales(null)).toEqual([]);
  });
});

describe('currencyForLocale', () => {
  it('takes the region, else the language’s likely region', () => {
    expect(currencyForLocale('id-ID')).toBe('IDR');
    expect(currencyForLocale('id')).toBe('IDR');
    expect(currencyForLocale('en-IN')).toBe('INR');
    expect(currencyForLocale('ja')).toBe('JPY');
    expect(currencyForLocale('de-AT')).toBe('EUR');
    expect(currencyForLocale('en')).toBe('USD');
  });
});

describe('chooseDisplayCurrency', () => {
  const base = { storeCurrency: 'USD', rates };
  it('defaults to the Accept-Language region’s currency, formatted for that locale', () => {
    expect(chooseDisplayCurrency({ ...base, choice: undefined, acceptLanguage: 'id-ID,id;q=0.9,en;q=0.8' })).toEqual({ currency: 'IDR', rate: '0.0000615', locale: 'id-ID' });
  });
  it('shows nothing extra when the region pays in the store currency or its rate is unknown', () => {
    expect(chooseDisplayCurrency({ ...base, choice: undefined, acceptLanguage: 'en-US' })).toBeNull();
    // No rate learnt for Thai baht: not offered, never invented.
    expect(chooseDisplayCurrency({ ...base, choice: undefined, acceptLanguage: 'th-TH' })).toBeNull();
    expect(chooseDisplayCurrency({ ...base, choice: undefined, acceptLanguage: null })).toBeNull();
  });
  it('lets a remembered choice win: another currency, or store currency only', () => {
    expect(chooseDisplayCurrency({ ...base, choice: 'EUR', acceptLanguage: 'id-ID' })?.currency).toBe('EUR');
    expect(chooseDisplayCurrency({ ...base, choice: STORE_ONLY, acceptLanguage: 'id-ID' })).toBeNull();
    expect(chooseDisplayCurrency({ ...base, choice: 'USD', acceptLanguage: 'id-ID' })).toBeNull();
    // A remembered currency whose rate is no longer known falls back to the region's.
    expect(chooseDisplayCurrency({ ...base, choice: 'THB', acceptLanguage: 'id-ID' })?.currency).toBe('IDR');
  });
});

describe('convertForDisplay', () => {
  it('divides by the rate and rounds half-up to 3 significant digits, never below the minor unit', () => {
    // 1.35 / 0.0000615 = 21951.2...
    expect(convertForDisplay('1.35', { currency: 'IDR', rate: '0.0000615' }).toFixed()).toBe('22000');
    // 5.49 / 1.0827 = 5.0706...
    expect(convertForDisplay('5.49', { currency: 'EUR', rate: '1.0827' }).toFixed()).toBe('5.07');
    // 0.02 / 1.0827 = 0.01847...: three significant digits would be 0.0185, the cent wins.
    expect(convertForDisplay('0.02', { currency: 'EUR', rate: '1.0827' }).toFixed()).toBe('0.02');
    // 120 / 0.0067 = 17910.4...
    expect(convertForDisplay('120', { currency: 'JPY', rate: '0.0067' }).toFixed()).toBe('17900');
    // Half-up at the third digit: 1.2345 -> 1.23, 1.235 -> 1.24.
    expect(convertForDisplay('1.235', { currency: 'EUR', rate: '1' }).toFixed()).toBe('1.24');
    expect(convertForDisplay('0', { currency: 'EUR', rate: '1.0827' }).toFixed()).toBe('0');
  });
});

// Intl separates symbol and number with a no-break space; compare with plain spaces.
const formatted = (...args: Parameters<typeof formatApprox>) => formatApprox(...args).replace(/\u00a0/g, ' ');

describe('formatApprox', () => {
  it('formats with Intl for the display locale, cents only when there are any', () => {
    expect(formatted('1.35', { currency: 'IDR', rate: '0.0000615', locale: 'id-ID' })).toBe('≈ Rp 22.000');
    expect(formatted('1.35', { currency: 'IDR', rate: '0.0000615', locale: 'en-US' })).toBe('≈ IDR 22,000');
    expect(formatted('5.49', { currency: 'EUR', rate: '1.0827', locale: 'en-US' })).toBe('≈ €5.07');
    expect(formatted('12.99', { currency: 'EUR', rate: '1.0827', locale: 'de-DE' })).toBe('≈ 12 €');
    expect(formatted('10.00', { currency: 'INR', rate: '0.01198', locale: 'en-IN' })).toBe('≈ ₹835');
  });
});
