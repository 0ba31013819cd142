// Builds the distributable commands to plain JavaScript (no tsx at run time): bin/podtrail.ts and
// bin/kubectl-podtrail.ts → dist/cli/*.mjs, which the launchers bin/podtrail.cjs and
// bin/kubectl-podtrail.cjs load. Our own code is bundled; npm packages stay imports, installed as the
// package's dependencies. `server-only` marks modules the browser must never get; the CLI is no
// browser, so it is an empty module here. Run by `npm run build:cli` and by npm pack (prepack).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const serverOnlyIsEmpty = {
  name: 'server-only-is-empty',
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

rmSync(path.join(root, 'dist/cli'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { podtrail: 'bin/podtrail.ts', 'kubectl-podtrail': 'bin/kubectl-podtrail.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  alias: { '@': root },
  plugins: [serverOnlyIsEmpty],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('build-cli: dist/cli/podtrail.mjs, dist/cli/kubectl-podtrail.mjs');
