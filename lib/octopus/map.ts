import 'server-only';
import { Decimal } from '@/lib/money';
import { parseInputFields } from './input-fields';
import type {
  WireCharges,
  WireCountry,
  WireCurrency,
  WireEsimOrder,
  WireEsimProduct,
  WireEsimProductDetail,
  WireEsimVariant,
  WireTopupLookupMatch,
  WireTopupOrder,
  WireTopupProduct,
  WireTopupProductDetail,
  WireTopupVariant,
  WireTransaction,
  WireVoucherOrder,
  WireVoucherProduct,
  WireWallet,
} from './schemas';
import type {
  AmountInput,
  Charges,
  Country,
  Currency,
  EsimLpa,
  EsimOrder,
  EsimProduct,
  EsimProductDetail,
  EsimVariant,
  TopupLookupMatch,
  TopupOrder,
  TopupProduct,
  TopupProductDetail,
  TopupVariant,
  Transaction,
  VoucherOrder,
  VoucherProduct,
  Wallet,
} from './types';

/** Wire → domain. The only place that knows both spellings. */

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

export function toCharges(wire: WireCharges): Charges {
  const details = wire.charges_details;
  return {
    nonDiscountedTotal: wire.non_discounted_total,
    discountAmount: orNull(wire.discount_amount),
    totalAmount: orNull(wire.total_amount),
    discountPercent: orNull(wire.discount),
    gstAmount: orNull(wire.gst_amount),
    netAmount: orNull(wire.net_amount),
    handlingFeeAmount: orNull(wire.handling_fee_amount),
    totalPayable: wire.total_payable,
    maxQuantity: orNull(wire.max_quantity),
    sourceCurrency: orNull(details?.source_currency),
    destinationCurrency: orNull(details?.destination_currency),
    forexRate: orNull(details?.forex_rate),
    conversionFee: orNull(details?.conversion_fee),
    variantId: orNull(details?.variant_id),
    variantName: orNull(details?.variant_name),
    variantCategory: orNull(details?.category),
  };
}

export function toVoucherProduct(wire: WireVoucherProduct): VoucherProduct {
  return {
    id: wire.id,
    name: wire.name,
    category: orNull(wire.category),
    subCategory: orNull(wire.sub_category),
    countryCode: orNull(wire.country_code),
    currencyCode: wire.currency_code,
    imageUrl: orNull(wire.image_url) || null,
    deliveryMode: orNull(wire.delivery_mode),
    deliveryTime: orNull(wire.delivery_time),
    validity: orNull(wire.validity),
    description: orNull(wire.description),
    denominations: (wire.available_denominations ?? []).map((denomination) => ({
      minValue: orNull(denomination.min_value),
      maxValue: orNull(denomination.max_value),
      discountPercent: orNull(denomination.discount),
    })),
  };
}

export function toVoucherOrder(wire: WireVoucherOrder): VoucherOrder {
  return {
    id: wire.id,
    clientReference: orNull(wire.client_reference),
    status: wire.status,
    productId: orNull(wire.product_id),
    productName: orNull(wire.product_name),
    denomination: orNull(wire.denomination),
    quantity: orNull(wire.quantity),
    amount: orNull(wire.amount),
    discount: orNull(wire.discount),
    walletId: orNull(wire.wallet_id),
    baseCurrency: orNull(wire.base_currency),
    deductionCurrency: orNull(wire.deduction_currency),
    message: orNull(wire.message),
    email: orNull(wire.email),
    deliveredQuantity: orNull(wire.delivered_quantity),
    vouchers: (wire.vouchers ?? []).map((code) => ({
      cardNumber: orNull(code.card_number),
      pinCode: orNull(code.pin_code),
      claimUrl: orNull(code.claim_url),
      expiresAt: orNull(code.expires_at),
      referenceNumber: orNull(code.voucher_reference_number),
    })),
    createdAt: orNull(wire.created_at),
    deliveredAt: orNull(wire.delivered_on),
  };
}

export function toTopupProduct(wire: WireTopupProduct): TopupProduct {
  return {
    id: wire.id,
    name: wire.name,
    type: wire.topup_type,
    countryCode: wire.country_code,
    currencyCode: wire.currency_code,
    imageUrl: orNull(wire.image_url) || null,
  };
}

export function toTopupProductDetail(wire: WireTopupProductDetail): TopupProductDetail {
  return {
    ...toTopupProduct(wire),
    description: orNull(wire.description),
    inputFields: parseInputFields(wire.input_fields),
  };
}

export function toTopupVariant(wire: WireTopupVariant): TopupVariant {
  return {
    id: wire.id,
    name: wire.name,
    category: orNull(wire.category) || null,
    currencyCode: wire.currency_code,
    minAmount: orNull(wire.min_amount),
    maxAmount: orNull(wire.max_amount),
    fixedAmounts: wire.fixed_amounts ?? [],
    availableIn: (wire.available_in ?? []).map((area) => ({ code: area.code, name: orNull(area.name) })),
    fields: wire.fields ?? {},
  };
}

export function toTopupLookupMatch(wire: WireTopupLookupMatch): TopupLookupMatch {
  return {
    productId: wire.product_id,
    name: wire.name,
    countryCode: orNull(wire.country_code),
    identified: wire.identified,
  };
}

export function toTopupOrder(wire: WireTopupOrder): TopupOrder {
  return {
    id: wire.id,
    clientReference: orNull(wire.client_reference),
    productId: orNull(wire.product_id),
    productName: orNull(wire.product_name),
    variantName: orNull(wire.variant_name),
    countryCode: orNull(wire.country_code),
    amount: wire.amount,
    currency: wire.currency,
    status: wire.status,
    statusText: orNull(wire.status_text),
    failureCode: orNull(wire.failure_code),
    failureReason: orNull(wire.failure_reason),
    isUserFixable: wire.is_user_fixable ?? false,
    inputData: wire.input_data ?? {},
    notificationEmail: orNull(wire.notification_email),
    transactionId: orNull(wire.transaction_id),
    createdAt: orNull(wire.created_at),
    completedAt: orNull(wire.completed_at),
  };
}

export function toEsimProduct(wire: WireEsimProduct): EsimProduct {
  return {
    id: wire.id,
    name: wire.name,
    countryCode: wire.country_code,
    currencyCode: wire.currency_code,
    imageUrl: orNull(wire.image_url) || null,
  };
}

export function toEsimVariant(wire: WireEsimVariant): EsimVariant {
  return {
    id: wire.id,
    productId: orNull(wire.esim_product_id),
    name: wire.name,
    description: orNull(wire.description),
    currencyCode: wire.currency_code,
    amount: wire.amount,
    dataAmountGb: orNull(wire.data_amount_gb),
    validityDays: orNull(wire.validity_days),
    clientDiscountPercent: orNull(wire.client_discount),
  };
}

export function toEsimProductDetail(wire: WireEsimProductDetail): EsimProductDetail {
  return {
    ...toEsimProduct(wire),
    description: orNull(wire.description),
    variants: (wire.variants ?? []).map(toEsimVariant),
  };
}

export function toEsimOrder(wire: WireEsimOrder): EsimOrder {
  return {
    id: wire.id,
    clientReference: orNull(wire.client_reference),
    status: wire.status,
    statusText: orNull(wire.status_text),
    productId: orNull(wire.product_id),
    productName: orNull(wire.product_name),
    variantName: orNull(wire.variant_name),
    countryCode: orNull(wire.country_code),
    dataAmountGb: orNull(wire.data_amount_gb),
    validityDays: orNull(wire.validity_days),
    amount: wire.amount,
    currency: wire.currency,
    activationStatus: orNull(wire.activation_status),
    isInstalled: wire.is_installed ?? false,
    installedAt: orNull(wire.installed_at),
    activatedAt: orNull(wire.activated_at),
    lpa: wire.activation_code ? parseLpa(wire.activation_code) : null,
    iccid: orNull(wire.iccid),
    failureCode: orNull(wire.failure_code),
    failureReason: orNull(wire.failure_reason),
    isUserFixable: wire.is_user_fixable ?? false,
    notificationEmail: orNull(wire.notification_email),
    transactionId: orNull(wire.transaction_id),
    createdAt: orNull(wire.created_at),
    completedAt: orNull(wire.completed_at),
  };
}

/**
 * "LPA:1$<SM-DP+ address>$<matching id>" (GSMA SGP.22); the manual-install screen shows the two
 * parts separately. Anything else is kept whole with the parts unknown.
 */
export function parseLpa(activationCode: string): EsimLpa {
  const match = /^LPA:1\$([^$]+)\$([^$]*)/i.exec(activationCode.trim());
  return {
    activationCode,
    smdpAddress: match?.[1] ?? null,
    matchingId: match?.[2] || null,
  };
}

export function toWallet(wire: WireWallet): Wallet {
  return {
    id: wire.id,
    currencyId: wire.currency_id,
    amount: wire.amount,
    type: wire.type,
    currencyCode: orNull(wire.currency),
  };
}

export function toTransaction(wire: WireTransaction): Transaction {
  return {
    id: wire.id,
    walletId: wire.wallet_id,
    currencyId: orNull(wire.currency_id),
    // Positive whatever the sign on the wire (a sister API sends debits negative).
    amount: wire.amount.abs(),
    type: wire.transaction_type,
    status: wire.status,
    sourceCurrency: orNull(wire.source_currency),
    destinationCurrency: orNull(wire.destination_currency),
    forexRate: orNull(wire.forex_rate),
    conversionCharges: orNull(wire.conversion_charges),
    remarks: orNull(wire.remarks),
    createdAt: wire.created_at,
  };
}

export function toCountry(wire: WireCountry): Country {
  return {
    id: wire.id,
    name: wire.name,
    officialName: orNull(wire.official_name),
    alpha2: wire.alpha_2,
    alpha3: wire.alpha_3,
    numericCode: orNull(wire.numeric_code),
    dialingPrefix: orNull(wire.dialing_prefix),
  };
}

export function toCurrency(wire: WireCurrency): Currency {
  return { id: wire.id, name: wire.name, code: wire.currency, precision: wire.precision };
}

/**
 * Money leaves as a JSON number, as the API documents it. A Decimal with at most 15 significant
 * digits converts to a double whose JSON text is the same digits, so nothing is rounded.
 */
export function toJsonAmount(amount: AmountInput): number {
  const decimal = new Decimal(amount);
  if (!decimal.isFinite() || decimal.isNegative() || decimal.sd(true) > 15) {
    throw new RangeError(`Amount ${decimal.toString()} cannot be sent exactly`);
  }
  return decimal.toNumber();
}
