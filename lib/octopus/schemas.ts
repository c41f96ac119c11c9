import 'server-only';
import { Decimal } from '@/lib/money';
import { z } from 'zod';

/*
 * Wire schemas: the Octopus Cards API as it speaks (snake_case). Objects are not strict, so
 * fields the API adds later are ignored (the API promise allows additive changes); fields we
 * rely on are required, so a response that lacks one fails with a path naming it. Fields the
 * docs show omitted when empty are `nullish`.
 */

const DECIMAL_TEXT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** Money and rates arrive as JSON numbers (sometimes strings); they leave as Decimal. */
export const decimalSchema = z
  .union([z.number().refine(Number.isFinite, 'expected a finite number'), z.string().regex(DECIMAL_TEXT)])
  .transform((value) => new Decimal(value));

/** RFC 3339 timestamps become Dates; an unparseable one is an error, not an Invalid Date. */
export const timestampSchema = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'expected an RFC 3339 timestamp')
  .transform((value) => new Date(value));

const id = z.number().int();
const text = z.string();

export const authTokensSchema = z.object({
  access_token: text.min(1),
  refresh_token: text.min(1),
  access_expires_at: timestampSchema,
  refresh_expires_at: timestampSchema.nullish(),
  client_id: id.nullish(),
});

export const chargesSchema = z.object({
  non_discounted_total: decimalSchema,
  discount_amount: decimalSchema.nullish(),
  total_amount: decimalSchema.nullish(),
  discount: decimalSchema.nullish(),
  gst_amount: decimalSchema.nullish(),
  net_amount: decimalSchema.nullish(),
  handling_fee_amount: decimalSchema.nullish(),
  total_payable: decimalSchema,
  max_quantity: id.nullish(),
  charges_details: z
    .object({
      source_currency: text.nullish(),
      destination_currency: text.nullish(),
      forex_rate: decimalSchema.nullish(),
      conversion_fee: decimalSchema.nullish(),
      variant_id: id.nullish(),
      variant_name: text.nullish(),
      category: text.nullish(),
    })
    .nullish(),
});

// --- Vouchers -------------------------------------------------------------------------------

export const voucherDenominationSchema = z.object({
  min_value: decimalSchema.nullish(),
  max_value: decimalSchema.nullish(),
  discount: decimalSchema.nullish(),
});

export const voucherProductSchema = z.object({
  id,
  name: text,
  category: text.nullish(),
  sub_category: text.nullish(),
  country_code: text.nullish(),
  currency_code: text,
  image_url: text.nullish(),
  delivery_mode: text.nullish(),
  delivery_time: text.nullish(),
  validity: text.nullish(),
  description: text.nullish(),
  available_denominations: z.array(voucherDenominationSchema).nullish(),
});

export const availabilitySchema = z.object({ is_available: z.boolean() });

export const voucherCodeSchema = z.object({
  card_number: text.nullish(),
  pin_code: text.nullish(),
  claim_url: text.nullish(),
  expires_at: timestampSchema.nullish(),
  voucher_reference_number: text.nullish(),
});

export const voucherOrderSchema = z.object({
  id,
  client_reference: text.nullish(),
  status: text,
  product_id: id.nullish(),
  product_name: text.nullish(),
  denomination: decimalSchema.nullish(),
  quantity: id.nullish(),
  amount: decimalSchema.nullish(),
  discount: decimalSchema.nullish(),
  wallet_id: id.nullish(),
  base_currency: text.nullish(),
  deduction_currency: text.nullish(),
  message: text.nullish(),
  email: text.nullish(),
  delivered_quantity: id.nullish(),
  vouchers: z.array(voucherCodeSchema).nullish(),
  created_at: timestampSchema.nullish(),
  delivered_on: timestampSchema.nullish(),
});

// --- Top-ups --------------------------------------------------------------------------------

export const topupProductSchema = z.object({
  id,
  name: text,
  topup_type: text,
  country_code: text,
  currency_code: text,
  image_url: text.nullish(),
});

/** `input_fields` is left raw here: its shape is undocumented, so input-fields.ts reads it tolerantly. */
export const topupProductDetailSchema = topupProductSchema.extend({
  description: text.nullish(),
  input_fields: z.unknown(),
});

export const topupVariantSchema = z.object({
  id,
  name: text,
  category: text.nullish(),
  currency_code: text,
  min_amount: decimalSchema.nullish(),
  max_amount: decimalSchema.nullish(),
  fixed_amounts: z.array(decimalSchema).nullish(),
  available_in: z.array(z.object({ code: text, name: text.nullish() })).nullish(),
  // Free metadata documented as string → string; numbers are tolerated and kept as text.
  fields: z.record(z.string(), z.union([text, z.number(), z.boolean()]).transform(String)).nullish(),
});

export const topupLookupMatchSchema = z.object({
  product_id: id,
  name: text,
  country_code: text.nullish(),
  identified: z.boolean(),
});

export const topupOrderSchema = z.object({
  id,
  client_reference: text.nullish(),
  product_id: id.nullish(),
  product_name: text.nullish(),
  variant_name: text.nullish(),
  country_code: text.nullish(),
  amount: decimalSchema,
  currency: text,
  status: text,
  status_text: text.nullish(),
  failure_code: text.nullish(),
  failure_reason: text.nullish(),
  is_user_fixable: z.boolean().nullish(),
  input_data: z.record(z.string(), z.unknown()).nullish(),
  notification_email: text.nullish(),
  transaction_id: id.nullish(),
  created_at: timestampSchema.nullish(),
  completed_at: timestampSchema.nullish(),
});

// --- eSIM -----------------------------------------------------------------------------------

export const esimProductSchema = z.object({
  id,
  name: text,
  country_code: text,
  currency_code: text,
  image_url: text.nullish(),
});

export const esimVariantSchema = z.object({
  id,
  esim_product_id: id.nullish(),
  name: text,
  description: text.nullish(),
  currency_code: text,
  amount: decimalSchema,
  data_amount_gb: decimalSchema.nullish(),
  validity_days: id.nullish(),
  client_discount: decimalSchema.nullish(),
});

export const esimProductDetailSchema = esimProductSchema.extend({
  description: text.nullish(),
  variants: z.array(esimVariantSchema).nullish(),
});

export const esimOrderSchema = z.object({
  id,
  client_reference: text.nullish(),
  status: text,
  status_text: text.nullish(),
  product_id: id.nullish(),
  product_name: text.nullish(),
  variant_name: text.nullish(),
  country_code: text.nullish(),
  data_amount_gb: decimalSchema.nullish(),
  validity_days: id.nullish(),
  amount: decimalSchema,
  currency: text,
  activation_status: text.nullish(),
  is_installed: z.boolean().nullish(),
  installed_at: timestampSchema.nullish(),
  activated_at: timestampSchema.nullish(),
  activation_code: text.nullish(),
  iccid: text.nullish(),
  failure_code: text.nullish(),
  failure_reason: text.nullish(),
  is_user_fixable: z.boolean().nullish(),
  notification_email: text.nullish(),
  transaction_id: id.nullish(),
  created_at: timestampSchema.nullish(),
  completed_at: timestampSchema.nullish(),
});

// --- Account and reference data --------------------------------------------------------------

export const walletSchema = z.object({
  id,
  currency_id: id,
  amount: decimalSchema,
  type: text,
  currency: text.nullish(),
});

export const transactionSchema = z.object({
  id,
  wallet_id: id,
  currency_id: id.nullish(),
  amount: decimalSchema,
  transaction_type: text,
  status: text,
  source_currency: text.nullish(),
  destination_currency: text.nullish(),
  forex_rate: decimalSchema.nullish(),
  conversion_charges: decimalSchema.nullish(),
  remarks: text.nullish(),
  created_at: timestampSchema,
});

export const countrySchema = z.object({
  id,
  name: text,
  official_name: text.nullish(),
  alpha_2: text,
  alpha_3: text,
  numeric_code: text.nullish(),
  dialing_prefix: text.nullish(),
});

export const currencySchema = z.object({
  id,
  name: text,
  currency: text,
  precision: id,
});

export type WireCharges = z.infer<typeof chargesSchema>;
export type WireVoucherProduct = z.infer<typeof voucherProductSchema>;
export type WireVoucherOrder = z.infer<typeof voucherOrderSchema>;
export type WireTopupProduct = z.infer<typeof topupProductSchema>;
export type WireTopupProductDetail = z.infer<typeof topupProductDetailSchema>;
export type WireTopupVariant = z.infer<typeof topupVariantSchema>;
export type WireTopupLookupMatch = z.infer<typeof topupLookupMatchSchema>;
export type WireTopupOrder = z.infer<typeof topupOrderSchema>;
export type WireEsimProduct = z.infer<typeof esimProductSchema>;
export type WireEsimProductDetail = z.infer<typeof esimProductDetailSchema>;
export type WireEsimVariant = z.infer<typeof esimVariantSchema>;
export type WireEsimOrder = z.infer<typeof esimOrderSchema>;
export type WireWallet = z.infer<typeof walletSchema>;
export type WireTransaction = z.infer<typeof transactionSchema>;
export type WireCountry = z.infer<typeof countrySchema>;
export type WireCurrency = z.infer<typeof currencySchema>;
