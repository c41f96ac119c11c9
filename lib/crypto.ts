import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

// Voucher codes and eSIM activation codes are stored encrypted at rest (AES-256-GCM) with a
// key derived from AUTH_SECRET, so a database dump alone does not reveal them.
const VERSION = 'v1';

const derivedKeys = new Map<string, { secret: string; key: Buffer }>();

/**
 * A 256-bit key for one purpose, derived from AUTH_SECRET with HKDF once per process (and again
 * only if the secret changes): order pages, mails and every checkout need one, and the profile of
 * a checkout showed the derivation on each call.
 */
export function keyFromAuthSecret(purpose: string): Buffer {
  const secret = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error(`AUTH_SECRET is required (${purpose})`);
  const cached = derivedKeys.get(purpose);
  if (cached?.secret === secret) return cached.key;
  const key = Buffer.from(hkdfSync('sha256', secret, 'octopus-storefront', purpose, 32));
  derivedKeys.set(purpose, { secret, key });
  return key;
}

const key = () => keyFromAuthSecret('order-delivery-secrets');

export function encryptJson(value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function decryptJson<T>(payload: string): T {
  const [version, iv, tag, ciphertext] = payload.split('.');
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new Error('Unrecognised encrypted payload');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  return JSON.parse(plaintext.toString('utf8')) as T;
}
