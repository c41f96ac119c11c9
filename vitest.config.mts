import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      'server-only': fileURLToPath(new URL('./test/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    // .next* covers the parallel e2e and bench builds (.next-e2e-N, .next-e2e-bench), whose traced
    // node_modules hold other packages' tests.
    exclude: ['node_modules/**', 'e2e/**', '.next*/**', '.data/**'],
    environment: 'node',
    // Order deliveries are encrypted with a key derived from AUTH_SECRET.
    env: { AUTH_SECRET: 'vitest-auth-secret-0123456789abcdef0123' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share one PostgreSQL database and real sandbox processes.
    fileParallelism: false,
  },
});
