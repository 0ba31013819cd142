import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Two projects: `unit` (unit and integration tests against the in-memory sandbox) and `real`
// (files named *.real.test.ts: the contract suite and integration tests against a real
// kube-apiserver, started once per run by contract/global-setup.ts — only when such a file runs).
const REAL = '**/*.real.test.ts';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      'server-only': path.resolve(__dirname, 'lib/testing/server-only-stub.ts'),
    },
  },
  test: {
    exclude: ['node_modules/**', 'e2e/**', '.next/**', '.next-*/**', 'lint/fixtures/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: [
            'node_modules/**',
            'e2e/**',
            '.next/**',
            '.next-*/**',
            'lint/fixtures/**',
            REAL,
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'real',
          include: [REAL],
          exclude: ['node_modules/**', 'e2e/**', '.next/**', '.next-*/**', 'lint/fixtures/**'],
          globalSetup: ['contract/global-setup.ts'],
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
