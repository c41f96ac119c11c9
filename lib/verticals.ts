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
