import 'server-only';
import type { Decimal } from '@/lib/money';
import type { OctopusApiError } from './errors';
import type { InputFieldDescriptor } from './input-fields';

/*
 * Domain types: what the rest of the storefront sees. camelCase, money as Decimal, times as Date,
 * absent values as null. Status enums list the documented values but accept new ones, because
 * the API promise allows new enum values; switch with a default branch.
 */

/** Widens a literal union so unknown future values type-check while known ones still autocomplete. */
type Open<T extends string> = T | (string & {});

export type VoucherOrderStatus = Open<'PENDING' | 'DELIVERED' | 'PARTIALLY_DELIVERED' | 'FAILED' | 'CANCELLED'>;
export type TopupOrderStatus = Open<'PENDING' | 'DELIVERED' | 'FAILED' | 'CANCELLED' | 'RECHARGED'>;
export type EsimOrderStatus = Open<'PENDING' | 'DELIVERED' | 'FAILED' | 'CANCELLED'>;
export type EsimActivationStatus = Open<'NOT_INSTALLED' | 'ACTIVE' | 'EXPIRED'>;
export type TopupType = Open<'GAMING' | 'MOBILE' | 'UTILITY'>;
export type TopupCategory = Open<'Airtime' | 'Data' | 'Bundle'>;
export type WalletType = Open<'PREPAID' | 'POSTPAID'>;
export type TransactionType = Open<'CREDIT' | 'DEBIT'>;
export type TransactionStatus = Open<'PENDING' | 'COMPLETED' | 'FAILED'>;

/** One page of a list endpoint, with what the pagination headers said. */
export interface Page<T> {
  items: T[];
  page: number;
  perPage: number | null;
  totalCount: number | null;
  totalPages: number | null;
  hasMore: boolean;
}

/** Money sent to the API: a Decimal or decimal text, never a float. */
export type AmountInput = Decimal | string;

/** A price quote (same shape for all three verticals). */
export interface Charges {
  /** Face value in the product currency. */
  nonDiscountedTotal: Decimal;
  discountAmount: Decimal | null;
  /** After discount, before FX, product currency. */
  totalAmount: Decimal | null;
  /** Discount percentage, e.g. 3.5. */
  discountPercent: Decimal | null;
  gstAmount: Decimal | null;
  /** totalAmount × forexRate, wallet currency. */
  netAmount: Decimal | null;
  handlingFeeAmount: Decimal | null;
  /** What leaves the wallet, in the wallet currency: the wholesale charge. */
  totalPayable: Decimal;
  /** Vouchers only: the most that may be ordered at once. */
  maxQuantity: number | null;
  sourceCurrency: string | null;
  destinationCurrency: string | null;
  forexRate: Decimal | null;
  conversionFee: Decimal | null;
  /** Top-ups: the variant the supplier would pick for this amount, when it says. */
  variantId: number | null;
  variantName: string | null;
  variantCategory: string | null;
}

// --- Vouchers -------------------------------------------------------------------------------

export interface VoucherDenomination {
  /** Equal bounds mean a fixed denomination; otherwise any amount in [min, max]. */
  minValue: Decimal | null;
  maxValue: Decimal | null;
  discountPercent: Decimal | null;
}

export interface VoucherProduct {
  id: number;
  name: string;
  category: string | null;
  subCategory: string | null;
  countryCode: string | null;
  currencyCode: string;
  imageUrl: string | null;
  deliveryMode: string | null;
  deliveryTime: string | null;
  validity: string | null;
  description: string | null;
  denominations: VoucherDenomination[];
}

export interface VoucherProductFilters {
  countryId?: number;
  category?: string;
  currencyId?: number;
  search?: string;
}

/** A delivered code. Secret: never log it, store it encrypted. */
export interface VoucherCode {
  cardNumber: string | null;
  pinCode: string | null;
  claimUrl: string | null;
  expiresAt: Date | null;
  referenceNumber: string | null;
}

export interface VoucherOrder {
  id: number;
  clientReference: string | null;
  status: VoucherOrderStatus;
  productId: number | null;
  productName: string | null;
  denomination: Decimal | null;
  quantity: number | null;
  /** Total face value (denomination × quantity). */
  amount: Decimal | null;
  /** Absolute discount. */
  discount: Decimal | null;
  walletId: number | null;
  baseCurrency: string | null;
  deductionCurrency: string | null;
  message: string | null;
  email: string | null;
  deliveredQuantity: number | null;
  vouchers: VoucherCode[];
  createdAt: Date | null;
  deliveredAt: Date | null;
}

export interface CreateVoucherOrderInput {
  productId: number;
  denomination: AmountInput;
  quantity: number;
  clientReference: string;
  walletId?: number;
  email?: string;
}

// --- Top-ups --------------------------------------------------------------------------------

export interface TopupProduct {
  id: number;
  name: string;
  type: TopupType;
  /** ISO 3166-1 alpha-3, or GLO for global. */
  countryCode: string;
  currencyCode: string;
  imageUrl: string | null;
}

export interface TopupProductDetail extends TopupProduct {
  description: string | null;
  inputFields: InputFieldDescriptor[];
}

export interface TopupVariant {
  id: number;
  name: string;
  category: string | null;
  currencyCode: string;
  /** Range variants: any amount in [minAmount, maxAmount]. */
  minAmount: Decimal | null;
  maxAmount: Decimal | null;
  /** Fixed variants: the exact amounts allowed. */
  fixedAmounts: Decimal[];
  availableIn: { code: string; name: string | null }[];
  fields: Record<string, string>;
}

export interface TopupLookupMatch {
  productId: number;
  name: string;
  countryCode: string | null;
  /** True for the supplier's best guess; false for alternatives. */
  identified: boolean;
}

export interface TopupOrder {
  id: number;
  clientReference: string | null;
  productId: number | null;
  productName: string | null;
  variantName: string | null;
  countryCode: string | null;
  /** The charged amount (after discount), not the face value. */
  amount: Decimal;
  currency: string;
  status: TopupOrderStatus;
  statusText: string | null;
  failureCode: string | null;
  failureReason: string | null;
  isUserFixable: boolean;
  inputData: Record<string, unknown>;
  notificationEmail: string | null;
  transactionId: number | null;
  createdAt: Date | null;
  completedAt: Date | null;
}

export interface CreateTopupOrderInput {
  productId: number;
  amount: AmountInput;
  /** Only the keys the product's input fields declare. */
  inputData?: Record<string, string>;
  clientReference: string;
  walletId?: number;
  category?: TopupCategory;
  redeemVoucherCode?: string;
}

export interface TopupChargesInput {
  productId: number;
  amount: AmountInput;
  walletId?: number;
  category?: TopupCategory;
}

export interface TopupOrderFilters {
  page?: number;
  perPage?: number;
  status?: TopupOrderStatus;
  productId?: number;
  /** ISO 3166-1 alpha-3. */
  country?: string;
}

// --- eSIM -----------------------------------------------------------------------------------

export interface EsimProduct {
  id: number;
  name: string;
  countryCode: string;
  currencyCode: string;
  imageUrl: string | null;
}

export interface EsimVariant {
  id: number;
  productId: number | null;
  name: string;
  description: string | null;
  currencyCode: string;
  /** Send exactly this as the order amount: it selects the variant. */
  amount: Decimal;
  /** 0 may mean unlimited. */
  dataAmountGb: Decimal | null;
  validityDays: number | null;
  clientDiscountPercent: Decimal | null;
}

export interface EsimProductDetail extends EsimProduct {
  description: string | null;
  variants: EsimVariant[];
}

/** The parts of an LPA activation string ("LPA:1$<SM-DP+ address>$<matching id>"). */
export interface EsimLpa {
  /** The full string, for the QR code. */
  activationCode: string;
  smdpAddress: string | null;
  matchingId: string | null;
}

export interface EsimOrder {
  id: number;
  clientReference: string | null;
  status: EsimOrderStatus;
  statusText: string | null;
  productId: number | null;
  productName: string | null;
  variantName: string | null;
  countryCode: string | null;
  dataAmountGb: Decimal | null;
  validityDays: number | null;
  amount: Decimal;
  currency: string;
  activationStatus: EsimActivationStatus | null;
  isInstalled: boolean;
  installedAt: Date | null;
  activatedAt: Date | null;
  /** Secret; only on the single-order read and only until installed. */
  lpa: EsimLpa | null;
  iccid: string | null;
  failureCode: string | null;
  failureReason: string | null;
  isUserFixable: boolean;
  notificationEmail: string | null;
  transactionId: number | null;
  createdAt: Date | null;
  completedAt: Date | null;
}

export interface CreateEsimOrderInput {
  productId: number;
  /** A variant's amount, echoed exactly. */
  amount: AmountInput;
  clientReference: string;
  walletId?: number;
}

export interface EsimOrderFilters {
  page?: number;
  perPage?: number;
  status?: EsimOrderStatus;
}

// --- Orders, common -------------------------------------------------------------------------

export interface VoucherOrderFilters {
  page?: number;
  limit?: number;
  status?: VoucherOrderStatus;
  productId?: number;
}

/**
 * The answer to "create this order", for the order service to act on without guessing:
 * - accepted: the supplier holds an order (any status, FAILED included: read `order.status`);
 * - rejected: the supplier refused it and holds no order (error says why);
 * - duplicate_reference: an order with this client_reference already exists: look it up;
 * - unknown: no definitive answer (timeout, dropped connection, 5xx): reconcile by
 *   client_reference, and resubmit with the same reference only if the supplier has none.
 */
export type CreateOrderOutcome<TOrder> =
  | { outcome: 'accepted'; order: TOrder }
  | { outcome: 'rejected'; error: OctopusApiError }
  | { outcome: 'duplicate_reference'; error: OctopusApiError }
  | { outcome: 'unknown'; error: OctopusApiError };

// --- Account and reference data --------------------------------------------------------------

export interface Wallet {
  id: number;
  currencyId: number;
  /** Available balance. */
  amount: Decimal;
  type: WalletType;
  /** ISO 4217, when the API includes it; otherwise resolve currencyId via listCurrencies. */
  currencyCode: string | null;
}

export interface Transaction {
  id: number;
  walletId: number;
  currencyId: number | null;
  /** Positive; the direction is `type`. */
  amount: Decimal;
  type: TransactionType;
  status: TransactionStatus;
  sourceCurrency: string | null;
  destinationCurrency: string | null;
  forexRate: Decimal | null;
  conversionCharges: Decimal | null;
  remarks: string | null;
  createdAt: Date;
}

export interface TransactionFilters {
  page?: number;
  limit?: number;
  walletId?: number;
}

export interface Country {
  id: number;
  name: string;
  officialName: string | null;
  alpha2: string;
  alpha3: string;
  numericCode: string | null;
  dialingPrefix: string | null;
}

export interface Currency {
  id: number;
  name: string;
  /** ISO 4217. */
  code: string;
  /** Minor-unit digits: 2 for USD, 0 for JPY. */
  precision: number;
}
