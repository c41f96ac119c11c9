'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { DISPLAY_CURRENCY_COOKIE, STORE_ONLY } from '@/lib/display-currency';

const choiceSchema = z.union([z.literal(STORE_ONLY), z.string().regex(/^[A-Z]{3}$/)]);

/**
 * Remembers the customer's display currency (or "store currency only") for a year. A preference,
 * not a secret: no sign-in needed. A currency whose rate is unknown is ignored when pages read
 * the cookie, so any three letters are harmless here.
 */
export async function setDisplayCurrencyAction(formData: FormData): Promise<void> {
  // Anyone can post to an action with any arguments: only a form's own FormData is read.
  if (!(formData instanceof FormData)) return;
  const parsed = choiceSchema.safeParse(formData.get('currency'));
  if (!parsed.success) return;
  (await cookies()).set(DISPLAY_CURRENCY_COOKIE, parsed.data, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true });
}
