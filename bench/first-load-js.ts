// First-load JS of a route, from the build output: the chunks Next.js lists as the route's first
// load (.next/diagnostics/route-bundle-stats.json, written by `next build`), gzipped (level 9, as
// a CDN would serve them). Scripts a page prefetches after it has loaded are not counted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(__dirname, '..');

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

/** Gzipped bytes of the route's first-load chunks, and the biggest of them. */
export function firstLoadJs(route: string): { bytes: number; chunks: Array<[string, number]> } {
  const file = path.join(root, '.next', 'diagnostics', 'route-bundle-stats.json');
  const stats = JSON.parse(readFileSync(file, 'utf8')) as RouteStats[];
  const entry = stats.find((s) => s.route === route);
  if (!entry) throw new Error(`no route ${route} in ${file}`);
  const chunks = entry.firstLoadChunkPaths.map((chunk): [string, number] => [
    path.basename(chunk),
    gzipSync(readFileSync(path.join(root, chunk)), { level: 9 }).length,
  ]);
  chunks.sort((a, b) => b[1] - a[1]);
  return { bytes: chunks.reduce((n, [, b]) => n + b, 0), chunks };
}
