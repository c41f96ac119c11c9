/** The four things the store sells, in the order customers see them. */
export const verticals = [
  {
    slug: 'vouchers',
    label: 'Vouchers',
    title: 'Gift cards & vouchers',
    description: 'Steam, PlayStation, Amazon, Google Play and more, delivered as codes in seconds.',
  },
  {
    slug: 'games',
    label: 'Games',
    title: 'Game top-ups',
    description: 'PUBG UC, Free Fire diamonds and more, sent straight to your player ID.',
  },
  {
    slug: 'mobile',
    label: 'Mobile',
    title: 'Mobile recharge',
    description: 'Airtime and data for prepaid numbers worldwide. We detect the operator for you.',
  },
  {
    slug: 'esim',
    label: 'eSIM',
    title: 'Travel eSIMs',
    description: 'Data plans for 100+ destinations. Scan a QR code and you are online on arrival.',
  },
] as const;

export type Vertical = (typeof verticals)[number];
export type VerticalSlug = Vertical['slug'];

export function getVertical(slug: VerticalSlug): Vertical {
  return verticals.find((vertical) => vertical.slug === slug)!;
}

/**
 * The storefront section a catalogue product lives in. Top-ups split into games and mobile;
 * utility top-ups (DTH, prepaid TV) sit with mobile recharges, as in recharge apps.
 */
export function verticalSlugOf(product: { vertical: 'voucher' | 'topup' | 'esim'; topupType?: string | null }): VerticalSlug {
  if (product.vertical === 'voucher') return 'vouchers';
  if (product.vertical === 'esim') return 'esim';
  return product.topupType === 'GAMING' ? 'games' : 'mobile';
}

/** A product's page, optionally prefilled (buy again, fix and retry). */
export function productHref(
  product: { id: string; vertical: 'voucher' | 'topup' | 'esim'; topupType?: string | null },
  prefill?: Record<string, string | undefined>,
): string {
  const query = new URLSearchParams(Object.entries(prefill ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const qs = query.toString();
  return `/${verticalSlugOf(product)}/${product.id}${qs ? `?${qs}` : ''}`;
}
