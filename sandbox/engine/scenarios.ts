/**
 * Magic inputs. A top-up whose recipient (player ID, user ID, phone number, email...) has digits
 * ending in `000NNN` resolves inside the create request, `999NNN` after the normal delay, where
 * NNN picks the outcome below. Every failure code of the docs' table is reachable this way.
 */
import type { TopupProduct } from '../catalogue/topups';
import type { FailureDetails } from './state';

export interface FailureCode {
  code: string;
  userFixable: boolean;
  statusText: string;
  /** Customer-safe wording; `{recipient}` becomes "player ID", "mobile number", ... */
  reason: string;
}

export const FAILURE_CODES: Record<string, FailureCode> = {
  INVALID_RECIPIENT: {
    code: 'INVALID_RECIPIENT',
    userFixable: true,
    statusText: 'Invalid recipient',
    reason: 'The {recipient} you entered could not be found. Please double-check and try again.',
  },
  RECIPIENT_BARRED: {
    code: 'RECIPIENT_BARRED',
    userFixable: false,
    statusText: 'Recipient barred',
    reason: 'This account cannot receive top-ups. Please contact the provider for help.',
  },
  RECIPIENT_INELIGIBLE: {
    code: 'RECIPIENT_INELIGIBLE',
    userFixable: true,
    statusText: 'Recipient ineligible',
    reason: 'This account cannot receive the selected package. Please choose a different one.',
  },
  RECIPIENT_LIMIT_EXCEEDED: {
    code: 'RECIPIENT_LIMIT_EXCEEDED',
    userFixable: false,
    statusText: 'Recipient limit exceeded',
    reason: 'This account has reached its top-up limit for now. Please try again later.',
  },
  OPERATOR_UNAVAILABLE: {
    code: 'OPERATOR_UNAVAILABLE',
    userFixable: false,
    statusText: 'Operator unavailable',
    reason: 'The provider is temporarily unavailable. Please try again later.',
  },
  OPERATOR_LIMIT_EXCEEDED: {
    code: 'OPERATOR_LIMIT_EXCEEDED',
    userFixable: false,
    statusText: 'Operator limit exceeded',
    reason: 'The provider cannot accept more top-ups right now. Please try again later.',
  },
  CLIENT_LIMIT_EXCEEDED: {
    code: 'CLIENT_LIMIT_EXCEEDED',
    userFixable: false,
    statusText: 'Client limit exceeded',
    reason: 'This order cannot be completed right now. Please try again later or contact support.',
  },
  PRODUCT_UNAVAILABLE: {
    code: 'PRODUCT_UNAVAILABLE',
    userFixable: true,
    statusText: 'Product unavailable',
    reason: 'The selected package is not available at the moment. Please choose a different one.',
  },
  PRODUCT_OUT_OF_STOCK: {
    code: 'PRODUCT_OUT_OF_STOCK',
    userFixable: true,
    statusText: 'Product out of stock',
    reason: 'The selected package is out of stock. Please choose another one or try again later.',
  },
  AMOUNT_OUT_OF_RANGE: {
    code: 'AMOUNT_OUT_OF_RANGE',
    userFixable: true,
    statusText: 'Amount out of range',
    reason: 'This amount is not available for this product. Please choose a different amount.',
  },
  UNKNOWN: {
    code: 'UNKNOWN',
    userFixable: false,
    statusText: 'Fulfilment failed',
    reason: 'We could not complete this order. The payment has been refunded.',
  },
};

/** The three digits after `000` / `999` and what they do. */
export const MAGIC_SUFFIXES: Record<string, string> = {
  '404': 'INVALID_RECIPIENT',
  '403': 'RECIPIENT_BARRED',
  '422': 'RECIPIENT_INELIGIBLE',
  '429': 'RECIPIENT_LIMIT_EXCEEDED',
  '503': 'OPERATOR_UNAVAILABLE',
  '509': 'OPERATOR_LIMIT_EXCEEDED',
  '402': 'CLIENT_LIMIT_EXCEEDED',
  '410': 'PRODUCT_UNAVAILABLE',
  '411': 'PRODUCT_OUT_OF_STOCK',
  '416': 'AMOUNT_OUT_OF_RANGE',
  '500': 'UNKNOWN',
  '499': 'CANCELLED',
  '408': 'LONG_PENDING',
  '200': 'DELIVERED',
};

export type TopupPlan =
  | { kind: 'deliver'; sync: boolean }
  | { kind: 'fail'; failure: FailureCode; sync: boolean }
  | { kind: 'cancel'; sync: boolean }
  | { kind: 'long' };

export function recipientNoun(product: TopupProduct): string {
  const field = primaryField(product);
  if (!field) return 'account';
  if (field.type === 'phone') return 'mobile number';
  if (field.type === 'email') return 'email address';
  // "Player ID" -> "player ID", but acronyms such as "UID" or "IGG ID" stay as they are.
  const second = field.label[1] ?? '';
  return second === second.toLowerCase() ? field.label[0]?.toLowerCase() + field.label.slice(1) : field.label;
}

function primaryField(product: TopupProduct) {
  return product.input_fields.find((f) => f.required && f.type !== 'select') ?? product.input_fields[0];
}

export function topupPlan(product: TopupProduct, inputData: Record<string, string>): TopupPlan {
  const field = primaryField(product);
  const digits = field ? (inputData[field.name] ?? '').replace(/\D/g, '') : '';
  const match = /(000|999)(\d{3})$/.exec(digits);
  const outcome = match ? MAGIC_SUFFIXES[match[2] ?? ''] : undefined;
  const sync = match?.[1] === '000';
  if (!outcome) return { kind: 'deliver', sync: product.syncDelivery };
  if (outcome === 'DELIVERED') return { kind: 'deliver', sync: sync || product.syncDelivery };
  if (outcome === 'LONG_PENDING') return { kind: 'long' };
  if (outcome === 'CANCELLED') return { kind: 'cancel', sync };
  const failure = FAILURE_CODES[outcome];
  if (!failure) return { kind: 'deliver', sync: product.syncDelivery };
  return { kind: 'fail', failure, sync };
}

export function failureDetails(failure: FailureCode, recipient: string): FailureDetails {
  return { code: failure.code, reason: failure.reason.replace('{recipient}', recipient), userFixable: failure.userFixable };
}
