import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import importPlugin from 'eslint-plugin-import';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundaryConfigs } from './lint/boundaries.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      'test-results/**',
      'playwright-report/**',
      'contract/bin/**',
      'dist/**',
      'cli/dist/**',
      '.peers/**',
      // Files that break the boundaries on purpose; lint/boundaries.test.ts lints them.
      'lint/fixtures/**',
      'next-env.d.ts',
    ],
  },
  {
    plugins: { import: importPlugin },
    settings: { 'import/ignore': ['node_modules'] },
    rules: {
      'import/no-cycle': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  ...boundaryConfigs(root),
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // bin/podtrail-server.cjs runs unbuilt in the container image: CommonJS on purpose.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['lib/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['next/server'] }] },
  },
  {
    // lib/diagnosis is pure: no I/O, no framework.
    files: ['lib/diagnosis/**/*.ts'],
    ignores: ['lib/diagnosis/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'next',
            'next/*',
            'react',
            'react-dom',
            'node:*',
            'fs',
            'http',
            'https',
            'net',
            '@kubernetes/client-node',
          ],
        },
      ],
    },
  },
];

export default config;
