import { getImageProps } from 'next/image';

const palettes = [
  'from-rose-500 to-orange-400',
  'from-violet-600 to-fuchsia-500',
  'from-sky-500 to-cyan-400',
  'from-emerald-500 to-teal-400',
  'from-amber-500 to-yellow-400',
  'from-indigo-600 to-blue-500',
  'from-pink-500 to-rose-400',
  'from-slate-700 to-slate-500',
];

/** A stable colour per brand name, so Steam always looks like Steam. */
function paletteOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palettes[hash % palettes.length]!;
}

function initialsOf(name: string): string {
  const words = name.replace(/[^\p{L}\p{N} ]/gu, ' ').split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? '')).toUpperCase() || '?';
}

const sizes = { sm: 'size-10 text-sm rounded-xl', md: 'size-14 text-lg rounded-2xl', lg: 'size-20 text-2xl rounded-2xl' };
const pixels = { sm: 40, md: 56, lg: 80 };

/**
 * The product's picture in a fixed box: the brand-coloured initials tile, with the stored copy
 * of the supplier's image on top when there is one (served from our origin, resized by
 * next/image). No picture leaves the tile showing. A plain <img> with next/image's props
 * (srcset, lazy loading) rendered on the server: the tile needs no JavaScript in the browser.
 */
export function ProductTile({ name, imageUrl, size = 'md' }: { name: string; imageUrl: string | null; size?: keyof typeof sizes }) {
  return (
    <span aria-hidden="true" className={`relative grid shrink-0 place-items-center overflow-hidden bg-gradient-to-br font-bold text-white ${paletteOf(name)} ${sizes[size]}`}>
      {initialsOf(name)}
      {/* eslint-disable-next-line @next/next/no-img-element -- next/image's own props, without its client component */}
      {imageUrl && <img {...getImageProps({ src: imageUrl, alt: '', width: pixels[size], height: pixels[size] }).props} alt="" className="absolute inset-0 size-full object-cover" />}
    </span>
  );
}
