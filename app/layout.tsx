import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import { getLocale, getTranslations } from 'next-intl/server';
import { siteUrl } from '@/lib/seo/server';
import { getStoreInfo } from '@/lib/store';
import './globals.css';

const inter = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-inter',
  display: 'swap',
});

export async function generateMetadata(): Promise<Metadata> {
  const [{ name }, t] = await Promise.all([getStoreInfo(), getTranslations('meta')]);
  const description = t('description');
  return {
    // Relative URLs in metadata (Open Graph images, canonicals) resolve against the public origin.
    metadataBase: new URL(siteUrl()),
    title: { default: name, template: `%s · ${name}` },
    description,
    // Pages that name their own image or title replace these; every other page shares the store's.
    openGraph: { type: 'website', siteName: name, title: name, description, images: [{ url: '/og-default.png', width: 1200, height: 630, alt: name }] },
    twitter: { card: 'summary_large_image' },
    // Files in public/: every page links them, so browsers stop asking for a missing /favicon.ico.
    manifest: '/manifest.webmanifest',
    icons: {
      icon: [{ url: '/favicon.ico', sizes: '32x32' }, { url: '/icon-192.png', type: 'image/png', sizes: '192x192' }],
      apple: '/apple-touch-icon.png',
    },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafa' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-dvh font-sans">
        {children}
      </body>
    </html>
  );
}
