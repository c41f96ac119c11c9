import 'server-only';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode, type MetadataJson } from 'libphonenumber-js';
import metadata from 'libphonenumber-js/metadata.min.json';
import { countryName } from '@/lib/catalogue/countries';

export type PhoneCountryOption = { code: CountryCode; name: string; dial: string };

/**
 * What a phone field needs in the browser: the countries it offers (named on the server, by the
 * country library the catalogue uses) and libphonenumber's metadata for those countries only, so
 * a product for one country ships one country's rules instead of the whole world's (~80 KB).
 */
export type PhoneFieldData = {
  countries: PhoneCountryOption[];
  metadata: MetadataJson;
  /** A prefilled number as the field shows it, formatted here so the browser needs no library for it. */
  prefill?: { value: string; country: CountryCode; national: string };
};

const full = metadata as unknown as {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
  nonGeographic?: Record<string, unknown>;
};

/**
 * The phone field's data for the given countries (alpha-2; unknown codes are ignored), plus the
 * country of a prefilled number so it can still be shown. No known country means every country.
 */
export function phoneFieldData(countryCodes: (string | null | undefined)[], prefill?: string): PhoneFieldData {
  const known = new Set<string>(getCountries());
  const wanted = new Set(countryCodes.map((code) => code?.toUpperCase()).filter((code): code is string => !!code && known.has(code)));
  const parsedPrefill = prefill ? parsePhoneNumberFromString(prefill) : undefined;
  const prefilledCountry = parsedPrefill?.country;
  if (wanted.size > 0 && prefilledCountry) wanted.add(prefilledCountry);
  const codes = (wanted.size > 0 ? [...wanted] : [...known]) as CountryCode[];
  const chosen = new Set<string>(codes);
  const callingCodes: Record<string, string[]> = {};
  for (const [callingCode, countries] of Object.entries(full.country_calling_codes)) {
    const kept = countries.filter((country) => chosen.has(country));
    if (kept.length > 0) callingCodes[callingCode] = kept;
  }
  return {
    countries: codes
      .map((code) => ({ code, name: countryName(code), dial: getCountryCallingCode(code) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    metadata: {
      version: full.version,
      country_calling_codes: callingCodes,
      countries: Object.fromEntries(codes.map((code) => [code, full.countries[code]])),
      nonGeographic: {},
    } as unknown as MetadataJson,
    ...(prefill && parsedPrefill?.country && chosen.has(parsedPrefill.country)
      ? { prefill: { value: prefill, country: parsedPrefill.country, national: parsedPrefill.formatNational() } }
      : {}),
  };
}
