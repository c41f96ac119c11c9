import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { loadSitemap } from '@/lib/seo/server';

/** /sitemap.xml: home, sections, help and every product on sale, read at request time. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // The catalogue and PUBLIC_URL are runtime facts: never baked into the build.
  await connection();
  return loadSitemap();
}
