import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { cache } from 'react';
import { getDb, type Database, type Transaction } from '@/db';
import { storeSettings } from '@/db/schema';
import { env } from '@/lib/env';

const percent = z.string().regex(/^-?\d{1,3}(\.\d{1,3})?$/);

/** Operator-editable store settings, with the defaults a fresh store starts from. */
export const storeSettingsSchema = z.object({
  defaultMarkupPercent: percent.default('10'),
  voucherMarkupPercent: percent.nullable().default(null),
  topupMarkupPercent: percent.nullable().default(null),
  esimMarkupPercent: percent.nullable().default(null),
  autoEnableNewProducts: z.boolean().default(false),
  lowBalanceThreshold: z.string().regex(/^\d+(\.\d{1,2})?$/).default('100'),
  /** Credit for each new customer in sandbox mode; null means DEMO_CREDIT from the environment. */
  demoCredit: z.string().regex(/^\d+(\.\d{1,2})?$/).nullable().default(null),
  /** Customers may pay for top-ups with a gift card code the store sold (issue 20). */
  giftCodesEnabled: z.boolean().default(true),
  /** Markup on the supplier's charge for a top-up paid with a gift code; null: the product's usual markup. */
  giftCodeMarkupPercent: percent.nullable().default(null),
  /** Card payments through Stripe Checkout (orders, guest checkout). */
  cardPaymentsEnabled: z.boolean().default(true),
  /** Signed-in customers adding to their balance by card, within these bounds (store currency). */
  addFundsEnabled: z.boolean().default(true),
  addFundsMin: z.string().regex(/^\d+(\.\d{1,2})?$/).default('5'),
  addFundsMax: z.string().regex(/^\d+(\.\d{1,2})?$/).default('500'),
  /** Operator alert emails (low wallet, refused customers...): on/off and who gets them; none listed = every operator. */
  alertEmailsEnabled: z.boolean().default(true),
  alertEmailRecipients: z.array(z.email()).default([]),
  /** Put voucher codes in the delivery email itself rather than only a link to the order page. */
  emailVoucherCodes: z.boolean().default(false),
});

export type StoreSettings = z.infer<typeof storeSettingsSchema>;

/** The demo credit a new customer receives in sandbox mode: the operator's setting, else DEMO_CREDIT. */
export const demoCreditOf = (settings: StoreSettings): string => settings.demoCredit ?? env().DEMO_CREDIT;
type SettingKey = keyof StoreSettings;

/** The settings for this request, read once however many components ask. */
export const currentStoreSettings = cache(async (): Promise<StoreSettings> => getStoreSettings(await getDb()));

export async function getStoreSettings(db: Database | Transaction): Promise<StoreSettings> {
  const rows = await db.select().from(storeSettings);
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  // A malformed stored value falls back to its default rather than breaking every page.
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(storeSettingsSchema.shape)) {
    // jsonb hands a numeric-looking text back as a number ("12.5" -> 12.5): settings are text.
    const raw = typeof stored[key] === 'number' ? String(stored[key]) : stored[key];
    const parsed = field.safeParse(raw);
    result[key] = parsed.success ? parsed.data : field.parse(undefined);
  }
  return result as StoreSettings;
}

export async function updateStoreSettings(db: Database | Transaction, changes: Partial<StoreSettings>): Promise<void> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [SettingKey, unknown][];
  if (entries.length === 0) return;
  await db
    .insert(storeSettings)
    // Written as JSON text cast to jsonb: the drivers would store "12.5" as a number and null
    // as SQL NULL (which the column refuses, so a vertical markup could never be cleared).
    .values(entries.map(([key, value]) => ({ key, value: sql`${JSON.stringify(value)}::jsonb` })))
    .onConflictDoUpdate({ target: storeSettings.key, set: { value: sql`excluded.value`, updatedAt: sql`now()` } });
}
