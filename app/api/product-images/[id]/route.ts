import { loadProductImage } from '@/lib/catalogue/product-images';

/**
 * A product's stored picture. URLs carry the picture's hash (`?v=`), so a matching request is
 * cached for a year; any other for an hour.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const image = await loadProductImage((await params).id);
  if (!image) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const version = new URL(request.url).searchParams.get('v');
  const current = version !== null && image.sha256.startsWith(version) && version.length >= 16;
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      'Content-Type': image.contentType,
      'Content-Length': String(image.bytes.length),
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      ETag: `"${image.sha256}"`,
    },
  });
}
