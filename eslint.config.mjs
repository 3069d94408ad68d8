// `npm run lint`: Next's rules (React, hooks, accessibility, core web vitals), typescript-eslint's
// recommended set, no import cycles, and Prettier's formatting checked by `prettier --check`.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([
    '.next/**',
    '.data/**',
    'node_modules/**',
    'src/generated/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
  {
    // import/no-cycle parses every module a file imports. The generated Prisma client (thousands of
    // lines a model, and it imports none of ours) was most of the lint's two minutes: not parsed.
    settings: { 'import/ignore': ['node_modules', '/src/generated/'] },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // The e2e suite's `test` checks every page a spec visits with axe-core (tests/e2e/a11y.ts).
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test'],
              message: "Import `test` from './helpers': it checks every page the spec visits with axe-core.",
            },
          ],
        },
      ],
    },
  },
  {
    // A form that loses the network keeps what was typed and sends again (decision 023): one hook does it.
    // Links go through the app's own light Link (issue 13's first-load budget).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/components/form/use-form-action.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react',
              importNames: ['useActionState'],
              message:
                "Use useFormAction from '@/components/form/use-form-action': it keeps the typed text and retries when the network fails.",
            },
            {
              name: 'next/link',
              message:
                "Use Link from '@/components/ui/link': the same navigation for a sixth of next/link's first-load weight (docs/performance.md).",
            },
          ],
        },
      ],
    },
  },
]);
