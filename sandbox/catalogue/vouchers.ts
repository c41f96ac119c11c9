/** Seeded voucher (gift card) catalogue. Product 123 is the docs' "Steam Wallet Card" walkthrough product. */

export type CodeStyle =
  | 'steam'
  | 'google'
  | 'psn'
  | 'xbox'
  | 'amazon'
  | 'apple'
  | 'netflix'
  | 'nintendo'
  | 'spotify'
  | 'numeric'
  | 'url';

export interface Denomination {
  min_value: number;
  max_value: number;
  discount: number;
}

export interface VoucherProduct {
  id: number;
  name: string;
  category: string;
  sub_category: string | null;
  /** ISO 3166-1 alpha-2, as the docs' product tree shows it ("United States (US)"). */
  country_code: string;
  currency_code: string;
  image_url: string;
  delivery_mode: 'Code with PIN' | 'Code' | 'URL';
  delivery_time: string;
  validity: string;
  available_denominations: Denomination[];
  maxQuantity: number;
  codeStyle: CodeStyle;
  /** Days from delivery to `expires_at`; null for cards that never expire. */
  validityDays: number | null;
  /** The test product whose denominations select sandbox scenarios. */
  scenario?: boolean;
}

type Mode = VoucherProduct['delivery_mode'];

const fixed = (discount: number, ...values: number[]): Denomination[] =>
  values.map((value) => ({ min_value: value, max_value: value, discount }));
const range = (min: number, max: number, discount: number): Denomination[] => [
  { min_value: min, max_value: max, discount },
];

interface Row {
  id: number;
  name: string;
  category: string;
  sub: string;
  country: string;
  currency: string;
  mode: Mode;
  denominations: Denomination[];
  style: CodeStyle;
  validityDays?: number | null;
  maxQuantity?: number;
}

const ROWS: Row[] = [
  { id: 123, name: 'Steam Wallet Card', category: 'Gaming', sub: 'Steam', country: 'US', currency: 'USD', mode: 'Code with PIN', style: 'steam', denominations: [...fixed(3.0, 10, 25), ...fixed(3.5, 50, 100)] },
  { id: 101, name: 'Amazon.com Gift Card', category: 'Shopping', sub: 'Amazon', country: 'US', currency: 'USD', mode: 'Code', style: 'amazon', denominations: range(1, 2000, 2.0), validityDays: 3650 },
  { id: 102, name: 'Google Play Gift Card', category: 'Entertainment', sub: 'Google Play', country: 'US', currency: 'USD', mode: 'Code', style: 'google', denominations: fixed(2.5, 10, 25, 50, 100) },
  { id: 103, name: 'Apple Gift Card', category: 'Entertainment', sub: 'Apple', country: 'US', currency: 'USD', mode: 'Code', style: 'apple', denominations: range(2, 500, 2.0) },
  { id: 104, name: 'PlayStation Store Gift Card', category: 'Gaming', sub: 'PlayStation', country: 'US', currency: 'USD', mode: 'Code', style: 'psn', denominations: fixed(3.0, 10, 25, 50, 100) },
  { id: 105, name: 'Xbox Gift Card', category: 'Gaming', sub: 'Xbox', country: 'US', currency: 'USD', mode: 'Code', style: 'xbox', denominations: fixed(3.0, 15, 25, 50, 100) },
  { id: 106, name: 'Netflix Gift Card', category: 'Entertainment', sub: 'Netflix', country: 'US', currency: 'USD', mode: 'Code', style: 'netflix', denominations: fixed(2.0, 25, 50, 100) },
  { id: 107, name: 'Spotify Premium Gift Card', category: 'Entertainment', sub: 'Spotify', country: 'US', currency: 'USD', mode: 'Code', style: 'spotify', denominations: fixed(4.0, 10, 30, 60) },
  { id: 108, name: 'Roblox Gift Card', category: 'Gaming', sub: 'Roblox', country: 'US', currency: 'USD', mode: 'Code with PIN', style: 'numeric', denominations: fixed(4.0, 10, 25, 50) },
  { id: 109, name: 'Nintendo eShop Card', category: 'Gaming', sub: 'Nintendo', country: 'US', currency: 'USD', mode: 'Code', style: 'nintendo', denominations: fixed(3.0, 20, 35, 50) },
  { id: 110, name: 'Uber Gift Card', category: 'Travel', sub: 'Uber', country: 'US', currency: 'USD', mode: 'URL', style: 'url', denominations: fixed(2.0, 25, 50, 100) },
  { id: 111, name: 'DoorDash Gift Card', category: 'Food & Dining', sub: 'DoorDash', country: 'US', currency: 'USD', mode: 'URL', style: 'url', denominations: fixed(2.5, 25, 50, 100) },
  { id: 112, name: 'Razer Gold Gift Card', category: 'Gaming', sub: 'Razer Gold', country: 'US', currency: 'USD', mode: 'Code with PIN', style: 'numeric', denominations: range(5, 500, 3.5) },
  { id: 113, name: 'Fortnite V-Bucks Gift Card', category: 'Gaming', sub: 'Epic Games', country: 'US', currency: 'USD', mode: 'Code', style: 'xbox', denominations: fixed(2.5, 8.99, 22.99, 36.99) },
  { id: 114, name: 'Walmart eGift Card', category: 'Shopping', sub: 'Walmart', country: 'US', currency: 'USD', mode: 'URL', style: 'url', denominations: range(10, 500, 1.5) },
  { id: 115, name: 'Airbnb Gift Card', category: 'Travel', sub: 'Airbnb', country: 'US', currency: 'USD', mode: 'URL', style: 'url', denominations: fixed(1.5, 50, 100, 200), validityDays: 1825 },
  { id: 116, name: 'Amazon.co.uk Gift Card', category: 'Shopping', sub: 'Amazon', country: 'GB', currency: 'GBP', mode: 'Code', style: 'amazon', denominations: range(1, 500, 2.0), validityDays: 3650 },
  { id: 117, name: 'Google Play Gift Card (UK)', category: 'Entertainment', sub: 'Google Play', country: 'GB', currency: 'GBP', mode: 'Code', style: 'google', denominations: fixed(2.5, 10, 15, 25, 50) },
  { id: 118, name: 'PlayStation Store Gift Card (UK)', category: 'Gaming', sub: 'PlayStation', country: 'GB', currency: 'GBP', mode: 'Code', style: 'psn', denominations: fixed(3.0, 10, 20, 50) },
  { id: 119, name: 'Xbox Gift Card (UK)', category: 'Gaming', sub: 'Xbox', country: 'GB', currency: 'GBP', mode: 'Code', style: 'xbox', denominations: fixed(3.0, 10, 15, 25, 50) },
  { id: 120, name: 'Steam Wallet Card (UK)', category: 'Gaming', sub: 'Steam', country: 'GB', currency: 'GBP', mode: 'Code with PIN', style: 'steam', denominations: [...fixed(3.0, 10, 20), ...fixed(3.5, 50)] },
  { id: 121, name: 'Netflix Gift Card (UK)', category: 'Entertainment', sub: 'Netflix', country: 'GB', currency: 'GBP', mode: 'Code', style: 'netflix', denominations: fixed(2.0, 15, 25, 50) },
  { id: 122, name: 'Deliveroo Gift Card', category: 'Food & Dining', sub: 'Deliveroo', country: 'GB', currency: 'GBP', mode: 'URL', style: 'url', denominations: fixed(2.5, 10, 25, 50), validityDays: 365 },
  { id: 124, name: 'Amazon.de Gutschein', category: 'Shopping', sub: 'Amazon', country: 'DE', currency: 'EUR', mode: 'Code', style: 'amazon', denominations: range(5, 500, 2.0), validityDays: 3650 },
  { id: 125, name: 'PlayStation Store Guthaben (DE)', category: 'Gaming', sub: 'PlayStation', country: 'DE', currency: 'EUR', mode: 'Code', style: 'psn', denominations: fixed(3.0, 10, 20, 50) },
  { id: 126, name: 'Zalando Gutschein', category: 'Shopping', sub: 'Zalando', country: 'DE', currency: 'EUR', mode: 'URL', style: 'url', denominations: fixed(2.0, 20, 50, 100), validityDays: 1095 },
  { id: 127, name: 'Google Play Carte Cadeau (FR)', category: 'Entertainment', sub: 'Google Play', country: 'FR', currency: 'EUR', mode: 'Code', style: 'google', denominations: fixed(2.5, 15, 25, 50) },
  { id: 128, name: 'Netflix Carte Cadeau (FR)', category: 'Entertainment', sub: 'Netflix', country: 'FR', currency: 'EUR', mode: 'Code', style: 'netflix', denominations: fixed(2.0, 15, 25, 50) },
  { id: 129, name: 'Steam Wallet Card (EU)', category: 'Gaming', sub: 'Steam', country: 'DE', currency: 'EUR', mode: 'Code with PIN', style: 'steam', denominations: fixed(3.0, 10, 20, 50, 100) },
  { id: 130, name: 'Flipkart Gift Card', category: 'Shopping', sub: 'Flipkart', country: 'IN', currency: 'INR', mode: 'URL', style: 'url', denominations: range(100, 10000, 1.5), validityDays: 365 },
  { id: 131, name: 'Google Play Gift Card (India)', category: 'Entertainment', sub: 'Google Play', country: 'IN', currency: 'INR', mode: 'Code', style: 'google', denominations: fixed(2.5, 100, 300, 500, 1000, 1500) },
  { id: 132, name: 'Swiggy Gift Card', category: 'Food & Dining', sub: 'Swiggy', country: 'IN', currency: 'INR', mode: 'URL', style: 'url', denominations: fixed(2.0, 250, 500, 1000), validityDays: 365 },
  { id: 133, name: 'Amazon Pay Gift Card (India)', category: 'Shopping', sub: 'Amazon', country: 'IN', currency: 'INR', mode: 'Code with PIN', style: 'amazon', denominations: range(50, 10000, 2.0), validityDays: 365 },
  { id: 134, name: 'PlayStation Store Card (Japan)', category: 'Gaming', sub: 'PlayStation', country: 'JP', currency: 'JPY', mode: 'Code', style: 'psn', denominations: fixed(3.0, 1000, 3000, 5000, 10000) },
  { id: 135, name: 'Nintendo eShop Card (Japan)', category: 'Gaming', sub: 'Nintendo', country: 'JP', currency: 'JPY', mode: 'Code', style: 'nintendo', denominations: fixed(3.0, 1000, 3000, 5000, 9000) },
  { id: 136, name: 'Amazon.co.jp Gift Card', category: 'Shopping', sub: 'Amazon', country: 'JP', currency: 'JPY', mode: 'Code', style: 'amazon', denominations: range(500, 50000, 2.0), validityDays: 3650 },
  { id: 137, name: 'Apple Gift Card (UAE)', category: 'Entertainment', sub: 'Apple', country: 'AE', currency: 'AED', mode: 'Code', style: 'apple', denominations: fixed(2.0, 50, 100, 250, 500) },
  { id: 138, name: 'Noon Gift Card', category: 'Shopping', sub: 'Noon', country: 'AE', currency: 'AED', mode: 'URL', style: 'url', denominations: fixed(2.0, 50, 100, 200), validityDays: 365 },
  { id: 139, name: 'Google Play Gift Card (Brazil)', category: 'Entertainment', sub: 'Google Play', country: 'BR', currency: 'BRL', mode: 'Code', style: 'google', denominations: fixed(2.5, 15, 30, 50, 100) },
  { id: 140, name: 'Netflix Gift Card (Brazil)', category: 'Entertainment', sub: 'Netflix', country: 'BR', currency: 'BRL', mode: 'Code', style: 'netflix', denominations: fixed(2.0, 35, 50, 70, 100) },
  { id: 141, name: 'Amazon.ca Gift Card', category: 'Shopping', sub: 'Amazon', country: 'CA', currency: 'CAD', mode: 'Code', style: 'amazon', denominations: range(5, 500, 2.0), validityDays: 3650 },
  { id: 142, name: 'Google Play Gift Card (Australia)', category: 'Entertainment', sub: 'Google Play', country: 'AU', currency: 'AUD', mode: 'Code', style: 'google', denominations: fixed(2.5, 20, 30, 50, 100) },
  { id: 143, name: 'Xbox Gift Card (Canada)', category: 'Gaming', sub: 'Xbox', country: 'CA', currency: 'CAD', mode: 'Code', style: 'xbox', denominations: fixed(3.0, 15, 25, 50) },
  { id: 144, name: 'Spotify Premium Gift Card (UK)', category: 'Entertainment', sub: 'Spotify', country: 'GB', currency: 'GBP', mode: 'Code', style: 'spotify', denominations: fixed(4.0, 10, 30, 60) },
];

/** Denominations of the sandbox test card; each selects a scenario (see sandbox/README.md). */
export const VOUCHER_SCENARIOS = {
  DELIVER: 1,
  PARTIAL: 2,
  FAIL: 3,
  SLOW: 4,
  CANCEL: 5,
  OUT_OF_STOCK: 6,
  PARTIAL_FAIL: 7,
} as const;

const SCENARIO_PRODUCT: VoucherProduct = {
  id: 999,
  name: 'Sandbox Test Gift Card',
  category: 'Sandbox',
  sub_category: 'Sandbox',
  country_code: 'US',
  currency_code: 'USD',
  image_url: '',
  delivery_mode: 'Code with PIN',
  delivery_time: 'Instant',
  validity: '12 months',
  available_denominations: fixed(5.0, ...Object.values(VOUCHER_SCENARIOS)),
  maxQuantity: 100,
  codeStyle: 'numeric',
  validityDays: 365,
  scenario: true,
};

function validityText(days: number | null): string {
  if (days === null) return 'No expiry';
  if (days % 365 === 0) return `${days / 365} year${days === 365 ? '' : 's'}`;
  return `${days} days`;
}

export const VOUCHER_PRODUCTS: VoucherProduct[] = [
  ...ROWS.map((row): VoucherProduct => {
    const validityDays = row.validityDays === undefined ? null : row.validityDays;
    return {
      id: row.id,
      name: row.name,
      category: row.category,
      sub_category: row.sub,
      country_code: row.country,
      currency_code: row.currency,
      image_url: '',
      delivery_mode: row.mode,
      delivery_time: 'Instant',
      validity: validityText(validityDays),
      available_denominations: row.denominations,
      maxQuantity: row.maxQuantity ?? 100,
      codeStyle: row.style,
      validityDays,
    };
  }),
  SCENARIO_PRODUCT,
].sort((a, b) => a.id - b.id);
