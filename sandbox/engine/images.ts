import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/*
 * Product art for the sandbox's catalogue: a PNG per product (a coloured square with the brand's
 * initials), served at the `image_url` the catalogue lists, so a store exercises fetching,
 * storing and showing supplier images end to end. Drawn here with a 5×7 bitmap font: no image
 * library for a stand-in.
 */

const GLYPHS: Record<string, string[]> = {
  A: ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
  B: ['11110', '10001', '10001', '11110', '10001', '10001', '11110'],
  C: ['01110', '10001', '10000', '10000', '10000', '10001', '01110'],
  D: ['11110', '10001', '10001', '10001', '10001', '10001', '11110'],
  E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
  F: ['11111', '10000', '10000', '11110', '10000', '10000', '10000'],
  G: ['01110', '10001', '10000', '10111', '10001', '10001', '01111'],
  H: ['10001', '10001', '10001', '11111', '10001', '10001', '10001'],
  I: ['01110', '00100', '00100', '00100', '00100', '00100', '01110'],
  J: ['00111', '00010', '00010', '00010', '00010', '10010', '01100'],
  K: ['10001', '10010', '10100', '11000', '10100', '10010', '10001'],
  L: ['10000', '10000', '10000', '10000', '10000', '10000', '11111'],
  M: ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
  N: ['10001', '10001', '11001', '10101', '10011', '10001', '10001'],
  O: ['01110', '10001', '10001', '10001', '10001', '10001', '01110'],
  P: ['11110', '10001', '10001', '11110', '10000', '10000', '10000'],
  Q: ['01110', '10001', '10001', '10001', '10101', '10010', '01101'],
  R: ['11110', '10001', '10001', '11110', '10100', '10010', '10001'],
  S: ['01111', '10000', '10000', '01110', '00001', '00001', '11110'],
  T: ['11111', '00100', '00100', '00100', '00100', '00100', '00100'],
  U: ['10001', '10001', '10001', '10001', '10001', '10001', '01110'],
  V: ['10001', '10001', '10001', '10001', '10001', '01010', '00100'],
  W: ['10001', '10001', '10001', '10101', '10101', '10101', '01010'],
  X: ['10001', '10001', '01010', '00100', '01010', '10001', '10001'],
  Y: ['10001', '10001', '01010', '00100', '00100', '00100', '00100'],
  Z: ['11111', '00001', '00010', '00100', '01000', '10000', '11111'],
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
};

/** Up to two initials of the words of a name ("PUBG Mobile" → "PM", "Steam" → "S"). */
export function initialsOf(name: string): string {
  const words = name.toUpperCase().split(/[^A-Z0-9]+/).filter((word) => word && GLYPHS[word[0]!]);
  return words.slice(0, 2).map((word) => word[0]).join('') || '?';
}

function hsvToRgb(hue: number, saturation: number, value: number): [number, number, number] {
  const f = (n: number) => {
    const k = (n + hue / 60) % 6;
    return Math.round(255 * (value - value * saturation * Math.max(0, Math.min(k, 4 - k, 1))));
  };
  return [f(5), f(3), f(1)];
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A `size`×`size` RGB PNG: a colour picked from the name, the initials in white, centred. */
export function productArtPng(name: string, size = 160): Buffer {
  const hue = createHash('sha256').update(name).digest().readUInt16BE(0) % 360;
  const background = hsvToRgb(hue, 0.55, 0.62);
  const initials = initialsOf(name);
  const scale = Math.floor(size / (initials.length === 1 ? 10 : 14));
  const glyphWidth = 5 * scale;
  const gap = scale;
  const textWidth = initials.length * glyphWidth + (initials.length - 1) * gap;
  const left = Math.floor((size - textWidth) / 2);
  const top = Math.floor((size - 7 * scale) / 2);

  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) {
      let ink = false;
      const gy = Math.floor((y - top) / scale);
      if (gy >= 0 && gy < 7 && x >= left) {
        const offset = x - left;
        const index = Math.floor(offset / (glyphWidth + gap));
        const within = offset - index * (glyphWidth + gap);
        const glyph = GLYPHS[initials[index] ?? ''];
        if (glyph && within < glyphWidth) ink = glyph[gy]![Math.floor(within / scale)] === '1';
      }
      const [r, g, b] = ink ? [255, 255, 255] : background;
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Which products list art: gift cards and top-ups (eSIMs show the destination's flag), except
 * the test products and every seventh product, whose `image_url` stays empty as the docs allow.
 */
export function hasProductArt(vertical: 'voucher' | 'topup' | 'esim', product: { id: number; scenario?: boolean }): boolean {
  return vertical !== 'esim' && !product.scenario && product.id % 7 !== 0;
}
