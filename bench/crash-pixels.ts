// Crash → pixels: from a crash forced in the sandbox to the new restart count rendered in a
// Chromium page of Podtrail, against a raw watch client on the same pods (the floor: what the
// API server itself tells a watcher). Both wait for the same change, the restart count going up.
import type { Browser } from '@playwright/test';
import { percentile } from './figures';

interface Seen {
  n: number;
  at: number;
}

/** A raw watch of one namespace's pods: the restart count of one pod, and when it changed. */
function rawWatch(server: string, namespace: string, pod: string) {
  const seen: Seen = { n: -1, at: 0 };
  const abort = new AbortController();
  void (async () => {
    const response = await fetch(`${server}/api/v1/namespaces/${namespace}/pods?watch=1`, {
      signal: abort.signal,
    });
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        type Event = {
          object: {
            metadata: { name: string };
            status?: { containerStatuses?: Array<{ restartCount: number }> };
          };
        };
        const event = JSON.parse(line) as Event;
        if (event.object.metadata.name !== pod) continue;
        const n = (event.object.status?.containerStatuses ?? []).reduce(
          (s, c) => s + c.restartCount,
          0,
        );
        if (n !== seen.n) Object.assign(seen, { n, at: Date.now() });
      }
    }
  })().catch(() => undefined);
  return { seen, close: () => abort.abort() };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** p50/p95 of crash → pixels and crash → raw watch over `count` crashes of one pod. */
export async function crashToPixels(options: {
  browser: Browser;
  podtrailUrl: string;
  sandboxUrl: string;
  count: number;
}): Promise<{ pixels: { p50: number; p95: number }; raw: { p50: number; p95: number } }> {
  const namespace = 'healthy';
  type PodList = { items: Array<{ metadata: { name: string }; status?: { phase?: string } }> };
  const list = (await (
    await fetch(`${options.sandboxUrl}/api/v1/namespaces/${namespace}/pods`)
  ).json()) as PodList;
  const pod = list.items.find(
    (p) => p.metadata.name.startsWith('web-') && p.status?.phase === 'Running',
  )?.metadata.name;
  if (!pod) throw new Error('bench: no running web pod in the healthy namespace');
  const raw = rawWatch(options.sandboxUrl, namespace, pod);
  const context = await options.browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${options.podtrailUrl}/c/sandbox/ns/${namespace}/pods/${pod}`);
    await page.getByTestId('pod-status').waitFor();
    // A string, not a function: tsx's helpers (__name) do not exist in the page.
    await page.evaluate(`(() => {
      const read = () => {
        const text = document.querySelector('[data-testid="pod-status"]')?.textContent ?? '';
        return Number(/(\\d+) restarts?/.exec(text)?.[1] ?? -1);
      };
      window.__seen = { n: read(), at: Date.now() };
      new MutationObserver(() => {
        const n = read();
        if (n !== window.__seen.n) window.__seen = { n, at: Date.now() };
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    const shown = () => page.evaluate('window.__seen') as Promise<Seen>;
    const pixels: number[] = [];
    const watched: number[] = [];
    while (pixels.length < options.count) {
      // Start from a settled state: the page shows what the watch has.
      await until(() => raw.seen.n >= 0, 30_000, 'the raw watch');
      let before = await shown();
      for (let i = 0; i < 300 && before.n !== raw.seen.n; i++) {
        await new Promise((r) => setTimeout(r, 50));
        before = await shown();
      }
      const rawBefore = raw.seen.n;
      const t0 = Date.now();
      const response = await fetch(
        `${options.sandboxUrl}/sandbox/control/crash?namespace=${namespace}&pod=${pod}`,
        { method: 'POST' },
      );
      const { crashed } = (await response.json()) as { crashed: string[] };
      if (crashed.length === 0) {
        await new Promise((r) => setTimeout(r, 200)); // still backing off: not running yet
        continue;
      }
      await until(() => raw.seen.n > rawBefore, 30_000, 'the raw watch to see the restart');
      const start = Date.now();
      let after = await shown();
      while (after.n <= rawBefore && Date.now() - start < 30_000) {
        await new Promise((r) => setTimeout(r, 20));
        after = await shown();
      }
      if (after.n <= rawBefore) throw new Error('bench: the page never showed the restart');
      pixels.push(after.at - t0);
      watched.push(raw.seen.at - t0);
    }
    return {
      pixels: { p50: percentile(pixels, 50), p95: percentile(pixels, 95) },
      raw: { p50: percentile(watched, 50), p95: percentile(watched, 95) },
    };
  } finally {
    raw.close();
    await context.close();
  }
}
