import 'server-only';
import type { Metadata, MetadataRoute } from 'next';
import { getSectionProducts } from '@/lib/catalogue/storefront';
import { env } from '@/lib/env';
import { listHelpPages } from '@/lib/help';
import { getStoreInfo } from '@/lib/store';
import { verticals } from '@/lib/verticals';
import { buildSitemap } from '.';

/** The store's public origin (PUBLIC_URL), for every absolute URL crawlers and previews see. */
export const siteUrl = (): string => env().PUBLIC_URL;

/** The sitemap from what is on sale now (the same cached reads as the section pages). */
export async function loadSitemap(): Promise<MetadataRoute.Sitemap> {
  const [sections, helpPages] = await Promise.all([Promise.all(verticals.map((vertical) => getSectionProducts(vertical.slug))), listHelpPages()]);
  return buildSitemap({ baseUrl: siteUrl(), products: sections.flat(), helpSlugs: helpPages.map((page) => page.slug) });
}

export const DEFAULT_OG_IMAGE = { url: '/og-default.png', width: 1200, height: 630 };

/**
 * A page's metadata: title (the layout's template adds the store name), description, canonical
 * URL, and the Open Graph card (its own picture, else the store's default). Open Graph is
 * replaced whole by a page, so the store's name and default picture are repeated here.
 */
export async function pageMetadata({ title, description, path, image, noIndex = false }: { title: string; description: string; path: string; image?: string | null; noIndex?: boolean }): Promise<Metadata> {
  const { name } = await getStoreInfo();
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: {
      type: 'website',
      siteName: name,
      title: `${title} · ${name}`,
      description,
      url: path,
      images: [image ? { url: image, alt: title } : { ...DEFAULT_OG_IMAGE, alt: name }],
    },
    twitter: { card: image ? 'summary' : 'summary_large_image' },
    ...(noIndex ? { robots: { index: false, follow: false } } : {}),
  };
}
