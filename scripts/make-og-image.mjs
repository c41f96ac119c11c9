// Renders public/og-default.png, the store's default link-preview picture (1200×630), from an SVG.
// It carries no store name (operators rename the store at run time; the title carries it).
// Run once after changing it: node scripts/make-og-image.mjs
import sharp from 'sharp';

const tiles = [
  ['Gift cards', '#eef2ff'],
  ['Game top-ups', '#e0e7ff'],
  ['Mobile recharge', '#eef2ff'],
  ['Travel eSIMs', '#e0e7ff'],
];
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#4338ca"/><stop offset="1" stop-color="#6d28d9"/></linearGradient></defs>
  <rect width="1200" height="630" fill="url(#bg)"/>
  <text x="80" y="200" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="72" font-weight="bold" fill="#ffffff">Digital codes, top-ups</text>
  <text x="80" y="290" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="72" font-weight="bold" fill="#ffffff">and eSIMs in seconds</text>
  ${tiles
    .map(
      ([label, fill], index) =>
        `<rect x="${80 + index * 265}" y="400" width="245" height="120" rx="24" fill="${fill}"/><text x="${80 + index * 265 + 122}" y="472" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="25" font-weight="bold" fill="#312e81">${label}</text>`,
    )
    .join('\n  ')}
</svg>`;
await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile('public/og-default.png');
console.log('wrote public/og-default.png');
