import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, products, users, type User } from '@/db/schema';
import { productArtPng } from '@/sandbox/engine/images';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { setupSandbox, testClient } from '@/test/helpers/sandbox';
import { checkUpload, resetProductImage, updateProductContent, uploadProductImage } from '../product-content';
import { fetchImage, MAX_IMAGE_BYTES, readProductImage, syncProductImages } from '../product-images';
import { runCatalogueSync } from '../sync';

const harness = setupSandbox();
let database: TestDatabase;
let operator: User;
let steamId: string;
const fetcher = (url: string) => fetchImage(url, { allowHttp: true });

beforeAll(async () => {
  database = await createTestDatabase();
  const client = testClient(harness.sandbox.url, { logger: false }).client;
  const outcome = await runCatalogueSync({ db: database.db, client, storeCurrency: 'USD', testScenarios: async () => [], imageFetcher: fetcher }, { trigger: 'schedule' });
  expect(outcome.status).toBe('succeeded');
  [operator] = (await database.db.insert(users).values({ email: 'content-ops@example.com', role: 'operator' }).returning()) as [User];
  const [steam] = await database.db.select().from(products).where(and(eq(products.vertical, 'voucher'), eq(products.upstreamId, 123)));
  steamId = steam!.id;
});
afterAll(async () => {
  await database?.destroy();
});

const auditOf = (action: string) => database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, steamId)));

describe('an operator’s picture', () => {
  it('checks the bytes, not the name: PNG, JPEG and WebP pass; SVG, HTML, GIF, empty and too large are refused with a message', () => {
    expect(checkUpload(productArtPng('Steam'))).toEqual({ contentType: 'image/png' });
    expect(checkUpload(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({ contentType: 'image/jpeg' });
    expect(checkUpload(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toEqual({ contentType: 'image/webp' });
    expect(checkUpload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual({ error: expect.stringMatching(/not a PNG, JPEG or WebP/) });
    expect(checkUpload(Buffer.from('<html>renamed.png</html>'))).toEqual({ error: expect.stringMatching(/not a PNG, JPEG or WebP/) });
    expect(checkUpload(Buffer.from('GIF89a......'))).toEqual({ error: expect.stringMatching(/not a PNG, JPEG or WebP/) });
    expect(checkUpload(Buffer.alloc(0))).toEqual({ error: 'Choose a picture to upload.' });
    expect(checkUpload(Buffer.concat([productArtPng('Big'), Buffer.alloc(MAX_IMAGE_BYTES)]))).toEqual({ error: expect.stringMatching(/at most 1 MB/) });
  });

  it('replaces the supplier’s picture, survives syncs, and goes back to the supplier’s on reset; each step is audited', async () => {
    const supplier = await readProductImage(database.db, steamId);
    expect(supplier).not.toBeNull();
    const mine = productArtPng('Operator Upload');
    expect(await uploadProductImage(operator, steamId, { bytes: mine, contentType: 'image/png', fileName: 'steam.png' }, database.db)).toEqual({ name: 'Steam Wallet Card' });
    expect((await readProductImage(database.db, steamId))?.bytes.equals(mine)).toBe(true);

    // The supplier names a new picture, or none at all: the operator's stays.
    await database.db.update(products).set({ imageUrl: `${harness.sandbox.url}/images/voucher/124.png` }).where(eq(products.id, steamId));
    await syncProductImages(database.db, { fetcher });
    expect((await readProductImage(database.db, steamId))?.bytes.equals(mine)).toBe(true);
    await database.db.update(products).set({ imageUrl: null }).where(eq(products.id, steamId));
    await syncProductImages(database.db, { fetcher });
    expect((await readProductImage(database.db, steamId))?.bytes.equals(mine)).toBe(true);

    // A full sync (which puts the supplier's URL back) keeps it too.
    const client = testClient(harness.sandbox.url, { logger: false }).client;
    await runCatalogueSync({ db: database.db, client, storeCurrency: 'USD', testScenarios: async () => [], imageFetcher: fetcher }, { trigger: 'schedule' });
    expect((await readProductImage(database.db, steamId))?.bytes.equals(mine)).toBe(true);

    const reset = await resetProductImage(operator, steamId, { db: database.db, fetcher });
    expect(reset).toMatchObject({ name: 'Steam Wallet Card', supplierImage: 'stored' });
    expect((await readProductImage(database.db, steamId))?.sha256).toBe(supplier!.sha256);

    const [upload] = await auditOf('catalogue.image_upload');
    expect(upload).toMatchObject({ actorEmail: 'content-ops@example.com', details: { name: 'Steam Wallet Card', file: 'steam.png', type: 'image/png', bytes: mine.length } });
    expect(await auditOf('catalogue.image_reset')).toHaveLength(1);
  });
});

describe('description and redemption steps', () => {
  it('saves the Markdown, records what changed in the audit log, and records nothing for an unchanged save', async () => {
    const text = { storeDescription: 'Top up your **Steam** wallet <script>alert(1)</script>', redeemSteps: '1. Open Steam\n2. Redeem a code' };
    expect(await updateProductContent(operator, steamId, text, database.db)).toEqual({ name: 'Steam Wallet Card', changed: ['storeDescription', 'redeemSteps'] });
    expect(await updateProductContent(operator, steamId, text, database.db)).toEqual({ name: 'Steam Wallet Card', changed: [] });
    expect(await updateProductContent(operator, steamId, { ...text, redeemSteps: null }, database.db)).toEqual({ name: 'Steam Wallet Card', changed: ['redeemSteps'] });
    const [row] = await database.db.select().from(products).where(eq(products.id, steamId));
    expect(row).toMatchObject({ storeDescription: text.storeDescription, redeemSteps: null });
    const entries = await auditOf('catalogue.content');
    expect(entries).toHaveLength(2);
    expect(entries.map((entry) => entry.details).sort((a, b) => Object.keys(b).length - Object.keys(a).length)).toEqual([
      { name: 'Steam Wallet Card', storeDescription: text.storeDescription, redeemSteps: text.redeemSteps },
      { name: 'Steam Wallet Card', redeemSteps: '(removed)' },
    ]);
  });
});
