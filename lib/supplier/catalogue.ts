import 'server-only';
import pLimit from 'p-limit';
import type { VerticalKind, VerticalProgress } from '@/db/schema';
import type { FieldDescriptor } from '@/lib/forms/types';
import { Decimal } from '@/lib/money';
import {
  isOctopusApiError,
  type EsimProductDetail,
  type OctopusClient,
  type TopupProductDetail,
  type TopupVariant,
  type VoucherProduct,
} from '@/lib/octopus';
import { toAlpha2 } from '@/lib/catalogue/countries';

/*
 * The supplier's catalogue as the sync sees it: every product of the three verticals with its
 * variants, in the shape of our tables. Only this module turns supplier products into rows.
 */

export type UpstreamVariant = {
  /** Stable across syncs: derived from upstream ids and amounts (see productVariants.key). */
  key: string;
  upstreamId: number | null;
  name: string;
  kind: 'fixed' | 'range';
  amount: Decimal | null;
  minAmount: Decimal | null;
  maxAmount: Decimal | null;
  currency: string;
  discountPercent: Decimal | null;
  category: string | null;
  dataGb: Decimal | null;
  validityDays: number | null;
  details: Record<string, string>;
  upstreamPayload: unknown;
  sortOrder: number;
};

export type UpstreamProduct = {
  vertical: VerticalKind;
  upstreamId: number;
  name: string;
  countryCode: string | null;
  upstreamRegion: string | null;
  currency: string;
  imageUrl: string | null;
  category: string | null;
  topupType: string | null;
  description: string | null;
  inputFields: FieldDescriptor[];
  upstreamPayload: unknown;
  variants: UpstreamVariant[];
};

export type FetchProgress = Record<VerticalKind, VerticalProgress>;

/** JSON as stored in jsonb: Decimals become strings, Dates ISO text. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** One entry per key: a supplier listing the same denomination twice must not break the sync. */
function uniqueByKey(variants: UpstreamVariant[]): UpstreamVariant[] {
  const seen = new Set<string>();
  return variants.filter((variant) => (seen.has(variant.key) ? false : (seen.add(variant.key), true)));
}

const none = { amount: null, minAmount: null, maxAmount: null, dataGb: null, validityDays: null, upstreamId: null, category: null };

export function fromVoucher(product: VoucherProduct): UpstreamProduct {
  const variants: UpstreamVariant[] = [];
  product.denominations.forEach((denomination, index) => {
    if (!denomination.minValue || !denomination.maxValue) return;
    const fixed = denomination.minValue.eq(denomination.maxValue);
    const min = denomination.minValue.toFixed();
    const max = denomination.maxValue.toFixed();
    variants.push({
      ...none,
      key: fixed ? `d:${min}` : `r:${min}-${max}`,
      name: fixed ? `${min} ${product.currencyCode}` : `${min}–${max} ${product.currencyCode}`,
      kind: fixed ? 'fixed' : 'range',
      amount: fixed ? denomination.minValue : null,
      minAmount: fixed ? null : denomination.minValue,
      maxAmount: fixed ? null : denomination.maxValue,
      currency: product.currencyCode,
      discountPercent: denomination.discountPercent,
      details: {},
      upstreamPayload: plain(denomination),
      sortOrder: index,
    });
  });
  return {
    vertical: 'voucher',
    upstreamId: product.id,
    name: product.name,
    countryCode: toAlpha2(product.countryCode),
    upstreamRegion: product.countryCode,
    currency: product.currencyCode,
    imageUrl: product.imageUrl,
    category: product.category,
    topupType: null,
    description: product.description,
    inputFields: [],
    upstreamPayload: plain(product),
    variants: uniqueByKey(variants),
  };
}

export function fromTopup(product: TopupProductDetail, upstreamVariants: TopupVariant[]): UpstreamProduct {
  const variants: UpstreamVariant[] = [];
  for (const variant of upstreamVariants) {
    const common = {
      ...none,
      upstreamId: variant.id,
      name: variant.name,
      currency: variant.currencyCode,
      // The variant list publishes no discount: estimates assume none (see pricing.ts).
      discountPercent: null,
      category: variant.category,
      validityDays: /^\d+$/.test(variant.fields.validity_days ?? '') ? Number(variant.fields.validity_days) : null,
      details: variant.fields,
      upstreamPayload: plain(variant),
      sortOrder: variants.length,
    };
    if (variant.minAmount && variant.maxAmount) {
      variants.push({ ...common, key: `v${variant.id}`, kind: 'range', minAmount: variant.minAmount, maxAmount: variant.maxAmount, sortOrder: variants.length });
    }
    const single = variant.fixedAmounts.length === 1 && !variant.minAmount;
    for (const amount of variant.fixedAmounts) {
      variants.push({ ...common, key: single ? `v${variant.id}` : `v${variant.id}:${amount.toFixed()}`, kind: 'fixed', amount, sortOrder: variants.length });
    }
  }
  return {
    vertical: 'topup',
    upstreamId: product.id,
    name: product.name,
    countryCode: toAlpha2(product.countryCode),
    upstreamRegion: product.countryCode,
    currency: product.currencyCode,
    imageUrl: product.imageUrl,
    category: null,
    topupType: product.type,
    description: product.description,
    inputFields: product.inputFields,
    upstreamPayload: plain({ product, variants: upstreamVariants }),
    variants: uniqueByKey(variants),
  };
}

export function fromEsim(product: EsimProductDetail): UpstreamProduct {
  return {
    vertical: 'esim',
    upstreamId: product.id,
    name: product.name,
    countryCode: toAlpha2(product.countryCode),
    upstreamRegion: product.countryCode,
    currency: product.currencyCode,
    imageUrl: product.imageUrl,
    category: null,
    topupType: null,
    description: product.description,
    inputFields: [],
    upstreamPayload: plain(product),
    variants: uniqueByKey(
      product.variants.map((variant, index): UpstreamVariant => ({
        ...none,
        key: `v${variant.id}`,
        upstreamId: variant.id,
        name: variant.name,
        kind: 'fixed',
        amount: variant.amount,
        currency: variant.currencyCode,
        discountPercent: variant.clientDiscountPercent,
        dataGb: variant.dataAmountGb,
        validityDays: variant.validityDays,
        details: variant.description ? { description: variant.description } : {},
        upstreamPayload: plain(variant),
        sortOrder: index,
      })),
    ),
  };
}

/** A product that disappeared between the list and its detail counts as not listed. */
async function unlessGone<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (isOctopusApiError(error) && error.kind === 'not_found') return null;
    throw error;
  }
}

/**
 * Every product of every vertical, every page. Top-ups need a detail (input fields) and a
 * variants call per product, eSIMs a detail per product: those run `concurrency` at a time.
 */
export async function fetchUpstreamCatalogue(
  client: OctopusClient,
  { concurrency, progress }: { concurrency: number; progress: FetchProgress },
): Promise<UpstreamProduct[]> {
  const limit = pLimit(concurrency);
  const [vouchers, topupList, esimList] = await Promise.all([
    limit(() => client.listVoucherProducts()),
    limit(() => client.listTopupProducts()),
    limit(() => client.listEsimProducts()),
  ]);
  progress.voucher = { done: vouchers.length, total: vouchers.length };
  progress.topup = { done: 0, total: topupList.length };
  progress.esim = { done: 0, total: esimList.length };

  const topups = topupList.map(async (listed) => {
    const [detail, variants] = await Promise.all([
      limit(() => unlessGone(client.getTopupProductById(listed.id))),
      limit(() => unlessGone(client.listTopupVariantsByProduct(listed.id))),
    ]);
    progress.topup.done += 1;
    return detail && variants ? fromTopup(detail, variants) : null;
  });
  const esims = esimList.map(async (listed) => {
    const detail = await limit(() => unlessGone(client.getEsimProductById(listed.id)));
    progress.esim.done += 1;
    return detail ? fromEsim(detail) : null;
  });
  const details = await Promise.all([...topups, ...esims]);
  return [...vouchers.map(fromVoucher), ...details.filter((product) => product !== null)];
}
