// Proves that each import boundary of lint/boundaries.mjs fires: every file under lint/fixtures is
// linted as if it stood at the same path in the repository (lint/fixtures/app/x.ts as app/x.ts),
// with the repository's own ESLint config.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const fixtures = path.join(__dirname, 'fixtures');

// import/no-cycle walks the files on disk and cannot follow a file that only stands in the fixtures.
const eslint = new ESLint({ cwd: root, overrideConfig: { rules: { 'import/no-cycle': 'off' } } });

async function restrictedImports(fixture: string): Promise<string[]> {
  const text = readFileSync(path.join(fixtures, fixture), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: path.join(root, fixture) });
  const messages = result?.messages ?? [];
  const others = messages.filter((m) => m.ruleId !== 'import/no-restricted-paths');
  expect(others.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
  return messages.map((m) => m.message.replace(/^.*imported in restricted zone\. /, ''));
}

describe('import boundaries', { timeout: 60_000 }, () => {
  it('keeps the sandbox out of the product', async () => {
    expect(await restrictedImports('app/api/imports-sandbox.ts')).toEqual([
      'The product never imports sandbox/ (only tests, bench and the demo do).',
    ]);
  });

  it('keeps lib/diagnosis free of every other folder of ours, index or not', async () => {
    expect(await restrictedImports('lib/diagnosis/imports-k8s.ts')).toEqual([
      'lib/diagnosis is pure: it imports nothing of ours outside itself.',
    ]);
  });

  it('sends imports of another lib folder through its index', async () => {
    expect(await restrictedImports('lib/views/around-index.ts')).toEqual([
      'Import lib/diagnosis through its public surface (./index.ts).',
    ]);
    expect(await restrictedImports('lib/views/through-index.ts')).toEqual([]);
  });

  it('lets only tests reach another folder’s test-support', async () => {
    expect(await restrictedImports('lib/views/reads-test-support.ts')).toEqual([
      'Import lib/k8s through its public surface (./index.ts).',
    ]);
    expect(await restrictedImports('lib/views/reads-test-support.test.ts')).toEqual([]);
  });

  it('lets components import only client-safe surfaces', async () => {
    expect(await restrictedImports('components/board/imports-server-only.tsx')).toEqual([
      'Components import only client-safe surfaces: lib/api-client, lib/diagnosis and lib/views/types.',
    ]);
    expect(await restrictedImports('components/board/imports-client-safe.tsx')).toEqual([]);
  });
});
