/**
 * Seeded eSIM catalogue: one product per country or region, several data plans each.
 * Product 712 "Japan eSIM" with plan 5511 "Japan 1 GB / 7 days" at 4.50 and product 904
 * "Global Roaming" are the docs' examples. Region codes other than GLO are sandbox choices.
 */
export interface EsimVariant {
  id: number;
  esim_product_id: number;
  name: string;
  description: string;
  currency_code: string;
  amount: number;
  data_amount_gb: number;
  validity_days: number;
  client_discount: number;
}

export interface EsimProduct {
  id: number;
  name: string;
  country_code: string;
  currency_code: string;
  image_url: string;
  smdpAddress: string;
  variants: EsimVariant[];
  scenario?: boolean;
}

type Plan = [gb: number, days: number, amount: number];

const STANDARD_PLANS: Plan[] = [
  [1, 7, 4.5],
  [3, 15, 9],
  [5, 30, 13],
  [10, 30, 21],
  [0, 5, 17.5],
];
const REGIONAL_PLANS: Plan[] = [
  [1, 7, 4.5],
  [3, 30, 10],
  [5, 30, 14],
  [10, 30, 22],
  [20, 30, 34],
];

const SMDP = ['rsp.sandbox-esim.net', 'smdp.sandbox-telecom.io', 'consumer.rsp-sandbox.world'];

// [id, product name, plan label, country/region code, price factor, regional?]
const ROWS: [number, string, string, string, number, boolean][] = [
  [701, 'United States eSIM', 'USA', 'USA', 1.1, false],
  [702, 'United Kingdom eSIM', 'UK', 'GBR', 1, false],
  [703, 'France eSIM', 'France', 'FRA', 1, false],
  [704, 'Germany eSIM', 'Germany', 'DEU', 1, false],
  [705, 'Italy eSIM', 'Italy', 'ITA', 1, false],
  [706, 'Spain eSIM', 'Spain', 'ESP', 1, false],
  [707, 'Turkey eSIM', 'Turkey', 'TUR', 1.1, false],
  [708, 'United Arab Emirates eSIM', 'UAE', 'ARE', 1.6, false],
  [709, 'Thailand eSIM', 'Thailand', 'THA', 0.9, false],
  [710, 'Singapore eSIM', 'Singapore', 'SGP', 1, false],
  [711, 'South Korea eSIM', 'South Korea', 'KOR', 1, false],
  [712, 'Japan eSIM', 'Japan', 'JPN', 1, false],
  [713, 'Indonesia eSIM', 'Indonesia', 'IDN', 0.9, false],
  [714, 'India eSIM', 'India', 'IND', 1, false],
  [715, 'Australia eSIM', 'Australia', 'AUS', 1.2, false],
  [716, 'Canada eSIM', 'Canada', 'CAN', 1.3, false],
  [717, 'Mexico eSIM', 'Mexico', 'MEX', 1.2, false],
  [718, 'Brazil eSIM', 'Brazil', 'BRA', 1.3, false],
  [719, 'China eSIM', 'China', 'CHN', 1.2, false],
  [720, 'Hong Kong eSIM', 'Hong Kong', 'HKG', 1, false],
  [721, 'Vietnam eSIM', 'Vietnam', 'VNM', 0.8, false],
  [722, 'Philippines eSIM', 'Philippines', 'PHL', 0.9, false],
  [723, 'Malaysia eSIM', 'Malaysia', 'MYS', 0.9, false],
  [724, 'Egypt eSIM', 'Egypt', 'EGY', 1.5, false],
  [725, 'South Africa eSIM', 'South Africa', 'ZAF', 1.6, false],
  [726, 'Switzerland eSIM', 'Switzerland', 'CHE', 1.4, false],
  [727, 'Portugal eSIM', 'Portugal', 'PRT', 1, false],
  [728, 'New Zealand eSIM', 'New Zealand', 'NZL', 1.3, false],
  [901, 'Europe Regional eSIM', 'Europe', 'EUR', 1.3, true],
  [902, 'Asia Regional eSIM', 'Asia', 'ASI', 1.3, true],
  [903, 'North America Regional eSIM', 'North America', 'NAM', 1.4, true],
  [904, 'Global Roaming', 'Global', 'GLO', 2.2, true],
  [905, 'Latin America Regional eSIM', 'Latin America', 'LAM', 1.7, true],
  [906, 'Middle East Regional eSIM', 'Middle East', 'MEA', 1.8, true],
  [907, 'Africa Regional eSIM', 'Africa', 'AFR', 2, true],
];

/** Plan amounts of the sandbox test eSIM; each selects a scenario (see sandbox/README.md). */
export const ESIM_SCENARIOS = {
  DELIVER: 1.0,
  FAIL_UNAVAILABLE: 1.01,
  FAIL_OUT_OF_STOCK: 1.02,
  SLOW: 1.03,
  FAIL_LATE: 1.04,
  CANCEL_LATE: 1.05,
  STUCK: 1.06,
  NEVER_INSTALLED: 1.07,
} as const;

const SCENARIO_NAMES: Record<number, string> = {
  1.0: 'Sandbox: delivered',
  1.01: 'Sandbox: fails, plan unavailable',
  1.02: 'Sandbox: fails, out of stock',
  1.03: 'Sandbox: slower than the deadline',
  1.04: 'Sandbox: pending, then fails',
  1.05: 'Sandbox: pending, then cancelled',
  1.06: 'Sandbox: pending for a long time',
  1.07: 'Sandbox: delivered, never installed',
};

const roundToHalf = (n: number) => Math.round(n * 2) / 2;

function planName(label: string, gb: number, days: number): string {
  return `${label} ${gb === 0 ? 'Unlimited' : `${gb} GB`} / ${days} days`;
}

function describe(gb: number, days: number): string {
  if (gb === 0) return 'Unlimited data-only eSIM';
  return days <= 7 ? 'Data-only eSIM for short trips' : 'Data-only eSIM';
}

function build(): EsimProduct[] {
  let nextVariantId = 6001;
  const products: EsimProduct[] = ROWS.map(([id, name, label, code, factor, regional], index) => {
    const plans = regional ? REGIONAL_PLANS : STANDARD_PLANS;
    // Japan's plans keep the ids and prices the docs quote (5511 at 4.50).
    let japanId = 5511;
    const variants = plans.map(([gb, days, base]): EsimVariant => ({
      id: id === 712 ? japanId++ : nextVariantId++,
      esim_product_id: id,
      name: planName(label, gb, days),
      description: describe(gb, days),
      currency_code: 'USD',
      amount: roundToHalf(base * factor),
      data_amount_gb: gb,
      validity_days: days,
      client_discount: 5.0,
    }));
    return {
      id,
      name,
      country_code: code,
      currency_code: 'USD',
      image_url: '',
      smdpAddress: SMDP[index % SMDP.length] ?? 'rsp.sandbox-esim.net',
      variants,
    };
  });
  products.push({
    id: 999,
    name: 'Sandbox Test eSIM',
    country_code: 'GLO',
    currency_code: 'USD',
    image_url: '',
    smdpAddress: 'rsp.sandbox-esim.net',
    scenario: true,
    variants: Object.values(ESIM_SCENARIOS).map((amount) => ({
      id: nextVariantId++,
      esim_product_id: 999,
      name: SCENARIO_NAMES[amount] ?? 'Sandbox',
      description: 'Sandbox scenario plan',
      currency_code: 'USD',
      amount,
      data_amount_gb: 1,
      validity_days: 7,
      client_discount: 5.0,
    })),
  });
  return products;
}

export const ESIM_PRODUCTS: EsimProduct[] = build();
