// The house's import boundaries (STYLE.md "The house") as lint rules, so that they cannot erode:
// - the product (app, components, lib, bin, instrumentation) never imports sandbox/;
// - lib/diagnosis imports nothing of ours outside itself;
// - other folders import a lib folder only through its surface: index.ts, plus a client-safe
//   types.ts where the folder's index is server-only (CLIENT_SAFE_TYPES);
// - components import only client-safe surfaces: lib/api-client, lib/diagnosis and those types.
// Tests and test-support files may also reach a lib folder's test-support/ and the sandbox.
// lint/boundaries.test.ts lints the files under lint/fixtures and proves that each rule fires.
import fs from 'node:fs';
import path from 'node:path';

/** Lib folders whose index is server-only and that offer a client-safe `types.ts` surface. */
export const CLIENT_SAFE_TYPES = ['views'];

/** Lib folders that components may import through their index (browser-safe as a whole). */
export const CLIENT_SAFE_LIBS = ['api-client', 'diagnosis'];

/** Folders and files at the root that are the product (never import sandbox/). */
const PRODUCT = ['./app', './components', './lib', './bin', './instrumentation.ts'];

const NOT_SOURCE = new Set(['node_modules', 'lib', 'lint', 'test-results', 'playwright-report']);

/** Test files (and the bench, which starts the same peers): they may import test-support/ and the sandbox. */
export const TEST_FILES = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/test-support/**',
  'e2e/**',
  'contract/**',
  'bench/**',
];

function rootAreas(root) {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && !NOT_SOURCE.has(e.name))
    .filter((e) => e.isDirectory() || /\.(ts|tsx|mjs|js)$/.test(e.name))
    .map((e) => `./${e.name}`);
}

function libFolders(root) {
  return fs
    .readdirSync(path.join(root, 'lib'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

function zones(root, { forTests }) {
  const libs = libFolders(root);
  const areas = rootAreas(root);
  const result = [];
  if (!forTests) {
    result.push({
      target: PRODUCT,
      from: './sandbox',
      message: 'The product never imports sandbox/ (only tests, bench and the demo do).',
    });
  }
  result.push({
    target: './lib/diagnosis',
    from: '.',
    except: ['./lib/diagnosis', './node_modules'],
    message: 'lib/diagnosis is pure: it imports nothing of ours outside itself.',
  });
  for (const lib of libs) {
    const surface = ['./index.ts'];
    if (CLIENT_SAFE_TYPES.includes(lib)) surface.push('./types.ts');
    if (forTests) surface.push('./test-support');
    result.push({
      target: [...areas, ...libs.filter((l) => l !== lib).map((l) => `./lib/${l}`)],
      from: `./lib/${lib}`,
      except: surface,
      message: `Import lib/${lib} through its public surface (${surface.join(', ')}).`,
    });
  }
  result.push({
    target: './components',
    from: './lib',
    except: [
      ...CLIENT_SAFE_LIBS.map((l) => `./${l}`),
      ...CLIENT_SAFE_TYPES.map((l) => `./${l}/types.ts`),
      ...(forTests ? libs.map((l) => `./${l}/test-support`) : []),
    ],
    message:
      'Components import only client-safe surfaces: lib/api-client, lib/diagnosis and ' +
      CLIENT_SAFE_TYPES.map((l) => `lib/${l}/types`).join(', ') +
      '.',
  });
  return result;
}

/** Flat-config objects with import/no-restricted-paths for product and test files. */
export function boundaryConfigs(root) {
  const rule = (forTests) => ({
    'import/no-restricted-paths': ['error', { basePath: root, zones: zones(root, { forTests }) }],
  });
  return [{ rules: rule(false) }, { files: TEST_FILES, rules: rule(true) }];
}
