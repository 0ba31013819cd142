// npm run bench [-- --quick]: Podtrail against the naive baseline on a scale-mode sandbox, in real
// Chromium. Prints a table and writes bench-results.json; never fails a test run (it is not part
// of npm test) and asserts nothing. lib/* is server-only: this re-runs itself under the
// react-server condition (and --expose-gc) like Next.js does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { launchChromium, requestsPerMinute, type PageKind } from './browsers';
import { crashToPixels } from './crash-pixels';
import { atMost, figure, table, writeResults, type Figure } from './figures';
import { firstLoadJs } from './first-load-js';
import {
  initHistoryDir,
  serverMemory,
  startNaive,
  startPodtrail,
  startPostgres,
  startScaleSandbox,
  treeRss,
  type Child,
} from './processes';
import { serverTime } from './server-time';

/** The parts of a run, in the order they run; `--parts` picks some. */
const allParts = ['memory', 'diagnosis', 'server-time', 'viewers', 'crash', 'js', 'stretch'];
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    parts: { type: 'string' },
    pods: { type: 'string' },
    namespaces: { type: 'string' },
    nodes: { type: 'string' },
    viewers: { type: 'string' },
  },
});
const quick = args.quick ?? false;
const parts = new Set(args.parts?.split(',') ?? allParts.filter((p) => p !== 'stretch' || !quick));
for (const p of parts)
  if (!allParts.includes(p)) throw new Error(`bench: unknown part ${p} (${allParts.join(', ')})`);
const size = quick
  ? { pods: 2_000, namespaces: 40, nodes: 100 }
  : { pods: 10_000, namespaces: 200, nodes: 500 };
const config = {
  mode: quick ? 'quick' : 'full',
  parts: [...parts],
  cluster: {
    pods: Number(args.pods ?? size.pods),
    namespaces: Number(args.namespaces ?? size.namespaces),
    nodes: Number(args.nodes ?? size.nodes),
  },
  viewers: args.viewers?.split(',').map(Number) ?? (quick ? [1, 10] : [1, 10, 50]),
  windowMs: quick ? 12_000 : 30_000,
  crashes: quick ? 20 : 100,
  concurrentViewers: 20,
  serverTimeMs: quick ? 5_000 : 20_000,
  stretch: parts.has('stretch') ? { pods: 150_000, namespaces: 3_000, nodes: 5_000 } : undefined,
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`,
  date: new Date().toISOString(),
  baselinePollMs: 5_000,
};
const port = Number(process.env.BENCH_PORT ?? 3132);
const figures: Figure[] = [];
/** How long each phase took (seconds), printed after the table. */
const phases: Array<{ phase: string; seconds: number }> = [];

/** Times a phase of the run (setup or a part). */
async function timed<T>(phase: string, run: () => Promise<T>): Promise<T> {
  const t = Date.now();
  try {
    return await run();
  } finally {
    const seconds = (Date.now() - t) / 1000;
    phases.push({ phase, seconds });
    log(`${phase} took ${seconds.toFixed(0)} s`);
  }
}

function log(text: string): void {
  console.log(`bench: ${text}`);
}

/** Runs one part (when `--parts` names it); a failure becomes a note, never a failed run. */
async function part(name: string, run: () => Promise<void>): Promise<void> {
  if (!parts.has(name) && !name.startsWith('stretch')) return;
  try {
    await timed(name, run);
  } catch (error) {
    log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    figures.push(
      figure(
        name,
        '',
        null,
        null,
        undefined,
        `not measured: ${String(error).split('\n')[0]?.slice(0, 120) ?? ''}`,
      ),
    );
  }
}

async function waitSynced(url: string): Promise<void> {
  const start = Date.now();
  for (;;) {
    const board = (await (await fetch(`${url}/api/board`)).json().catch(() => ({}))) as {
      clusters?: Array<{ state: string }>;
    };
    if (board.clusters?.every((c) => c.state === 'synced')) return;
    if (Date.now() - start > 600_000) throw new Error('Podtrail never synced');
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

function pageKinds(podtrail: Child, naive: Child, pod: { namespace: string; name: string }) {
  const podPath = `/c/sandbox/ns/${pod.namespace}/pods/${pod.name}`;
  const podtrailKinds: Record<string, PageKind> = {
    board: {
      url: `${podtrail.url}/`,
      ready: (page) =>
        page.locator('[data-connection="live"]').first().waitFor({ timeout: 180_000 }),
      settles: true,
    },
    pod: {
      url: `${podtrail.url}${podPath}`,
      ready: (page) => page.getByTestId('pod-status').waitFor({ timeout: 180_000 }),
      settles: true,
    },
  };
  // A naive page polls from the moment it is open, loaded or not (at 10,000 pods its first
  // answer can take minutes): its requests count from then.
  const naiveReady: PageKind['ready'] = (page) =>
    page.locator('#status').waitFor({ state: 'attached', timeout: 180_000 });
  const naiveKinds: Record<string, PageKind> = {
    board: { url: `${naive.url}/`, ready: naiveReady },
    pod: { url: `${naive.url}/pod?namespace=${pod.namespace}&name=${pod.name}`, ready: naiveReady },
  };
  return { podtrailKinds, naiveKinds };
}

/** A crash-looping pod of the scale cluster (its page is what an on-call person opens). */
async function crashLoopingPod(podtrailUrl: string) {
  const board = (await (await fetch(`${podtrailUrl}/api/board`)).json()) as {
    rows: Array<{ namespace: string; pod: string }>;
  };
  const row = board.rows.find((r) => r.namespace.startsWith('team-')) ?? board.rows[0];
  if (!row) throw new Error('no board row');
  return { namespace: row.namespace, name: row.pod };
}

async function viewerFigures(
  browser: Browser,
  podtrail: Child,
  naive: Child,
  stats: (agent: string) => ReturnType<Awaited<ReturnType<typeof startScaleSandbox>>['stats']>,
) {
  const pod = await crashLoopingPod(podtrail.url);
  const { podtrailKinds, naiveKinds } = pageKinds(podtrail, naive, pod);
  for (const kind of ['board', 'pod'] as const) {
    const measured: Record<number, { podtrail: number; baseline: number }> = {};
    for (const viewers of [0, ...config.viewers]) {
      // Each system's own requests (the sandbox counts by User-Agent): the baseline still
      // answering a closed page's requests must not count against Podtrail's next window.
      const run = (k: PageKind, agent: string) =>
        requestsPerMinute({
          browser,
          kind: k,
          viewers,
          windowMs: config.windowMs,
          stats: () => stats(agent),
        });
      const podtrailRate = await run(podtrailKinds[kind]!, 'podtrail');
      const baselineRate = await run(naiveKinds[kind]!, 'naive-dashboard');
      const [p, b] = [podtrailRate.perMinute, baselineRate.perMinute];
      measured[viewers] = { podtrail: p, baseline: b };
      log(
        `${kind} ${viewers} viewers: Podtrail ${p.toFixed(0)}/min (${podtrailRate.kinds}), baseline ${b.toFixed(0)}/min (${baselineRate.kinds})`,
      );
      figures.push(
        figure(
          viewers === 0
            ? `API requests, ${kind} series, 0 viewers (history recorder, watches)`
            : `API requests, ${kind}, ${viewers} viewer${viewers > 1 ? 's' : ''}`,
          'req/min',
          p,
          b,
        ),
      );
    }
    const most = Math.max(...config.viewers);
    const [idle, one, many] = [measured[0], measured[1], measured[most]];
    if (!idle || !one || !many) continue;
    // What the viewers cost: each window minus the 0-viewer window (the recorder's log reads and
    // watch renewals happen with or without viewers). A denominator under 1 req/min counts as 1:
    // "no requests per viewer" must not divide noise by noise.
    const driven = (m: { podtrail: number; baseline: number }, system: 'podtrail' | 'baseline') =>
      Math.max(0, m[system] - idle[system]);
    const ratioOf = (system: 'podtrail' | 'baseline') =>
      driven(many, system) / Math.max(1, driven(one, system));
    figures.push(
      figure(
        `viewer-driven API requests, ${kind}, ${most} viewers (minus 0 viewers)`,
        'req/min',
        driven(many, 'podtrail'),
        driven(many, 'baseline'),
      ),
    );
    figures.push(
      figure(
        `API requests, ${kind}, ${most} viewers ÷ 1 (each minus 0 viewers)`,
        'ratio',
        ratioOf('podtrail'),
        ratioOf('baseline'),
        atMost(1.1),
      ),
    );
    figures.push(
      figure(
        `API requests, ${kind}, ${most} viewers ÷ 1 (totals)`,
        'ratio',
        one.podtrail > 0 ? many.podtrail / one.podtrail : null,
        one.baseline > 0 ? many.baseline / one.baseline : null,
      ),
    );
  }
}

/** Every part but the stretch, on one sandbox of `config.cluster`'s size. */
async function measureCluster(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-bench-'));
  const started: Child[] = [];
  let browser: Browser | undefined;
  try {
    const { pods, namespaces, nodes } = config.cluster;
    log(`starting a sandbox of ${pods} pods in ${namespaces} namespaces on ${nodes} nodes`);
    const sandbox = await timed('start sandbox', () => startScaleSandbox(config.cluster, dir));
    started.push(sandbox);
    const dataDir = path.join(dir, 'data');
    const podtrail = await timed('start Podtrail and sync', async () => {
      await initHistoryDir(dataDir);
      const server = await startPodtrail(sandbox.kubeconfig, port, dataDir);
      started.push(server);
      await waitSynced(server.url);
      return server;
    });
    const syncedAt = Date.now();
    const naive = await startNaive(sandbox.kubeconfig, port + 1);
    started.push(naive);
    log('Podtrail synced');
    browser = await launchChromium();
    const b = browser;

    await part('memory', async () => {
      const rss = treeRss(podtrail.pid);
      figures.push(
        figure(
          `server RSS, ${pods} pods cached, history in PGlite (right after sync)`,
          'MB',
          rss / 1e6,
          null,
          atMost(400, 'MB'),
        ),
      );
      const m = await serverMemory(podtrail.url);
      const mb = (bytes: number) => bytes / 1e6;
      figures.push(
        figure('… of it JS heap in use (caches, views)', 'MB', mb(m.heapUsed), null),
        figure('… JS heap reserved, not in use', 'MB', mb(m.heapTotal - m.heapUsed), null),
        figure('… external (PGlite WASM memory, buffers)', 'MB', mb(m.external), null),
        figure(
          '… the rest (code, Next.js, native)',
          'MB',
          mb(m.rss - m.heapTotal - m.external),
          null,
        ),
      );
      // lib/* is server-only: loaded once running under the react-server condition.
      const { bytesPerCachedPod } = await import('./memory');
      const perPod = await bytesPerCachedPod(sandbox.kubeconfig, sandbox.url);
      figures.push(
        figure(
          'heap per cached pod (baseline: objects as listed)',
          'kB',
          perPod.podtrail / 1e3,
          perPod.raw / 1e3,
          atMost(15, 'kB'),
        ),
      );
      // The same cluster with history in PostgreSQL (DATABASE_URL): PGlite's WASM memory is
      // ~150 MB of the process that no setting lowers. Read 60 s after sync, as the recorder's
      // first write of every pod settles; PostgreSQL's own memory (PSS of its processes) beside.
      const postgres = await startPostgres();
      const external = await startPodtrail(sandbox.kubeconfig, port + 2, '', postgres.url);
      try {
        await waitSynced(external.url);
        await new Promise((r) => setTimeout(r, 60_000));
        figures.push(
          figure(
            `server RSS, ${pods} pods cached, history in PostgreSQL (60 s after sync)`,
            'MB',
            treeRss(external.pid) / 1e6,
            null,
            atMost(400, 'MB'),
          ),
          figure('… PostgreSQL itself (PSS of its processes)', 'MB', postgres.pss() / 1e6, null),
        );
      } finally {
        await external.stop();
        postgres.stop();
      }
      figures.push(
        figure(
          `server RSS, ${pods} pods cached, history in PGlite (${((Date.now() - syncedAt) / 1000).toFixed(0)} s after sync)`,
          'MB',
          treeRss(podtrail.pid) / 1e6,
          null,
          atMost(400, 'MB'),
        ),
      );
    });
    await part('diagnosis', async () => {
      const { timeDiagnosis } = await import('./diagnosis-time');
      const t = await timeDiagnosis(sandbox.kubeconfig);
      const n0 = performance.now();
      await (await fetch(`${naive.url}/board.json`)).arrayBuffer();
      t.naiveMs = performance.now() - n0;
      figures.push(
        figure(
          `diagnosis of all ${t.pods} pods, first computation (every pod diagnosed)`,
          'ms',
          t.coldMs,
          t.naiveMs,
          atMost(200, 'ms'),
          'baseline: list + compute',
        ),
        figure(
          `board recomputed after changes, ${t.pods} pods (p50 of 5)`,
          'ms',
          t.ms,
          t.naiveMs,
          atMost(200, 'ms'),
          'healthy pods with unchanged inputs keep their verdict; baseline: list + compute',
        ),
      );
    });
    await part('server-time', async () => {
      const pod = await crashLoopingPod(podtrail.url);
      const n = config.concurrentViewers;
      const ms = config.serverTimeMs;
      const views = {
        board: {
          podtrail: `${podtrail.url}/api/board`,
          stream: `${podtrail.url}/api/stream?scope=board`,
          naive: `${naive.url}/board.json`,
        },
        pod: {
          podtrail: `${podtrail.url}/api/clusters/sandbox/namespaces/${pod.namespace}/pods/${pod.name}`,
          stream: `${podtrail.url}/api/stream?scope=pod&cluster=sandbox&namespace=${pod.namespace}&pod=${pod.name}`,
          naive: `${naive.url}/pod.json?namespace=${pod.namespace}&name=${pod.name}`,
        },
      };
      for (const [kind, v] of Object.entries(views)) {
        // Viewers: each follows the live stream and loads the view once a second (the naive
        // baseline has no stream: its viewers load it once a second).
        const paced = await serverTime(v.podtrail, n, ms, { everyMs: 1_000, streamUrl: v.stream });
        const naivePaced = await serverTime(v.naive, n, ms, { everyMs: 1_000 });
        const what = `${kind} server time, ${n} viewers (each follows the stream, loads once a second)`;
        figures.push(figure(`${what} p50`, 'ms', paced.p50, naivePaced.p50));
        figures.push(
          figure(
            `${what} p95`,
            'ms',
            paced.p95,
            naivePaced.p95,
            kind === 'board' ? atMost(100, 'ms') : undefined,
          ),
        );
        // Capacity: the same number of clients back to back.
        const busy = await serverTime(v.podtrail, n, ms);
        const naiveBusy = await serverTime(v.naive, n, ms);
        const capacity = `${kind} server time, ${n} clients back to back`;
        figures.push(
          figure(`${capacity} p50`, 'ms', busy.p50, naiveBusy.p50),
          figure(`${capacity} p95`, 'ms', busy.p95, naiveBusy.p95),
          figure(`${capacity}: answers per second`, 'req/s', busy.perSecond, naiveBusy.perSecond),
        );
      }
    });
    await part('viewers', () => viewerFigures(b, podtrail, naive, (agent) => sandbox.stats(agent)));
    await part('crash', async () => {
      const r = await crashToPixels({
        browser: b,
        podtrailUrl: podtrail.url,
        sandboxUrl: sandbox.url,
        count: config.crashes,
      });
      figures.push(
        figure(
          `crash → pixels p50 (${config.crashes} crashes; baseline: raw watch)`,
          'ms',
          r.pixels.p50,
          r.raw.p50,
        ),
      );
      figures.push(
        figure(
          `crash → pixels p95 (${config.crashes} crashes; baseline: raw watch)`,
          'ms',
          r.pixels.p95,
          r.raw.p95,
          {
            text: `≤ 1000 ms and ≤ raw + 200 (${(r.raw.p95 + 200).toFixed(0)})`,
            check: (v) => v <= 1000 && v <= r.raw.p95 + 200,
          },
        ),
      );
    });
    await part('js', async () => {
      const routes = { board: '/', 'pod page': '/c/[cluster]/ns/[namespace]/pods/[pod]' };
      for (const [name, route] of Object.entries(routes)) {
        const js = firstLoadJs(route);
        const biggest = js.chunks
          .slice(0, 3)
          .map(([chunk, bytes]) => `${chunk} ${(bytes / 1e3).toFixed(0)} kB`)
          .join(', ');
        figures.push(
          figure(
            `first-load JS, ${name}`,
            'kB gz',
            js.bytes / 1e3,
            null,
            atMost(200, 'kB'),
            `biggest: ${biggest}`,
          ),
        );
      }
    });
    figures.push(
      figure(`server RSS after the run, ${pods} pods`, 'MB', treeRss(podtrail.pid) / 1e6, null),
    );
  } finally {
    await browser?.close();
    for (const child of started.reverse()) await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  // One production build for every run: build only when there is none (`next build` first
  // after changing the app).
  if (!existsSync(path.resolve(__dirname, '../.next/diagnostics/route-bundle-stats.json'))) {
    await timed('next build', async () => {
      log('no production build: running next build');
      spawnSync(
        process.execPath,
        [path.resolve(__dirname, '../node_modules/next/dist/bin/next'), 'build'],
        { stdio: 'inherit', cwd: path.resolve(__dirname, '..') },
      );
    });
  }
  if ([...parts].some((p) => p !== 'stretch')) await measureCluster();
  const file = path.resolve(process.cwd(), 'bench-results.json');
  const report = () => {
    writeResults(file, figures, { ...config, phases, minutes: (Date.now() - t0) / 60_000 });
    const minutes = ((Date.now() - t0) / 60_000).toFixed(1);
    const times = phases.map((p) => `  ${p.phase}: ${p.seconds.toFixed(0)} s`).join('\n');
    console.log(`\n${table(figures)}\n\nphases:\n${times}\n\nwrote ${file} (${minutes} min)`);
  };
  report();
  if (config.stretch) {
    await stretch(config.stretch);
    report();
  }
}

/** The stretch: the scalability envelope. RSS per cached pod, board p95, where it breaks first. */
async function stretch(size: { pods: number; namespaces: number; nodes: number }): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-bench-stretch-'));
  const started: Child[] = [];
  const name = `stretch ${size.pods} pods / ${size.nodes} nodes`;
  // Each step is timed; the first that fails or times out is where it breaks.
  const step = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    const value = await run().catch((error: unknown) => {
      throw new Error(
        `${what} failed after ${((Date.now() - t) / 1000).toFixed(0)} s: ${String(error)}`,
      );
    });
    figures.push(figure(`${name}: ${what}`, 's', (Date.now() - t) / 1000, null));
    return value;
  };
  try {
    await part(name, async () => {
      const sandbox = await step('sandbox start', () => startScaleSandbox(size, dir));
      started.push(sandbox);
      await initHistoryDir(path.join(dir, 'data'));
      const podtrail = await step('Podtrail start', () =>
        startPodtrail(sandbox.kubeconfig, port + 2, path.join(dir, 'data')),
      );
      started.push(podtrail);
      await step('first board (every cache synced)', () => waitSynced(podtrail.url));
      const rss = treeRss(podtrail.pid);
      const memory = await serverMemory(podtrail.url);
      figures.push(
        figure(`${name}: server RSS`, 'MB', rss / 1e6, null),
        figure(`${name}: RSS per cached pod`, 'kB', rss / size.pods / 1e3, null),
        figure(`${name}: JS heap in use`, 'MB', memory.heapUsed / 1e6, null),
        figure(`${name}: external (PGlite)`, 'MB', memory.external / 1e6, null),
      );
      const board = await serverTime(
        `${podtrail.url}/api/board`,
        config.concurrentViewers,
        30_000,
        {
          everyMs: 1_000,
          streamUrl: `${podtrail.url}/api/stream?scope=board`,
        },
      );
      const viewers = `${config.concurrentViewers} viewers (each follows the stream, loads once a second)`;
      figures.push(
        figure(`${name}: board p50, ${viewers}`, 'ms', board.p50, null),
        figure(`${name}: board p95, ${viewers}`, 'ms', board.p95, null, atMost(100, 'ms')),
        figure(`${name}: server RSS after the board part`, 'MB', treeRss(podtrail.pid) / 1e6, null),
      );
    });
  } finally {
    for (const child of started.reverse()) await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const self = process.argv[1] ?? 'bench/run.ts';
  const child = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--expose-gc', '--import', 'tsx', self, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      // The bench reports; it does not fail anything.
      console.error(error);
      process.exit(0);
    },
  );
}
