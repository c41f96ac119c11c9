import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['node_modules/**', '**/.next/**', '.next-e2e-*/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'db/migrations/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The house rule: only lib/ touches the database or the supplier's client, so every read
    // there can check who asks. Routes and components call lib/; types may still be imported.
    files: ['app/**', 'components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/db', '@/db/*', 'drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/pglite'],
              // Types too: pages name domain types through lib/<domain>, so no page depends on the schema.
              allowTypeImports: false,
              message: 'Only lib/ touches the database: call a loader or command in lib/<domain> (it checks who asks).',
            },
            {
              group: ['@/lib/octopus', '@/lib/octopus/*'],
              allowTypeImports: true,
              message: 'lib/supplier is the one adapter to the supplier: call lib/<domain> instead.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
