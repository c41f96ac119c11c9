import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { fixedSecurityHeaders, staticFileContentSecurityPolicy } from './lib/security-headers';

const nextConfig: NextConfig = {
  // PGlite ships WASM and postgres opens sockets: both must stay plain Node modules.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
  // Operators upload product pictures (at most 1 MB, lib/catalogue/product-content.ts) through a
  // server action: room above that so a too-large file gets our message, not a framework error.
  // lucide's index re-exports every icon: load only the ones imported (Next does this for
  // lucide-react by itself, not for the plain package; components/ui/icon.tsx says why we use it).
  experimental: { serverActions: { bodySizeLimit: '3mb' }, optimizePackageImports: ['lucide'] },
  // Product pictures are stored copies served by our own route (lib/catalogue/product-images.ts).
  images: { localPatterns: [{ pathname: '/api/product-images/**' }] },
  // The fixed security headers on every response; pages get their policy from proxy.ts, the
  // paths its matcher skips get this strict one (keep both lists in step).
  async headers() {
    const staticPolicy = [{ key: 'Content-Security-Policy', value: staticFileContentSecurityPolicy }];
    return [
      { source: '/:path*', headers: fixedSecurityHeaders },
      ...['/_next/static/:path*', '/_next/image'].map((source) => ({ source, headers: staticPolicy })),
    ];
  },
  // The addresses customers type or other sites link to for a store's help pages.
  async redirects() {
    const aliases: Record<string, string> = { faq: 'faq', terms: 'terms', privacy: 'privacy', refunds: 'refunds', 'refund-policy': 'refunds', contact: 'contact' };
    return Object.entries(aliases).map(([alias, slug]) => ({ source: `/${alias}`, destination: `/help/${slug}`, permanent: true }));
  },
  // Parallel end-to-end runs build into their own directories (see e2e/support/slot.ts).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` type-checks the whole repository (sandbox, scripts and tests included) with
  // TypeScript 7's tsc; repeating a partial check inside every build only slows `npm start`.
  typescript: {
    ignoreBuildErrors: true,
    // Next adds its build directory's types to the tsconfig it uses: parallel e2e builds get a
    // generated one (scripts/start.ts writes it) so tsconfig.json stays as committed.
    ...(process.env.NEXT_DIST_DIR && process.env.NEXT_DIST_DIR !== '.next' ? { tsconfigPath: 'tsconfig.e2e.json' } : {}),
  },
};

// next-intl finds its request configuration in i18n/request.ts (locale from cookie or Accept-Language).
// The catalogues in messages/ are compiled at build time, so browsers get no ICU message parser.
export default createNextIntlPlugin({
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
})(nextConfig);
