'use client';

import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import { useId, useMemo, useState } from 'react';
import type { PhoneCountryOption, PhoneFieldData } from '@/lib/phone-options';

type PhoneLibrary = typeof import('libphonenumber-js/core');

/**
 * libphonenumber (formatting while typing, parsing) is fetched when the customer first touches
 * the field, not with the page: the server already formatted a prefilled number, and the server
 * action validates whatever is sent.
 */
let phoneLibrary: Promise<PhoneLibrary> | undefined;
let loadedLibrary: PhoneLibrary | undefined;
const loadPhoneLibrary = () =>
  (phoneLibrary ??= import('libphonenumber-js/core').then((lib) => {
    loadedLibrary = lib;
    return lib;
  }));

/** Without the library: the offered country whose calling code starts the number (longest first). */
function splitByDialCode(value: string, options: PhoneCountryOption[], fallback: CountryCode) {
  const digits = value.replace(/[^\d]/g, '');
  const matches = options.filter((option) => digits.startsWith(option.dial)).sort((a, b) => b.dial.length - a.dial.length);
  const best = matches.find((option) => option.code === fallback && option.dial === matches[0]?.dial) ?? matches[0];
  return best ? { country: best.code, national: digits.slice(best.dial.length) } : { country: fallback, national: value.replace(/^\+\d+\s*/, '') };
}

function split(value: string | undefined, fallback: CountryCode, data: PhoneFieldData, library: PhoneLibrary | undefined): { country: CountryCode; national: string } {
  if (!value) return { country: fallback, national: '' };
  if (data.prefill?.value === value) return { country: data.prefill.country, national: data.prefill.national };
  const parsed = library?.parsePhoneNumberFromString(value, data.metadata);
  if (parsed?.country) return { country: parsed.country, national: parsed.formatNational() };
  return value.startsWith('+') ? splitByDialCode(value, data.countries, fallback) : { country: fallback, national: value };
}

function toE164(national: string, country: CountryCode, dial: string, metadata: MetadataJson, library: PhoneLibrary | undefined): string {
  const digits = national.replace(/[^\d+]/g, '');
  if (!digits) return '';
  const parsed = library && (digits.startsWith('+') ? library.parsePhoneNumberFromString(digits, metadata) : library.parsePhoneNumberFromString(digits, country, metadata));
  return parsed?.number ?? (digits.startsWith('+') ? digits : `+${dial}${digits.replace(/^0+/, '')}`);
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
  data,
  countryCodeLabel,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  defaultCountry?: CountryCode;
  errors?: string[];
  hint?: string | null;
  required?: boolean;
  /** The countries offered and their numbering rules, chosen on the server (lib/phone-options). */
  data: PhoneFieldData;
  /** The country picker's screen-reader label, translated by the caller. */
  countryCodeLabel: string;
}) {
  const id = useId();
  const { countries: options, metadata } = data;
  const fallback = options.some((option) => option.code === defaultCountry) ? defaultCountry : (options[0]?.code ?? defaultCountry);
  // Set once loaded: a field shown again (Edit after Review) formats with it from the start.
  const [library, setLibrary] = useState<PhoneLibrary | undefined>(() => loadedLibrary);
  const [initial] = useState(() => split(defaultValue, fallback, data, loadedLibrary));
  const [country, setCountry] = useState<CountryCode>(initial.country);
  const [national, setNational] = useState(initial.national);
  const dial = options.find((option) => option.code === country)?.dial ?? '';
  const e164 = useMemo(() => toE164(national, country, dial, metadata, library), [national, country, dial, metadata, library]);
  const format = (text: string, lib = library) => (lib ? new lib.AsYouType(country, metadata).input(text) : text);
  const load = () => {
    if (library) return;
    void loadPhoneLibrary().then((lib) => {
      setLibrary(() => lib);
      // Format what was typed before the library arrived.
      setNational((current) => (current ? format(current, lib) : current));
    });
  };
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <div onFocus={load} onPointerDown={load}>
      <label htmlFor={`${id}-number`} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <label htmlFor={`${id}-country`} className="sr-only">
          {countryCodeLabel}
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
          onChange={(event) => setNational(format(event.target.value))}
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
