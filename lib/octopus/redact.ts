import 'server-only';

/*
 * Log lines are built from non-secret fields only; this is the second line of defence for any
 * field added later: known secret keys are masked wherever they appear, and strings that look
 * like bearer tokens or JWTs are masked whatever their key.
 */

const SECRET_KEYS = new Set([
  'password',
  'username',
  'api_key',
  'apikey',
  'api_secret',
  'apisecret',
  'secret',
  'authorization',
  'token',
  'access_token',
  'accesstoken',
  'refresh_token',
  'refreshtoken',
  'card_number',
  'cardnumber',
  'pin',
  'pin_code',
  'pincode',
  'claim_url',
  'claimurl',
  'activation_code',
  'activationcode',
  'lpa',
  'redeem_voucher_code',
  'redeemvouchercode',
  'vouchers',
]);

const MASK = '[REDACTED]';
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const BEARER = /\bBearer\s+\S+/gi;

export function redact<T>(value: T): T {
  return redactValue(value) as T;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(BEARER, `Bearer ${MASK}`).replace(JWT, MASK);
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SECRET_KEYS.has(key.toLowerCase()) ? MASK : redactValue(inner),
      ]),
    );
  }
  return value;
}
