/** Realistic-looking mock deliverables: voucher codes and PINs, ICCIDs, LPA activation strings. */
import type { Rng } from '../lib/ids';
import { luhnCheckDigit } from '../lib/ids';
import type { CodeStyle } from './vouchers';

const UPPER_ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const HEX = '0123456789ABCDEF';

const groups = (rng: Rng, sizes: number[], alphabet = UPPER_ALNUM) =>
  sizes.map((n) => rng.chars(n, alphabet)).join('-');

export interface VoucherCode {
  card_number: string | null;
  pin_code: string | null;
  claim_url: string | null;
  voucher_reference_number: string;
}

export function voucherCode(rng: Rng, style: CodeStyle, withPin: boolean): VoucherCode {
  const reference = `SN${rng.digits(12)}`;
  if (style === 'url') {
    return {
      card_number: null,
      pin_code: null,
      claim_url: `https://claim.sandbox.octopuscards.io/r/${rng.chars(24, UPPER_ALNUM.toLowerCase() + '0123456789')}`,
      voucher_reference_number: reference,
    };
  }
  const cardNumber: Record<Exclude<CodeStyle, 'url'>, () => string> = {
    steam: () => groups(rng, [5, 5, 5]),
    google: () => rng.chars(20, UPPER_ALNUM),
    psn: () => groups(rng, [4, 4, 4]),
    xbox: () => groups(rng, [5, 5, 5, 5, 5]),
    amazon: () => groups(rng, [4, 6, 4]),
    apple: () => `X${rng.chars(15, UPPER_ALNUM)}`,
    netflix: () => rng.chars(11, UPPER_ALNUM),
    nintendo: () => rng.chars(16, UPPER_ALNUM),
    spotify: () => rng.digits(10),
    numeric: () => rng.digits(16),
  };
  return {
    card_number: cardNumber[style](),
    pin_code: withPin ? rng.digits(style === 'numeric' ? 6 : 4) : null,
    claim_url: null,
    voucher_reference_number: reference,
  };
}

/** 19 or 20 digits: 89 (telecom) + country calling code + issuer + serial + Luhn check digit. */
export function iccid(rng: Rng): string {
  const length = rng.next() < 0.5 ? 19 : 20;
  const head = `89${rng.pick(['44', '852', '81', '34', '31'])}${rng.digits(2)}`;
  const body = head + rng.digits(length - 1 - head.length);
  return body + luhnCheckDigit(body);
}

/** `LPA:1$<SM-DP+ address>$<matching id>`, the string encoded in the install QR code. */
export function lpaString(rng: Rng, smdpAddress: string): { activationCode: string; matchingId: string } {
  const matchingId = groups(rng, [4, 4, 4, 4, 4], HEX + 'GHJKLMNPQRSTUVWXYZ');
  return { activationCode: `LPA:1$${smdpAddress}$${matchingId}`, matchingId };
}
