// Builds the distributable commands to plain JavaScript (no tsx at run time): bin/podtrail.ts and
// bin/kubectl-podtrail.ts → cli/dist/*.mjs, which the launchers cli/bin/podtrail.cjs and
// cli/bin/kubectl-podtrail.cjs load. Everything they run is bundled, npm packages included, so the
// package in cli/ declares no dependencies: `npm install -g` of its tarball installs ~2 MB instead
// of the app's dependencies (next, react, ... ~0.5 GB). Run by `npm run build:cli` and by npm pack
// in cli/ (prepack).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'cli/dist');

// `server-only` marks modules the browser must never get; the CLI is no browser, so it is empty.
const serverOnlyIsEmpty = {
  name: 'server-only-is-empty',
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { podtrail: 'bin/podtrail.ts', 'kubectl-podtrail': 'bin/kubectl-podtrail.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The history store's drivers: lib/views imports them only when history is on, which the CLI
  // never turns on (it reads the cluster once). ws' optional native speed-ups are optional.
  external: ['pg', '@electric-sql/pglite', 'bufferutil', 'utf-8-validate'],
  // Bundled CommonJS packages (client-node's dependencies) call require() for Node's modules.
  banner: {
    js: "import { createRequire as __podtrailCreateRequire } from 'node:module'; const require = __podtrailCreateRequire(import.meta.url);",
  },
  alias: { '@': root },
  plugins: [serverOnlyIsEmpty],
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('build-cli: cli/dist/podtrail.mjs, cli/dist/kubectl-podtrail.mjs');
