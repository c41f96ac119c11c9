/** Reference data: countries (ISO 3166), currencies (ISO 4217) and the sandbox's forex table. */

export interface Country {
  id: number;
  name: string;
  official_name: string;
  alpha_2: string;
  alpha_3: string;
  numeric_code: string;
  dialing_prefix: string;
}

type CountryRow = [string, string, string, string, string, string];

// Order fixes the ids: the docs say country_id=1 is the United States in sandbox.
const COUNTRY_ROWS: CountryRow[] = [
  ['United States', 'United States of America', 'US', 'USA', '840', '+1'],
  ['United Kingdom', 'United Kingdom of Great Britain and Northern Ireland', 'GB', 'GBR', '826', '+44'],
  ['Germany', 'Federal Republic of Germany', 'DE', 'DEU', '276', '+49'],
  ['France', 'French Republic', 'FR', 'FRA', '250', '+33'],
  ['India', 'Republic of India', 'IN', 'IND', '356', '+91'],
  ['Japan', 'Japan', 'JP', 'JPN', '392', '+81'],
  ['United Arab Emirates', 'United Arab Emirates', 'AE', 'ARE', '784', '+971'],
  ['Brazil', 'Federative Republic of Brazil', 'BR', 'BRA', '076', '+55'],
  ['Australia', 'Commonwealth of Australia', 'AU', 'AUS', '036', '+61'],
  ['Canada', 'Canada', 'CA', 'CAN', '124', '+1'],
  ['Indonesia', 'Republic of Indonesia', 'ID', 'IDN', '360', '+62'],
  ['Philippines', 'Republic of the Philippines', 'PH', 'PHL', '608', '+63'],
  ['Nigeria', 'Federal Republic of Nigeria', 'NG', 'NGA', '566', '+234'],
  ['Mexico', 'United Mexican States', 'MX', 'MEX', '484', '+52'],
  ['Pakistan', 'Islamic Republic of Pakistan', 'PK', 'PAK', '586', '+92'],
  ['Bangladesh', "People's Republic of Bangladesh", 'BD', 'BGD', '050', '+880'],
  ['Kenya', 'Republic of Kenya', 'KE', 'KEN', '404', '+254'],
  ['Egypt', 'Arab Republic of Egypt', 'EG', 'EGY', '818', '+20'],
  ['Italy', 'Italian Republic', 'IT', 'ITA', '380', '+39'],
  ['Spain', 'Kingdom of Spain', 'ES', 'ESP', '724', '+34'],
  ['Netherlands', 'Kingdom of the Netherlands', 'NL', 'NLD', '528', '+31'],
  ['Turkey', 'Republic of Türkiye', 'TR', 'TUR', '792', '+90'],
  ['Thailand', 'Kingdom of Thailand', 'TH', 'THA', '764', '+66'],
  ['Singapore', 'Republic of Singapore', 'SG', 'SGP', '702', '+65'],
  ['South Korea', 'Republic of Korea', 'KR', 'KOR', '410', '+82'],
  ['China', "People's Republic of China", 'CN', 'CHN', '156', '+86'],
  ['Hong Kong', 'Hong Kong Special Administrative Region of China', 'HK', 'HKG', '344', '+852'],
  ['Vietnam', 'Socialist Republic of Viet Nam', 'VN', 'VNM', '704', '+84'],
  ['Malaysia', 'Malaysia', 'MY', 'MYS', '458', '+60'],
  ['South Africa', 'Republic of South Africa', 'ZA', 'ZAF', '710', '+27'],
  ['Saudi Arabia', 'Kingdom of Saudi Arabia', 'SA', 'SAU', '682', '+966'],
  ['Switzerland', 'Swiss Confederation', 'CH', 'CHE', '756', '+41'],
  ['Portugal', 'Portuguese Republic', 'PT', 'PRT', '620', '+351'],
  ['New Zealand', 'New Zealand', 'NZ', 'NZL', '554', '+64'],
];

export const COUNTRIES: Country[] = COUNTRY_ROWS.map(([name, official_name, alpha_2, alpha_3, numeric_code, dialing_prefix], i) => ({
  id: i + 1,
  name,
  official_name,
  alpha_2,
  alpha_3,
  numeric_code,
  dialing_prefix,
}));

export function countryByAlpha3(code: string): Country | undefined {
  return COUNTRIES.find((c) => c.alpha_3 === code);
}

/** Display names for the non-ISO codes used by global and regional products. */
export const REGION_NAMES: Record<string, string> = {
  GLO: 'Global',
  EUR: 'Europe',
  ASI: 'Asia',
  NAM: 'North America',
  LAM: 'Latin America',
  MEA: 'Middle East',
  AFR: 'Africa',
};

export function areaName(code: string): string {
  return REGION_NAMES[code] ?? countryByAlpha3(code)?.name ?? code;
}

export interface Currency {
  id: number;
  name: string;
  currency: string;
  precision: number;
}

type CurrencyRow = [string, string, number, string];

/** Last column: value of one unit in USD, the basis of the representative forex rates. */
const CURRENCY_ROWS: CurrencyRow[] = [
  ['US Dollar', 'USD', 2, '1'],
  ['Euro', 'EUR', 2, '1.0827'],
  ['Pound Sterling', 'GBP', 2, '1.2667'],
  ['Indian Rupee', 'INR', 2, '0.01198'],
  ['Japanese Yen', 'JPY', 0, '0.00667'],
  ['UAE Dirham', 'AED', 2, '0.27226'],
  ['Brazilian Real', 'BRL', 2, '0.1832'],
  ['Australian Dollar', 'AUD', 2, '0.6612'],
  ['Canadian Dollar', 'CAD', 2, '0.7312'],
  ['Indonesian Rupiah', 'IDR', 0, '0.0000615'],
  ['Philippine Peso', 'PHP', 2, '0.01722'],
  ['Nigerian Naira', 'NGN', 2, '0.000652'],
  ['Mexican Peso', 'MXN', 2, '0.0551'],
  ['Pakistani Rupee', 'PKR', 2, '0.00359'],
  ['Bangladeshi Taka', 'BDT', 2, '0.00833'],
  ['Kenyan Shilling', 'KES', 2, '0.00775'],
  ['Egyptian Pound', 'EGP', 2, '0.0204'],
];

export const CURRENCIES: Currency[] = CURRENCY_ROWS.map(([name, currency, precision], i) => ({
  id: i + 1,
  name,
  currency,
  precision,
}));

export const USD_VALUE: Record<string, string> = Object.fromEntries(CURRENCY_ROWS.map((row) => [row[1], row[3]]));

export function currencyByCode(code: string): Currency {
  const currency = CURRENCIES.find((c) => c.currency === code);
  if (!currency) throw new Error(`unknown currency ${code}`);
  return currency;
}

/**
 * Rates quoted in the docs' examples, kept exact so those examples reproduce:
 * GBP product paid from an EUR wallet uses 1.1700; USD product from EUR gives 241.25 -> 222.81.
 */
export const FOREX_OVERRIDES: Record<string, string> = {
  'GBP->EUR': '1.17',
  'USD->EUR': '0.92357',
};

/**
 * Currencies whose wallet only has a forex rate with USD, so that paying anything else from it
 * answers "Exchange rate not available for the wallet currency".
 */
export const USD_ONLY_FOREX = new Set(['AED']);
