// First-load JS of a page, from the build output: the scripts Chromium loads for the page, read
// from .next/static and gzipped (level 9, as a CDN would serve them).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

/** Gzipped bytes of every /_next/static script the page loads. */
export async function firstLoadJs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (request) => {
    const u = new URL(request.url());
    if (request.resourceType() === 'script' && u.pathname.startsWith('/_next/static/'))
      scripts.add(u.pathname);
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForTimeout(3_000);
  await context.close();
  let total = 0;
  for (const pathname of scripts) {
    const file = path.resolve(
      __dirname,
      '..',
      '.next',
      'static',
      decodeURIComponent(pathname.slice('/_next/static/'.length)),
    );
    total += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return total;
}
