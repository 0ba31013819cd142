// N concurrent SSE viewers of the board; what the sandbox's API server saw.
import { startBenchEnv, until } from './bench-env';
import { openViewer } from './sse-harness';

/** Prints the sandbox request counters after N viewers watched the live board for 5 s. */
export async function benchViewers(count: number): Promise<void> {
  const env = await startBenchEnv({ scenarios: 'all' });
  try {
    const viewers = Array.from({ length: count }, () => openViewer(`${env.streamUrl}?scope=board`));
    const started = performance.now();
    await until(
      () => viewers.every((v) => v.messages.some((m) => m.message.type === 'board')),
      30_000,
      'first board',
    );
    const firstBoardMs = performance.now() - started;
    env.sandbox.control.crash('oom-no-limit');
    await new Promise((r) => setTimeout(r, 5_000));
    const stats = env.sandbox.stats();
    const messages = viewers.reduce((n, v) => n + v.messages.length, 0);
    for (const v of viewers) v.close();
    console.log(
      `viewers=${String(count).padStart(2)}  list=${stats.requests.list}  watch=${stats.requests.watch}  ` +
        `get=${stats.requests.get}  log=${stats.requests.log}  total=${stats.requests.total}  ` +
        `openWatches=${stats.openWatches}  messages=${messages}  firstBoard=${firstBoardMs.toFixed(0)}ms`,
    );
  } finally {
    await env.stop();
  }
}
