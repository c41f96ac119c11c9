'use client';

import { AsYouType, getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { countryName } from '@/lib/catalogue/countries';

/**
 * Every country libphonenumber knows, named by the country library the catalogue uses. (The
 * platform's Intl names differ between Node and browsers, which broke hydration.)
 */
function useCountryOptions() {
  return useMemo(
    () =>
      getCountries()
        .map((code) => ({ code, name: countryName(code), dial: getCountryCallingCode(code) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [],
  );
}

function split(value: string | undefined, fallback: CountryCode): { country: CountryCode; national: string } {
  const parsed = value ? parsePhoneNumberFromString(value) : undefined;
  if (parsed?.country) return { country: parsed.country, national: parsed.formatNational() };
  return { country: fallback, national: value?.replace(/^\+\d+\s*/, '') ?? '' };
}

/**
 * A phone number as a country picker plus the local number, formatted while typing and sent as
 * E.164 (+918879685100) in one hidden input under the field's own name.
 */
export function PhoneField({
  name,
  label,
  defaultValue,
  defaultCountry = 'US',
  errors,
  hint,
  required,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  defaultCountry?: CountryCode;
  errors?: string[];
  hint?: string | null;
  required?: boolean;
}) {
  const id = useId();
  const t = useTranslations('checkout');
  const options = useCountryOptions();
  const initial = split(defaultValue, defaultCountry);
  const [country, setCountry] = useState<CountryCode>(initial.country);
  const [national, setNational] = useState(initial.national);
  const e164 = useMemo(() => {
    const digits = national.replace(/[^\d+]/g, '');
    if (!digits) return '';
    const parsed = digits.startsWith('+') ? parsePhoneNumberFromString(digits) : parsePhoneNumberFromString(digits, country);
    return parsed?.number ?? `+${getCountryCallingCode(country)}${digits.replace(/^0+/, '')}`;
  }, [national, country]);
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <div>
      <label htmlFor={`${id}-number`} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <label htmlFor={`${id}-country`} className="sr-only">
          {t('countryCode')}
        </label>
        <select
          id={`${id}-country`}
          value={country}
          onChange={(event) => setCountry(event.target.value as CountryCode)}
          className="w-28 shrink-0 rounded-xl border border-zinc-300 bg-white px-2 py-2.5 text-base dark:border-zinc-700 dark:bg-zinc-900"
        >
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name} +{option.dial}
            </option>
          ))}
        </select>
        <input
          id={`${id}-number`}
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
          required={required}
          value={national}
          onChange={(event) => setNational(new AsYouType(country).input(event.target.value))}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          className="block w-full min-w-0 rounded-xl border border-zinc-300 bg-white px-3 py-2.5 text-base aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      <input type="hidden" name={name} value={e164} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <ul id={`${id}-error`} className="mt-1 space-y-0.5 text-sm text-red-600 dark:text-red-400">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
