/**
 * Stripe's documented test cards (https://docs.stripe.com/testing) and the hosted page's field
 * checks, with the messages Stripe Checkout shows.
 */

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

export interface CardOutcome {
  /** undefined: the charge succeeds. */
  decline?: { code: string; declineCode?: string; message: string };
  /** The refund starts `succeeded`, then turns `failed` (Stripe's 4000 0000 0000 5126). */
  refundFailsLater?: boolean;
}

const DECLINED = 'Your card has been declined.';

/** By card number (digits only). Anything not listed is a "real" card, which test mode refuses. */
export const TEST_CARDS: Record<string, CardOutcome> = {
  '4242424242424242': {},
  '4000056655665556': {},
  '5555555555554444': {},
  '2223003122003222': {},
  '5200828282828210': {},
  '378282246310005': {},
  '371449635398431': {},
  '6011111111111117': {},
  '4000000000000077': {},
  '4000000000005126': { refundFailsLater: true },
  '4000000000000002': { decline: { code: 'card_declined', declineCode: 'generic_decline', message: DECLINED } },
  '4000000000009995': { decline: { code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' } },
  '4000000000009987': { decline: { code: 'card_declined', declineCode: 'lost_card', message: DECLINED } },
  '4000000000009979': { decline: { code: 'card_declined', declineCode: 'stolen_card', message: DECLINED } },
  '4100000000000019': { decline: { code: 'card_declined', declineCode: 'fraudulent', message: DECLINED } },
  '4000000000000069': { decline: { code: 'expired_card', message: 'Your card has expired.' } },
  '4000000000000127': { decline: { code: 'incorrect_cvc', message: "Your card's security code is incorrect." } },
  '4000000000000119': { decline: { code: 'processing_error', message: 'An error occurred while processing your card. Try again in a little bit.' } },
  '4242424242424241': { decline: { code: 'incorrect_number', message: 'Your card number is incorrect.' } },
};

export const LIVE_CARD_IN_TEST_MODE: CardOutcome = {
  decline: {
    code: 'card_declined',
    declineCode: 'test_mode_live_card',
    message: 'Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
  },
};

export function brandOf(number: string): CardBrand {
  if (number.startsWith('4')) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^6(011|5)/.test(number)) return 'discover';
  return 'unknown';
}

export function luhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export interface CardForm {
  email: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
  name: string;
}

export interface ValidCard {
  email: string;
  number: string;
  expMonth: number;
  expYear: number;
  name: string;
  brand: CardBrand;
  last4: string;
}

export type FieldErrors = Partial<Record<keyof CardForm, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the hosted page's fields; `now` decides whether the expiry date is in the past. */
export function validateCardForm(form: CardForm, now: Date): { card?: ValidCard; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const email = form.email.trim();
  if (email === '') errors.email = 'Your email is incomplete.';
  else if (!EMAIL.test(email)) errors.email = 'Your email address is invalid.';

  const number = form.cardNumber.replace(/[\s-]/g, '');
  const brand = brandOf(number);
  if (number === '') errors.cardNumber = 'Your card number is incomplete.';
  else if (!/^\d+$/.test(number)) errors.cardNumber = 'Your card number is invalid.';
  else if (number.length < (brand === 'amex' ? 15 : 16)) errors.cardNumber = 'Your card number is incomplete.';
  else if (number.length > 19 || !luhnValid(number)) errors.cardNumber = 'Your card number is invalid.';

  let expMonth = 0;
  let expYear = 0;
  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(form.expiry);
  if (form.expiry.trim() === '' || !expiry) errors.expiry = "Your card's expiration date is incomplete.";
  else {
    expMonth = Number(expiry[1]);
    const year = expiry[2] as string;
    expYear = year.length === 2 ? 2000 + Number(year) : Number(year);
    const thisYear = now.getUTCFullYear();
    const thisMonth = now.getUTCMonth() + 1;
    if (expMonth < 1 || expMonth > 12) errors.expiry = "Your card's expiration date is invalid.";
    else if (expYear < thisYear) errors.expiry = "Your card's expiration year is in the past.";
    else if (expYear === thisYear && expMonth < thisMonth) errors.expiry = "Your card's expiration date is in the past.";
    else if (expYear > thisYear + 50) errors.expiry = "Your card's expiration year is invalid.";
  }

  const cvc = form.cvc.trim();
  const cvcLength = brand === 'amex' ? 4 : 3;
  if (!/^\d*$/.test(cvc)) errors.cvc = "Your card's security code is invalid.";
  else if (cvc.length < cvcLength) errors.cvc = "Your card's security code is incomplete.";
  else if (cvc.length > cvcLength) errors.cvc = "Your card's security code is invalid.";

  const name = form.name.trim();
  if (name === '') errors.name = 'Your name is incomplete.';

  if (Object.keys(errors).length > 0) return { errors };
  return { errors, card: { email, number, expMonth, expYear, name, brand, last4: number.slice(-4) } };
}

export function outcomeOf(number: string): CardOutcome {
  return TEST_CARDS[number] ?? LIVE_CARD_IN_TEST_MODE;
}
