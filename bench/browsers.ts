// Real Chromium viewers (Debian's chromium through playwright-core; no browser download): one
// browser context per viewer, as separate people would be.
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ApiRequests } from './processes';

/** Starts Debian's Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
    ],
  });
}

/** What one kind of page is: where it is and when it has loaded. */
export interface PageKind {
  url: string;
  ready(page: Page): Promise<void>;
  /** Wait for lists to stop before counting (Podtrail's caches; the baseline lists all along). */
  settles?: boolean;
}

/**
 * API-server requests per minute while `viewers` contexts keep `kind` open for `windowMs` (after
 * every page has loaded and settled).
 */
export async function requestsPerMinute(options: {
  browser: Browser;
  kind: PageKind;
  viewers: number;
  windowMs: number;
  stats: () => Promise<ApiRequests>;
}): Promise<{ perMinute: number; kinds: string }> {
  const contexts = await Promise.all(
    Array.from({ length: options.viewers }, () => options.browser.newContext()),
  );
  try {
    // Open pages a few at a time: 2 cores cannot render 50 pages at once within a timeout.
    for (let i = 0; i < contexts.length; i += 5) {
      await Promise.all(
        contexts.slice(i, i + 5).map(async (context) => {
          const page = await context.newPage();
          await page.goto(options.kind.url, { timeout: 180_000 });
          await options.kind.ready(page);
        }),
      );
    }
    // Steady state: the first viewer after a quiet spell makes Podtrail list what the board
    // watches again (caches are released a minute after their last reader); wait until no list
    // has come for 3 s (at most a minute), then count. The baseline waits 2 s.
    let before = await options.stats();
    const settleSeconds = options.kind.settles ? 60 : 2;
    for (let quiet = 0, waited = 0; quiet < 3 && waited < settleSeconds; waited++) {
      await new Promise((r) => setTimeout(r, 1_000));
      const now = await options.stats();
      quiet = now.list === before.list ? quiet + 1 : 0;
      before = now;
    }
    await new Promise((r) => setTimeout(r, options.windowMs));
    const after = await options.stats();
    const rate = (key: keyof ApiRequests) =>
      ((after[key] - before[key]) / options.windowMs) * 60_000;
    const kinds = (['list', 'watch', 'get', 'log'] as const)
      .map((k) => `${k} ${rate(k).toFixed(0)}`)
      .join(', ');
    return { perMinute: rate('total'), kinds };
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}
