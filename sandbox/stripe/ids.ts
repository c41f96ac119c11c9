import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlnum(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const byte = bytes[i] as number;
    // 62 * 4 = 248: reject the top of the byte range to stay uniform.
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out.length === length ? out : out + randomAlnum(length - out.length);
}

/** Stripe-shaped ids: `cs_test_a1...` (checkout sessions carry the mode), `pi_3P...` elsewhere. */
export const newId = {
  session: () => `cs_test_a1${randomAlnum(56)}`,
  paymentIntent: () => `pi_3${randomAlnum(23)}`,
  charge: () => `ch_3${randomAlnum(23)}`,
  refund: () => `re_3${randomAlnum(23)}`,
  event: () => `evt_1${randomAlnum(23)}`,
  paymentMethod: () => `pm_1${randomAlnum(23)}`,
  balanceTransaction: () => `txn_3${randomAlnum(23)}`,
  lineItem: () => `li_1${randomAlnum(23)}`,
  webhookEndpoint: () => `we_1${randomAlnum(23)}`,
  webhookSecret: () => `whsec_${randomAlnum(32)}`,
  request: () => `req_${randomAlnum(14)}`,
  delivery: () => `wd_${randomAlnum(20)}`,
  product: () => `prod_${randomAlnum(14)}`,
  price: () => `price_1${randomAlnum(23)}`,
};
