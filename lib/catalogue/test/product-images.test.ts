import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueChanges, productImages, products } from '@/db/schema';
import { productArtPng } from '@/sandbox/engine/images';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';
import { setupSandbox, testClient } from '@/test/helpers/sandbox';
import { fetchImage, ImageRefused, MAX_IMAGE_BYTES, readProductImage, sniffImageType, syncProductImages } from '../product-images';
import { runCatalogueSync, type SyncDeps } from '../sync';

const harness = setupSandbox();
let database: TestDatabase;
let deps: SyncDeps;

/** A host that answers with whatever the test puts at a path. */
const served = new Map<string, { type: string; body: Buffer }>();
let host: Server;
let hostUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, client: testClient(harness.sandbox.url, { logger: false }).client, storeCurrency: 'USD', testScenarios: async () => [] };
  host = createServer((req, res) => {
    // A host that answers its headers, then never finishes the body.
    if (req.url === '/slow') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.write(productArtPng('Slow').subarray(0, 20));
      return;
    }
    const item = served.get(req.url ?? '');
    res.writeHead(item ? 200 : 404, { 'Content-Type': item?.type ?? 'text/plain' });
    res.end(item?.body ?? 'missing');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
afterAll(async () => {
  host?.close();
  await database?.destroy();
});

const open = { allowHttp: true };

describe('fetching a supplier picture', () => {
  it('keeps real raster images, whatever type the server claims', async () => {
    served.set('/logo', { type: 'application/octet-stream', body: productArtPng('Steam') });
    const image = await fetchImage(`${hostUrl}/logo`, open);
    expect(image.contentType).toBe('image/png');
    expect(sniffImageType(image.bytes)).toBe('image/png');
  });

  it('refuses what is not an image, too large, missing, or plain http outside sandbox mode', async () => {
    served.set('/svg', { type: 'image/svg+xml', body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
    served.set('/html', { type: 'image/png', body: Buffer.from('<html>not an image</html>') });
    served.set('/huge', { type: 'image/png', body: Buffer.concat([productArtPng('Huge'), Buffer.alloc(MAX_IMAGE_BYTES)]) });
    await expect(fetchImage(`${hostUrl}/svg`, open)).rejects.toThrow(/not a PNG, JPEG, WebP or GIF image/);
    await expect(fetchImage(`${hostUrl}/html`, open)).rejects.toThrow(ImageRefused);
    await expect(fetchImage(`${hostUrl}/huge`, open)).rejects.toThrow(/too large/);
    await expect(fetchImage(`${hostUrl}/gone`, open)).rejects.toThrow(/HTTP 404/);
    await expect(fetchImage(`${hostUrl}/logo`, { allowHttp: false })).rejects.toThrow(/not an https URL/);
  });

  it('gives up on a host that is too slow', async () => {
    const started = Date.now();
    await expect(fetchImage(`${hostUrl}/slow`, { ...open, timeoutMs: 300 })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('pictures after a catalogue sync', () => {
  it('stores the sandbox art once per product, refetches a changed URL, keeps a copy when the host breaks, and drops a removed one', async () => {
    const outcome = await runCatalogueSync({ ...deps, images: false }, { trigger: 'schedule' });
    expect(outcome.status).toBe('succeeded');
    const listed = await database.db.$count(products, eq(products.upstreamStatus, 'active'));
    const withUrl = (await database.db.select({ url: products.imageUrl }).from(products)).filter((row) => row.url).length;
    // The sandbox lists art for gift cards and top-ups except every seventh product: some have none.
    expect(withUrl).toBeGreaterThan(50);
    expect(withUrl).toBeLessThan(listed);

    const first = await syncProductImages(database.db, { fetcher: (url) => fetchImage(url, open) });
    expect(first).toEqual({ fetched: withUrl, failed: 0, removed: 0, refused: [] });
    // Nothing changed: nothing fetched again.
    expect(await syncProductImages(database.db, { fetcher: (url) => fetchImage(url, open) })).toMatchObject({ fetched: 0, failed: 0, removed: 0 });

    const [steam] = await database.db.select().from(products).where(and(eq(products.vertical, 'voucher'), eq(products.upstreamId, 123)));
    const stored = await readProductImage(database.db, steam!.id);
    expect(stored?.contentType).toBe('image/png');
    expect(stored?.bytes.equals(productArtPng(steam!.name))).toBe(true);

    // A new URL that is broken: the old copy stays, and it is tried again next time.
    served.delete('/new-steam');
    await database.db.update(products).set({ imageUrl: `${hostUrl}/new-steam` }).where(eq(products.id, steam!.id));
    expect(await syncProductImages(database.db, { fetcher: (url) => fetchImage(url, open) })).toMatchObject({ fetched: 0, failed: 1, removed: 0, refused: [{ productId: steam!.id, imageUrl: `${hostUrl}/new-steam`, reason: 'HTTP 404' }] });
    expect((await readProductImage(database.db, steam!.id))?.sha256).toBe(stored?.sha256);
    served.set('/new-steam', { type: 'image/png', body: productArtPng('Steam New') });
    expect(await syncProductImages(database.db, { fetcher: (url) => fetchImage(url, open) })).toMatchObject({ fetched: 1, failed: 0, removed: 0 });
    expect((await readProductImage(database.db, steam!.id))?.sha256).not.toBe(stored?.sha256);

    await database.db.update(products).set({ imageUrl: null }).where(eq(products.id, steam!.id));
    expect(await syncProductImages(database.db, { fetcher: (url) => fetchImage(url, open) })).toMatchObject({ fetched: 0, failed: 0, removed: 1 });
    expect(await database.db.$count(productImages, eq(productImages.productId, steam!.id))).toBe(0);
  });
});

describe('bad picture URLs in a sync', () => {
  it('leaves the tile and notes slow, huge, non-image and gone pictures in the run\'s change list, and the sync still succeeds', async () => {
    served.set('/bad-huge', { type: 'image/png', body: Buffer.concat([productArtPng('Huge'), Buffer.alloc(MAX_IMAGE_BYTES)]) });
    served.set('/bad-html', { type: 'image/png', body: Buffer.from('<html>not an image</html>') });
    const bad = { '/slow': /too slow/, '/bad-huge': /too large/, '/bad-html': /not a PNG/, '/bad-gone': /HTTP 404/ };
    const victims = await database.db.select({ id: products.id }).from(products).where(and(eq(products.vertical, 'voucher'), eq(products.upstreamStatus, 'active'))).limit(4);
    const paths = Object.keys(bad) as (keyof typeof bad)[];
    const byProduct = new Map(victims.map((victim, index) => [victim.id, paths[index]!]));
    for (const [id, path] of byProduct) {
      await database.db.delete(productImages).where(eq(productImages.productId, id));
      await database.db.update(products).set({ imageUrl: `${hostUrl}${path}` }).where(eq(products.id, id));
    }
    const summary = await syncProductImages(database.db, { fetcher: (url) => fetchImage(url, { ...open, timeoutMs: 500 }) });
    expect(summary.failed).toBe(4);
    for (const refusal of summary.refused) expect(refusal.reason).toMatch(bad[byProduct.get(refusal.productId)!]);
    for (const id of byProduct.keys()) expect(await readProductImage(database.db, id)).toBeNull();

    // Through a whole sync: the run succeeds and its change list names each refused picture.
    const [game] = await database.db.select().from(products).where(and(eq(products.vertical, 'topup'), isNotNull(products.imageUrl))).limit(1);
    await database.db.delete(productImages).where(eq(productImages.productId, game!.id));
    const outcome = await runCatalogueSync(
      { ...deps, imageFetcher: (url) => fetchImage(url === game!.imageUrl ? `${hostUrl}/bad-html` : url, open) },
      { trigger: 'schedule' },
    );
    expect(outcome.status).toBe('succeeded');
    const notes = await database.db.select().from(catalogueChanges).where(and(eq(catalogueChanges.runId, outcome.runId!), eq(catalogueChanges.kind, 'image_refused')));
    expect(notes.map((note) => ({ productId: note.productId, imageUrl: note.details.imageUrl }))).toEqual([{ productId: game!.id, imageUrl: game!.imageUrl }]);
    expect(notes[0]!.details.reason).toMatch(/not a PNG, JPEG, WebP or GIF image/);
    expect(await readProductImage(database.db, game!.id)).toBeNull();
  });
});
