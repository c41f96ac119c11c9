import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import pLimit from 'p-limit';
import { getDb, type Database } from '@/db';
import { productImages, products } from '@/db/schema';
import { env } from '@/lib/env';
import { isUuid } from '@/lib/ids';
import { logger } from '@/lib/logger';

/*
 * Supplier pictures are fetched once into our database and served from our origin
 * (/api/product-images/<id>): pages load no third-party host, and a picture the supplier
 * removes or breaks leaves the last good copy until the catalogue names a new one.
 */

/** Larger than any brand logo needs; a bigger answer is refused, not truncated. */
export const MAX_IMAGE_BYTES = 1024 * 1024;

/** Raster formats only: an SVG can carry script, and the optimiser refuses it anyway. */
const SIGNATURES: { type: string; matches: (bytes: Buffer) => boolean }[] = [
  { type: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'image/gif', matches: (b) => b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a' },
];

/** The image type the bytes really are (whatever the server said), or null. */
export function sniffImageType(bytes: Buffer): string | null {
  return SIGNATURES.find((signature) => signature.matches(bytes))?.type ?? null;
}

export class ImageRefused extends Error {}

/** Fetches one picture, refusing what is too large, not an image, or not from an allowed URL. */
export async function fetchImage(url: string, options: { allowHttp: boolean; timeoutMs?: number } = { allowHttp: env().OCTOPUS_SANDBOX }): Promise<{ bytes: Buffer; contentType: string }> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && !(options.allowHttp && parsed.protocol === 'http:')) throw new ImageRefused(`not an https URL: ${parsed.protocol}`);
  const response = await fetch(parsed, { signal: AbortSignal.timeout(options.timeoutMs ?? 10_000), redirect: 'follow' });
  if (!response.ok || !response.body) throw new ImageRefused(`HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_IMAGE_BYTES) {
    await response.body.cancel();
    throw new ImageRefused(`too large: ${declared} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_IMAGE_BYTES) throw new ImageRefused(`too large: over ${MAX_IMAGE_BYTES} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  const bytes = Buffer.concat(chunks);
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new ImageRefused(`not a PNG, JPEG, WebP or GIF image (${response.headers.get('content-type') ?? 'no type'})`);
  return { bytes, contentType };
}

/** A picture the sync could not store: the product keeps its last copy, else the tile. */
export type ImageRefusal = { productId: string; name: string; imageUrl: string; reason: string };
export type ImageSyncSummary = { fetched: number; failed: number; removed: number; refused: ImageRefusal[] };

/** Why a fetch failed, in words for the sync's change list (a timeout says "slow"). */
function refusalReason(error: unknown): string {
  if (error instanceof ImageRefused) return error.message;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'too slow: no complete answer in time';
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `could not be fetched (${error instanceof Error ? error.message : String(error)}${cause})`.slice(0, 300);
}

/**
 * Brings stored pictures in line with the catalogue: fetches those missing or whose supplier URL
 * changed, and drops those whose product no longer names one. A failure keeps the old copy (or
 * the tile), is reported in `refused`, and is tried again at the next sync. A picture an
 * operator uploaded is never touched. `productIds` limits the work to those products.
 */
export async function syncProductImages(
  db: Database,
  options: { concurrency?: number; fetcher?: typeof fetchImage; productIds?: string[] } = {},
): Promise<ImageSyncSummary> {
  const fetcher = options.fetcher ?? fetchImage;
  const only = options.productIds ? inArray(products.id, options.productIds) : undefined;
  const removed = await db
    .delete(productImages)
    .where(
      and(
        isNull(productImages.uploadedBy),
        sql`${productImages.productId} in (select ${products.id} from ${products} where ${products.imageUrl} is null)`,
        options.productIds ? inArray(productImages.productId, options.productIds) : undefined,
      ),
    )
    .returning({ productId: productImages.productId });
  const due = await db
    .select({ id: products.id, name: products.name, imageUrl: products.imageUrl })
    .from(products)
    .leftJoin(productImages, eq(productImages.productId, products.id))
    .where(
      and(
        isNotNull(products.imageUrl),
        eq(products.upstreamStatus, 'active'),
        isNull(productImages.uploadedBy),
        or(isNull(productImages.productId), ne(productImages.sourceUrl, products.imageUrl)),
        only,
      ),
    );
  const limit = pLimit(options.concurrency ?? 4);
  let fetched = 0;
  const refused: ImageRefusal[] = [];
  await Promise.all(
    due.map((product) =>
      limit(async () => {
        const sourceUrl = product.imageUrl!;
        try {
          const { bytes, contentType } = await fetcher(sourceUrl);
          const row = { productId: product.id, sourceUrl, contentType, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), fetchedAt: new Date() };
          // An operator may have uploaded a picture while this one was downloading: theirs wins.
          await db.insert(productImages).values(row).onConflictDoUpdate({ target: productImages.productId, set: row, setWhere: isNull(productImages.uploadedBy) });
          fetched++;
        } catch (error) {
          const reason = refusalReason(error);
          refused.push({ productId: product.id, name: product.name, imageUrl: sourceUrl, reason });
          logger.warn({ product: product.id, url: sourceUrl, error: reason }, 'product image not stored');
        }
      }),
    ),
  );
  return { fetched, failed: refused.length, removed: removed.length, refused };
}

/** A stored picture for the image route (public: customers see every product's picture). */
export async function readProductImage(db: Database, productId: string): Promise<{ bytes: Buffer; contentType: string; sha256: string } | null> {
  const [row] = await db
    .select({ bytes: productImages.bytes, contentType: productImages.contentType, sha256: productImages.sha256 })
    .from(productImages)
    .where(eq(productImages.productId, productId));
  return row ?? null;
}

/** Our URL for a stored picture; the hash makes it safe to cache for ever. */
export const productImagePath = (productId: string, sha256: string) => `/api/product-images/${productId}?v=${sha256.slice(0, 16)}`;

/** The image route's read: any visitor may load a product's picture. */
export async function loadProductImage(productId: string) {
  if (!isUuid(productId)) return null;
  return readProductImage(await getDb(), productId);
}
