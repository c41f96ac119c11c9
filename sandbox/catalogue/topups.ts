/**
 * Seeded top-up catalogue: gaming top-ups, mobile operators (with the number prefixes that
 * /topups/lookup resolves) and a utility biller. Products 4218 "PUBG Mobile UC" (variants
 * 88412 "60 UC", 88413 "325 UC") and 4219 "Airtel India" are the docs' examples.
 */
import { areaName } from './reference';

export type InputFieldType = 'text' | 'number' | 'select' | 'phone' | 'email';

/** One `input_fields` entry, in the shape fixed by DESIGN.md. */
export interface InputField {
  name: string;
  label: string;
  type: InputFieldType;
  required: boolean;
  pattern?: string;
  min_length?: number;
  max_length?: number;
  placeholder?: string;
  help_text?: string;
  options?: { value: string; label: string }[];
}

export interface TopupVariant {
  id: number;
  product_id: number;
  name: string;
  category: string;
  currency_code: string;
  min_amount?: number;
  max_amount?: number;
  fixed_amounts?: string[];
  available_in: { code: string; name: string }[];
  fields: Record<string, string>;
}

export type TopupType = 'GAMING' | 'MOBILE' | 'UTILITY';

export interface TopupProduct {
  id: number;
  name: string;
  topup_type: TopupType;
  /** ISO 3166-1 alpha-3, or GLO for global products. */
  country_code: string;
  currency_code: string;
  image_url: string;
  description: string;
  input_fields: InputField[];
  variants: TopupVariant[];
  /** Fulfils inside the create request (the docs: "a handful of products fulfil inside the request"). */
  syncDelivery: boolean;
}

// ---- input field shapes -------------------------------------------------------------------

const playerId = (pattern = '^[0-9]{6,12}$', min = 6, max = 12, label = 'Player ID'): InputField => ({
  name: 'player_id',
  label,
  type: 'text',
  required: true,
  pattern,
  min_length: min,
  max_length: max,
  placeholder: '5123456789',
  help_text: 'Tap your avatar in the game to see it',
});

const select = (name: string, label: string, required: boolean, options: [string, string][]): InputField => ({
  name,
  label,
  type: 'select',
  required,
  options: options.map(([value, optionLabel]) => ({ value, label: optionLabel })),
});

const uid = (pattern: string, min: number, max: number): InputField => ({
  name: 'uid',
  label: 'UID',
  type: 'text',
  required: true,
  pattern,
  min_length: min,
  max_length: max,
  placeholder: '800123456',
  help_text: 'Shown at the bottom right of the game screen',
});

const playerTag: InputField = {
  name: 'player_tag',
  label: 'Player tag',
  type: 'text',
  required: true,
  pattern: '^#[0-9A-Z]{6,10}$',
  min_length: 7,
  max_length: 11,
  placeholder: '#2PP0LQY8',
  help_text: 'Starts with # and is shown under your name in your profile',
};

const PHONE_FIELD: InputField = {
  name: 'phone_number',
  label: 'Mobile number',
  type: 'phone',
  required: true,
  placeholder: '+918879685100',
  help_text: 'International format with country code',
};

const HOYO_SERVERS: [string, string][] = [
  ['os_usa', 'America'],
  ['os_euro', 'Europe'],
  ['os_asia', 'Asia'],
  ['os_cht', 'TW, HK, MO'],
];

// ---- variants -----------------------------------------------------------------------------

type Pack = [name: string, amount: string, category?: string];

interface ProductSpec {
  id: number;
  name: string;
  type: TopupType;
  country: string;
  currency: string;
  description: string;
  fields: InputField[];
  packs?: Pack[];
  defaultCategory?: string;
  ranges?: { name: string; category: string; min: number; max: number }[];
  sync?: boolean;
  validityDays?: Record<string, string>;
}

const GAMING: ProductSpec[] = [
  {
    id: 4218, name: 'PUBG Mobile UC', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Unknown Cash for PUBG Mobile, credited to your player ID.',
    fields: [playerId(), select('server', 'Server', false, [['asia', 'Asia'], ['eu', 'Europe'], ['na', 'North America'], ['sa', 'South America'], ['me', 'Middle East'], ['krjp', 'KR/JP']])],
    packs: [['60 UC', '0.99'], ['325 UC', '4.99'], ['660 UC', '9.99'], ['1800 UC', '24.99'], ['3850 UC', '49.99'], ['8100 UC', '99.99']],
    validityDays: { '60 UC': '365' },
  },
  {
    id: 4220, name: 'Free Fire Diamonds', type: 'GAMING', country: 'GLO', currency: 'USD', sync: true,
    description: 'Diamonds for Garena Free Fire, delivered instantly.',
    fields: [playerId('^[0-9]{8,12}$', 8, 12)],
    packs: [['100 Diamonds', '0.99'], ['310 Diamonds', '2.99'], ['520 Diamonds', '4.99'], ['1060 Diamonds', '9.99'], ['2180 Diamonds', '19.99']],
  },
  {
    id: 4221, name: 'Call of Duty: Mobile CP', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'COD Points for Call of Duty: Mobile.',
    fields: [playerId('^[0-9]{10,20}$', 10, 20, 'Player UID')],
    packs: [['80 CP', '0.99'], ['420 CP', '4.99'], ['880 CP', '9.99'], ['2400 CP', '24.99']],
  },
  {
    id: 4222, name: 'Honor of Kings Tokens', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Tokens for Honor of Kings.',
    fields: [playerId('^[0-9]{6,14}$', 6, 14)],
    packs: [['80 Tokens', '0.99'], ['Weekly Card', '1.99', 'Pass'], ['400 Tokens', '4.99'], ['800 Tokens', '9.99']],
  },
  {
    id: 4223, name: 'Blood Strike Gold', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Gold for Blood Strike.',
    fields: [playerId()],
    packs: [['100 Gold', '0.99'], ['500 Gold', '4.99'], ['Elite Pass', '5.99', 'Pass'], ['1000 Gold', '9.99']],
  },
  {
    id: 4224, name: 'EA SPORTS FC Mobile Points', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'FC Points for EA SPORTS FC Mobile.',
    fields: [playerId('^[0-9]{8,16}$', 8, 16)],
    packs: [['100 FC Points', '0.99'], ['520 FC Points', '4.99'], ['1070 FC Points', '9.99'], ['2200 FC Points', '19.99']],
  },
  {
    id: 4225, name: 'Lords Mobile Diamonds', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Diamonds for Lords Mobile, credited to your IGG ID.',
    fields: [playerId('^[0-9]{9,10}$', 9, 10, 'IGG ID')],
    packs: [['210 Diamonds', '1.99'], ['540 Diamonds', '4.99'], ['1100 Diamonds', '9.99'], ['5600 Diamonds', '49.99']],
  },
  {
    id: 4226, name: 'Mobile Legends: Bang Bang Diamonds', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Diamonds for Mobile Legends: Bang Bang.',
    fields: [
      { name: 'user_id', label: 'User ID', type: 'text', required: true, pattern: '^[0-9]{5,12}$', min_length: 5, max_length: 12, placeholder: '123456789', help_text: 'Tap your avatar: the number before the brackets' },
      { name: 'zone_id', label: 'Zone ID', type: 'number', required: true, pattern: '^[0-9]{4,5}$', min_length: 4, max_length: 5, placeholder: '2001', help_text: 'The number in brackets after your User ID' },
    ],
    packs: [['86 Diamonds', '1.49'], ['Weekly Diamond Pass', '1.99', 'Pass'], ['172 Diamonds', '2.99'], ['257 Diamonds', '4.49'], ['706 Diamonds', '11.99']],
  },
  {
    id: 4227, name: 'Mobile Legends: Bang Bang (Indonesia)', type: 'GAMING', country: 'IDN', currency: 'IDR',
    description: 'Diamonds for Mobile Legends: Bang Bang, Indonesian price list.',
    fields: [
      { name: 'user_id', label: 'User ID', type: 'text', required: true, pattern: '^[0-9]{5,12}$', min_length: 5, max_length: 12, placeholder: '123456789' },
      { name: 'zone_id', label: 'Zone ID', type: 'number', required: true, pattern: '^[0-9]{4,5}$', min_length: 4, max_length: 5, placeholder: '2001' },
    ],
    packs: [['86 Diamonds', '22000'], ['Weekly Diamond Pass', '28000', 'Pass'], ['172 Diamonds', '44000'], ['344 Diamonds', '88000']],
  },
  {
    id: 4228, name: 'Genshin Impact Genesis Crystals', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Genesis Crystals and the Blessing of the Welkin Moon.',
    fields: [uid('^[0-9]{9,10}$', 9, 10), select('server', 'Server', true, HOYO_SERVERS)],
    packs: [['60 Genesis Crystals', '0.99'], ['330 Genesis Crystals', '4.99'], ['Blessing of the Welkin Moon', '4.99', 'Pass'], ['1090 Genesis Crystals', '14.99'], ['2240 Genesis Crystals', '29.99'], ['3880 Genesis Crystals', '49.99'], ['8080 Genesis Crystals', '99.99']],
  },
  {
    id: 4229, name: 'Honkai: Star Rail Oneiric Shards', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Oneiric Shards and the Express Supply Pass.',
    fields: [uid('^[0-9]{9,10}$', 9, 10), select('server', 'Server', true, [['prod_official_usa', 'America'], ['prod_official_eur', 'Europe'], ['prod_official_asia', 'Asia'], ['prod_official_cht', 'TW, HK, MO']])],
    packs: [['60 Oneiric Shards', '0.99'], ['300 Oneiric Shards', '4.99'], ['Express Supply Pass', '5.49', 'Pass'], ['980 Oneiric Shards', '14.99'], ['1980 Oneiric Shards', '29.99']],
  },
  {
    id: 4230, name: 'Zenless Zone Zero Monochrome', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Monochrome Film for Zenless Zone Zero.',
    fields: [uid('^[0-9]{8,10}$', 8, 10), select('server', 'Server', true, [['prod_gf_us', 'America'], ['prod_gf_eu', 'Europe'], ['prod_gf_jp', 'Asia'], ['prod_gf_sg', 'TW, HK, MO']])],
    packs: [['60 Monochrome', '0.99'], ['300 Monochrome', '4.99'], ['980 Monochrome', '14.99'], ['1980 Monochrome', '29.99']],
  },
  {
    id: 4234, name: 'Valorant Points', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Valorant Points for your Riot account.',
    fields: [
      { name: 'riot_id', label: 'Riot ID', type: 'text', required: true, pattern: '^[^#]{3,16}#[A-Za-z0-9]{3,5}$', min_length: 7, max_length: 22, placeholder: 'PlayerName#EUW', help_text: 'Your game name and tagline, e.g. PlayerName#EUW' },
      select('region', 'Region', true, [['na', 'North America'], ['eu', 'Europe'], ['ap', 'Asia Pacific'], ['kr', 'Korea'], ['latam', 'Latin America'], ['br', 'Brazil']]),
    ],
    packs: [['475 VP', '4.99'], ['1000 VP', '9.99'], ['2050 VP', '19.99'], ['5350 VP', '49.99']],
  },
  {
    id: 4235, name: 'Clash of Clans Gems', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Gems and the Gold Pass for Clash of Clans.',
    fields: [playerTag],
    packs: [['80 Gems', '0.99'], ['500 Gems', '4.99'], ['Gold Pass', '6.99', 'Pass'], ['1200 Gems', '9.99'], ['2500 Gems', '19.99']],
  },
  {
    id: 4236, name: 'Clash Royale Gems', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Gems and the Pass Royale for Clash Royale.',
    fields: [playerTag],
    packs: [['80 Gems', '0.99'], ['500 Gems', '4.99'], ['1200 Gems', '9.99'], ['Pass Royale', '11.99', 'Pass']],
  },
  {
    id: 4237, name: 'Brawl Stars Gems', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Gems and the Brawl Pass for Brawl Stars.',
    fields: [playerTag],
    packs: [['30 Gems', '1.99'], ['80 Gems', '4.99'], ['Brawl Pass', '6.99', 'Pass'], ['170 Gems', '9.99'], ['360 Gems', '19.99']],
  },
  {
    id: 4238, name: 'Razer Gold (Global)', type: 'GAMING', country: 'GLO', currency: 'USD', sync: true,
    description: 'Razer Gold credited to the Razer ID registered with this email.',
    fields: [{ name: 'email', label: 'Razer ID email', type: 'email', required: true, max_length: 254, placeholder: 'you@example.com', help_text: 'The email address of your Razer ID' }],
    defaultCategory: 'Wallet Credit',
    packs: [['Razer Gold USD 5', '5.00'], ['Razer Gold USD 10', '10.00'], ['Razer Gold USD 20', '20.00'], ['Razer Gold USD 50', '50.00'], ['Razer Gold USD 100', '100.00']],
  },
  {
    id: 4239, name: 'Roblox Robux', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Robux credited to your Roblox username.',
    fields: [{ name: 'username', label: 'Username', type: 'text', required: true, pattern: '^[A-Za-z0-9_]{3,20}$', min_length: 3, max_length: 20, placeholder: 'builderman' }],
    packs: [['400 Robux', '4.99'], ['800 Robux', '9.99'], ['1700 Robux', '19.99'], ['4500 Robux', '49.99']],
  },
  {
    id: 4240, name: 'Identity V Echoes', type: 'GAMING', country: 'GLO', currency: 'USD',
    description: 'Echoes for Identity V.',
    fields: [playerId('^[0-9]{6,10}$', 6, 10), select('server', 'Server', true, [['asia', 'Asia'], ['na_eu', 'North America & Europe']])],
    packs: [['60 Echoes', '0.99'], ['185 Echoes', '2.99'], ['310 Echoes', '4.99'], ['1320 Echoes', '19.99']],
  },
];

// ---- mobile operators ---------------------------------------------------------------------

interface CountryPlans {
  currency: string;
  airtime: [number, number];
  data: [name: string, amount: string, days: string][];
  bundle?: [name: string, amount: string, days: string];
}

const PLANS: Record<string, CountryPlans> = {
  IND: { currency: 'INR', airtime: [10, 5000], data: [['Data booster 12 GB', '121', '0'], ['1.5 GB/day, 28 days', '299', '28'], ['2 GB/day, 56 days', '579', '56']], bundle: ['Unlimited calls + 2 GB/day, 84 days', '859', '84'] },
  IDN: { currency: 'IDR', airtime: [5000, 1000000], data: [['10 GB, 30 days', '50000', '30'], ['25 GB, 30 days', '100000', '30']] },
  PHL: { currency: 'PHP', airtime: [10, 1000], data: [['3 GB, 3 days', '50', '3'], ['24 GB, 30 days', '299', '30']] },
  NGA: { currency: 'NGN', airtime: [50, 50000], data: [['1.5 GB, 30 days', '1000', '30'], ['10 GB, 30 days', '3500', '30']] },
  MEX: { currency: 'MXN', airtime: [10, 1000], data: [['3 GB, 15 days', '100', '15'], ['8 GB, 30 days', '200', '30']] },
  PAK: { currency: 'PKR', airtime: [50, 5000], data: [['Weekly 10 GB', '500', '7'], ['Monthly 30 GB', '1500', '30']] },
  BGD: { currency: 'BDT', airtime: [20, 1000], data: [['5 GB, 7 days', '150', '7'], ['30 GB, 30 days', '599', '30']] },
  BRA: { currency: 'BRL', airtime: [10, 100], data: [['5 GB, 30 days', '30', '30'], ['15 GB, 30 days', '60', '30']] },
  KEN: { currency: 'KES', airtime: [10, 10000], data: [['1 GB, 24 hours', '99', '1'], ['15 GB, 30 days', '2000', '30']] },
  EGY: { currency: 'EGP', airtime: [5, 1000], data: [['2 GB, 30 days', '60', '30'], ['10 GB, 30 days', '200', '30']] },
};

const OPERATORS: [id: number, name: string, country: string][] = [
  [4219, 'Airtel India', 'IND'],
  [4231, 'Vi (Vodafone Idea) India', 'IND'],
  [4232, 'Jio India', 'IND'],
  [4233, 'BSNL India', 'IND'],
  [4301, 'Telkomsel Indonesia', 'IDN'],
  [4302, 'Indosat Ooredoo Hutchison', 'IDN'],
  [4303, 'XL Axiata Indonesia', 'IDN'],
  [4311, 'Globe Philippines', 'PHL'],
  [4312, 'Smart Philippines', 'PHL'],
  [4321, 'MTN Nigeria', 'NGA'],
  [4322, 'Airtel Nigeria', 'NGA'],
  [4323, 'Glo Nigeria', 'NGA'],
  [4331, 'Telcel Mexico', 'MEX'],
  [4332, 'AT&T Mexico', 'MEX'],
  [4341, 'Jazz Pakistan', 'PAK'],
  [4342, 'Zong Pakistan', 'PAK'],
  [4351, 'Grameenphone Bangladesh', 'BGD'],
  [4352, 'Robi Bangladesh', 'BGD'],
  [4361, 'Claro Brasil', 'BRA'],
  [4362, 'Vivo Brasil', 'BRA'],
  [4371, 'Safaricom Kenya', 'KEN'],
  [4372, 'Airtel Kenya', 'KEN'],
  [4381, 'Vodafone Egypt', 'EGY'],
  [4382, 'Orange Egypt', 'EGY'],
  [4383, 'Etisalat by e& Egypt', 'EGY'],
];

function operatorSpec([id, name, country]: (typeof OPERATORS)[number]): ProductSpec {
  const plans = PLANS[country];
  if (!plans) throw new Error(`no plans for ${country}`);
  const packs: Pack[] = plans.data.map(([planName, amount]) => [planName, amount, 'Data']);
  if (plans.bundle) packs.push([plans.bundle[0], plans.bundle[1], 'Bundle']);
  const validityDays: Record<string, string> = {};
  for (const [planName, , days] of [...plans.data, ...(plans.bundle ? [plans.bundle] : [])]) {
    if (days !== '0') validityDays[planName] = days;
  }
  return {
    id,
    name,
    type: 'MOBILE',
    country,
    currency: plans.currency,
    description: `Prepaid airtime and data for ${name} numbers.`,
    fields: [PHONE_FIELD],
    ranges: [{ name: `${name} Airtime`, category: 'Airtime', min: plans.airtime[0], max: plans.airtime[1] }],
    packs,
    validityDays,
  };
}

const UTILITIES: ProductSpec[] = [
  {
    id: 4401, name: 'Tata Play DTH', type: 'UTILITY', country: 'IND', currency: 'INR',
    description: 'Recharge a Tata Play satellite TV subscription.',
    fields: [{ name: 'subscriber_id', label: 'Subscriber ID', type: 'text', required: true, pattern: '^[0-9]{10}$', min_length: 10, max_length: 10, placeholder: '1012345678', help_text: 'The 10-digit ID on your set-top box' }],
    ranges: [{ name: 'Tata Play Recharge', category: 'Bill Payment', min: 100, max: 10000 }],
  },
  {
    id: 4402, name: 'DStv Nigeria', type: 'UTILITY', country: 'NGA', currency: 'NGN',
    description: 'Pay a DStv subscription with its smartcard number.',
    fields: [{ name: 'smartcard_number', label: 'Smartcard number', type: 'text', required: true, pattern: '^[0-9]{10,11}$', min_length: 10, max_length: 11, placeholder: '7023456789' }],
    packs: [['DStv Padi (1 month)', '4400', 'Bill Payment'], ['DStv Compact (1 month)', '15700', 'Bill Payment'], ['DStv Premium (1 month)', '37000', 'Bill Payment']],
  },
];

function build(specs: ProductSpec[]): TopupProduct[] {
  let nextVariantId = 88412;
  return specs.map((spec) => {
    const availableIn = [{ code: spec.country, name: areaName(spec.country) }];
    const variants: TopupVariant[] = [];
    for (const range of spec.ranges ?? []) {
      variants.push({
        id: nextVariantId++,
        product_id: spec.id,
        name: range.name,
        category: range.category,
        currency_code: spec.currency,
        min_amount: range.min,
        max_amount: range.max,
        available_in: availableIn,
        fields: { delivery_time: 'Instant' },
      });
    }
    for (const [name, amount, category] of spec.packs ?? []) {
      const fields: Record<string, string> = { par_value: name, delivery_time: 'Instant' };
      const validity = spec.validityDays?.[name];
      if (validity) fields.validity_days = validity;
      variants.push({
        id: nextVariantId++,
        product_id: spec.id,
        name,
        category: category ?? spec.defaultCategory ?? (spec.type === 'GAMING' ? 'In-Game Currency' : 'Data'),
        currency_code: spec.currency,
        fixed_amounts: [amount],
        available_in: availableIn,
        fields,
      });
    }
    return {
      id: spec.id,
      name: spec.name,
      topup_type: spec.type,
      country_code: spec.country,
      currency_code: spec.currency,
      image_url: '',
      description: spec.description,
      input_fields: spec.fields,
      variants,
      syncDelivery: spec.sync ?? false,
    };
  });
}

export const TOPUP_PRODUCTS: TopupProduct[] = build([...GAMING, ...OPERATORS.map(operatorSpec), ...UTILITIES]);

/**
 * Number ranges for /topups/lookup: ISO alpha-2 country, prefix of the national number, and the
 * candidate products (the first is the identified operator, the rest are alternatives).
 */
export const NUMBER_PREFIXES: [country: string, prefix: string, candidates: number[]][] = [
  ['IN', '8879', [4219, 4231]],
  ['IN', '90', [4219, 4231, 4232]],
  ['IN', '98', [4219]],
  ['IN', '99', [4219]],
  ['IN', '97', [4231]],
  ['IN', '96', [4231]],
  ['IN', '70', [4232]],
  ['IN', '62', [4232]],
  ['IN', '89', [4232]],
  ['IN', '94', [4233]],
  ...['811', '812', '813', '821', '822', '852', '853'].map((p): [string, string, number[]] => ['ID', p, [4301]]),
  ...['814', '815', '816', '855', '856', '857', '858'].map((p): [string, string, number[]] => ['ID', p, [4302]]),
  ...['817', '818', '819', '859', '877', '878'].map((p): [string, string, number[]] => ['ID', p, [4303]]),
  ...['905', '906', '915', '916', '917', '926', '927'].map((p): [string, string, number[]] => ['PH', p, [4311]]),
  ...['907', '908', '909', '910', '912', '918', '919', '920', '921'].map((p): [string, string, number[]] => ['PH', p, [4312]]),
  ...['803', '806', '703', '706', '813', '816', '903', '906'].map((p): [string, string, number[]] => ['NG', p, [4321]]),
  ...['802', '808', '708', '812', '701', '902'].map((p): [string, string, number[]] => ['NG', p, [4322]]),
  ...['805', '807', '705', '815', '811', '905'].map((p): [string, string, number[]] => ['NG', p, [4323]]),
  ['MX', '55', [4331, 4332]],
  ['MX', '33', [4331, 4332]],
  ['MX', '81', [4332, 4331]],
  ...['300', '301', '302', '303', '304', '305', '306', '307', '308', '309', '320', '321'].map((p): [string, string, number[]] => ['PK', p, [4341]]),
  ...['310', '311', '312', '313', '314', '315'].map((p): [string, string, number[]] => ['PK', p, [4342]]),
  ['BD', '17', [4351]],
  ['BD', '13', [4351]],
  ['BD', '18', [4352]],
  ['BD', '16', [4352]],
  ['BR', '11', [4362, 4361]],
  ['BR', '21', [4361, 4362]],
  ...['70', '71', '72', '74', '79', '110', '111'].map((p): [string, string, number[]] => ['KE', p, [4371]]),
  ...['73', '75', '78', '100', '101', '102'].map((p): [string, string, number[]] => ['KE', p, [4372]]),
  ['EG', '10', [4381]],
  ['EG', '12', [4382]],
  ['EG', '11', [4383]],
];
