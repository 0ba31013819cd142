// Crash → pixels: from a crash forced in the sandbox to its first sign rendered in a Chromium page
// of Podtrail, against a raw watch client on the same pod (the floor: what the API server itself
// tells a watcher). Both wait for the first change the crash makes to what they show: the pod's
// STATUS and restarts on the page ("Running · 3 restarts" becomes "Error · 3 restarts" or, when
// the next update already has the restart, "Running · 4 restarts"), its containers' states and
// restart counts on the watch.
import type { Browser } from '@playwright/test';
import { percentile } from './figures';

interface Seen {
  /** What is shown: the page's status line, or the watch's container states and restarts. */
  text: string;
  /** Sum of restartCount. */
  n: number;
  /** Whether every container runs (the raw watch only). */
  running?: boolean;
  at: number;
}

interface ContainerStatus {
  restartCount: number;
  state?: { running?: unknown; waiting?: { reason?: string }; terminated?: { reason?: string } };
}

/** The containers' states and restarts of one pod, as one line of text. */
function stateLine(statuses: ContainerStatus[]): string {
  return statuses
    .map((c) => {
      const s = c.state ?? {};
      const state = s.running
        ? 'running'
        : s.waiting
          ? `waiting ${s.waiting.reason ?? ''}`
          : `terminated ${s.terminated?.reason ?? ''}`;
      return `${state} ${c.restartCount}`;
    })
    .join(', ');
}

/** A raw watch of one namespace's pods: what one pod's containers show, and when it changed. */
function rawWatch(server: string, namespace: string, pod: string) {
  const seen: Seen = { text: '', n: -1, at: 0 };
  const changes: Seen[] = [];
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
            status?: { containerStatuses?: ContainerStatus[] };
          };
        };
        const event = JSON.parse(line) as Event;
        if (event.object.metadata.name !== pod) continue;
        const statuses = event.object.status?.containerStatuses ?? [];
        const text = stateLine(statuses);
        if (text === seen.text) continue;
        Object.assign(seen, {
          text,
          n: statuses.reduce((s, c) => s + c.restartCount, 0),
          running: statuses.length > 0 && statuses.every((c) => c.state?.running),
          at: Date.now(),
        });
        changes.push({ ...seen });
        if (changes.length > 1_000) changes.splice(0, 500);
      }
    }
  })().catch(() => undefined);
  return { seen, changes, close: () => abort.abort() };
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
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
      const read = () => document.querySelector('[data-testid="pod-status"]')?.textContent ?? '';
      const restarts = (text) => Number(/(\\d+) restarts?/.exec(text)?.[1] ?? -1);
      window.__seen = { text: read(), n: restarts(read()), at: Date.now() };
      window.__changes = [];
      new MutationObserver(() => {
        const text = read();
        if (text === window.__seen.text) return;
        window.__seen = { text, n: restarts(text), at: Date.now() };
        window.__changes.push(window.__seen);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    const shown = () => page.evaluate('window.__seen') as Promise<Seen>;
    /** The first change the page showed at or after `t` (the later ones may follow at once). */
    const firstChangeSince = (t: number) =>
      page.evaluate(`window.__changes.find((c) => c.at >= ${t})`) as Promise<Seen | undefined>;
    const pixels: number[] = [];
    const watched: number[] = [];
    while (pixels.length < options.count) {
      // Start from a settled state: the pod runs and the page shows it running with the
      // watch's restarts.
      await until(() => raw.seen.running === true, 60_000, 'the pod to run again');
      await until(
        async () => {
          const s = await shown();
          return s.n === raw.seen.n && s.text.startsWith('Running');
        },
        60_000,
        'the page to show the running pod',
      );
      const [pageBefore, rawBefore] = [await shown(), raw.seen.text];
      const t0 = Date.now();
      const response = await fetch(
        `${options.sandboxUrl}/sandbox/control/crash?namespace=${namespace}&pod=${pod}`,
        { method: 'POST' },
      );
      const { crashed } = (await response.json()) as { crashed: string[] };
      if (crashed.length === 0) continue; // between runs after all: settle again
      await until(() => raw.seen.text !== rawBefore, 30_000, 'the raw watch to see the crash');
      const rawSeen = raw.changes.find((c) => c.at >= t0);
      await until(
        async () => (await shown()).text !== pageBefore.text,
        30_000,
        'the page to show the crash',
      );
      const pageSeen = await firstChangeSince(t0);
      if (!rawSeen || !pageSeen) throw new Error('bench: a change seen without a record of it');
      pixels.push(pageSeen.at - t0);
      watched.push(rawSeen.at - t0);
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
