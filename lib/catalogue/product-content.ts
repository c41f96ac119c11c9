import 'server-only';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { productImages, products, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { operatorScope } from '@/lib/auth/guards';
import { isUuid } from '@/lib/ids';
import { MAX_IMAGE_BYTES, productImagePath, sniffImageType, syncProductImages, type fetchImage } from './product-images';

/*
 * What operators write and show for one product beyond the supplier's data: their own picture
 * (kept in product_images like a synced one, marked uploaded so the sync leaves it), a
 * description and "How to redeem" steps in Markdown. Each change is one transaction with its
 * audit entry; the caller (an operator action) has checked the role.
 */

/** What an operator may upload: the types a browser shows and the optimiser takes. */
export const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_MARKDOWN_LENGTH = 5000;

/** The bytes' real type if they are an upload we take, else a message for the operator. */
export function checkUpload(bytes: Buffer): { contentType: string } | { error: string } {
  if (bytes.length === 0) return { error: 'Choose a picture to upload.' };
  if (bytes.length > MAX_IMAGE_BYTES) return { error: `This file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB: pictures can be at most 1 MB.` };
  // The file's own bytes decide, never its name or the type the browser claims.
  const contentType = sniffImageType(bytes);
  if (!contentType || !(UPLOAD_TYPES as readonly string[]).includes(contentType)) {
    return { error: 'This file is not a PNG, JPEG or WebP picture. Save it in one of those formats and upload it again.' };
  }
  return { contentType };
}

/** Replaces the product's picture with the operator's; null when the product is gone. */
export async function uploadProductImage(operator: User, productId: string, upload: { bytes: Buffer; contentType: string; fileName: string }, db?: Database) {
  db ??= await getDb();
  return db.transaction(async (tx) => {
    const [product] = await tx.select({ name: products.name }).from(products).where(eq(products.id, productId)).for('update');
    if (!product) return null;
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const row = { productId, sourceUrl: 'upload', uploadedBy: operator.email, contentType: upload.contentType, bytes: upload.bytes, sha256, fetchedAt: new Date() };
    await tx.insert(productImages).values(row).onConflictDoUpdate({ target: productImages.productId, set: row });
    await tx.update(products).set({ updatedAt: sql`now()` }).where(eq(products.id, productId));
    await recordAudit(tx, operator, {
      action: 'catalogue.image_upload',
      targetType: 'product',
      targetId: productId,
      details: { name: product.name, file: upload.fileName.slice(0, 120), type: upload.contentType, bytes: upload.bytes.length, sha256: sha256.slice(0, 16) },
    });
    return { name: product.name };
  });
}

/**
 * Drops the operator's picture and fetches the supplier's again at once; a supplier picture that
 * cannot be fetched leaves the tile (the next sync tries again). Null when the product is gone.
 */
export async function resetProductImage(operator: User, productId: string, options: { fetcher?: typeof fetchImage; db?: Database } = {}) {
  const db = options.db ?? (await getDb());
  const reset = await db.transaction(async (tx) => {
    const [product] = await tx.select({ name: products.name, imageUrl: products.imageUrl }).from(products).where(eq(products.id, productId)).for('update');
    if (!product) return null;
    const dropped = await tx.delete(productImages).where(eq(productImages.productId, productId)).returning({ uploadedBy: productImages.uploadedBy });
    await tx.update(products).set({ updatedAt: sql`now()` }).where(eq(products.id, productId));
    await recordAudit(tx, operator, { action: 'catalogue.image_reset', targetType: 'product', targetId: productId, details: { name: product.name, had: dropped[0]?.uploadedBy ? 'uploaded' : dropped.length ? 'supplier' : 'none' } });
    return product;
  });
  if (!reset) return null;
  const images = reset.imageUrl ? await syncProductImages(db, { productIds: [productId], fetcher: options.fetcher }) : null;
  return { name: reset.name, supplierImage: images === null ? ('none' as const) : images.fetched > 0 ? ('stored' as const) : ('failed' as const), reason: images?.refused[0]?.reason };
}

export type ProductContent = { storeDescription: string | null; redeemSteps: string | null };

/** Saves the operator's Markdown; what changed goes to the audit log. Null when the product is gone. */
export async function updateProductContent(operator: User, productId: string, next: ProductContent, db?: Database) {
  db ??= await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: products.name, storeDescription: products.storeDescription, redeemSteps: products.redeemSteps })
      .from(products)
      .where(eq(products.id, productId))
      .for('update');
    if (!before) return null;
    const changed = (['storeDescription', 'redeemSteps'] as const).filter((key) => (before[key] ?? '') !== (next[key] ?? ''));
    if (changed.length === 0) return { name: before.name, changed };
    await tx.update(products).set({ ...next, updatedAt: sql`now()` }).where(eq(products.id, productId));
    // The whole new text is kept: the audit log is where an operator finds who wrote what.
    await recordAudit(tx, operator, {
      action: 'catalogue.content',
      targetType: 'product',
      targetId: productId,
      details: { name: before.name, ...Object.fromEntries(changed.map((key) => [key, next[key] ?? '(removed)'])) },
    });
    return { name: before.name, changed };
  });
}

/** The console's view of a product's picture and Markdown; operators only. */
export async function loadProductContentForOperator(productId: string) {
  const { db } = await operatorScope();
  if (!isUuid(productId)) return null;
  const [row] = await db
    .select({
      storeDescription: products.storeDescription,
      redeemSteps: products.redeemSteps,
      imageUrl: products.imageUrl,
      sha256: productImages.sha256,
      uploadedBy: productImages.uploadedBy,
      fetchedAt: productImages.fetchedAt,
    })
    .from(products)
    .leftJoin(productImages, eq(productImages.productId, products.id))
    .where(eq(products.id, productId));
  if (!row) return null;
  return {
    storeDescription: row.storeDescription,
    redeemSteps: row.redeemSteps,
    supplierImageUrl: row.imageUrl,
    image: row.sha256 ? { src: productImagePath(productId, row.sha256), uploadedBy: row.uploadedBy, storedAt: row.fetchedAt! } : null,
  };
}

/** A product's "How to redeem" steps for the order page of a delivered card (public text). */
export async function getRedeemSteps(productId: string): Promise<string | null> {
  if (!isUuid(productId)) return null;
  const db = await getDb();
  const [row] = await db.select({ redeemSteps: products.redeemSteps }).from(products).where(eq(products.id, productId));
  return row?.redeemSteps?.trim() || null;
}
