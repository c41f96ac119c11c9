import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and postgres opens sockets: both must stay plain Node modules.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
  // Parallel end-to-end runs build into their own directories (see e2e/support/slot.ts).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` type-checks the whole repository (sandbox, scripts and tests included) with
  // TypeScript 7's tsc; repeating a partial check inside every build only slows `npm start`.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
