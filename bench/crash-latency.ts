// Crash → SSE client latency: a viewer follows one pod; the sandbox crashes its running container
// and we time until the stream shows that container run terminated.
import type { LiveMessage } from '../lib/views/types';
import { startBenchEnv, until } from './bench-env';
import { openViewer } from './sse-harness';

const ns = 'oom-no-limit';

function runs(message: LiveMessage | undefined) {
  if (message?.type !== 'pod') return [];
  return message.data.diagnosis.containers.flatMap((c) => c.runs);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Follows one pod over SSE; resolves when a given container run shows up terminated. */
function followPod(streamUrl: string, pod: string) {
  let last: LiveMessage | undefined;
  let waiting: { containerID: string; resolve: (at: number) => void } | undefined;
  const url = `${streamUrl}?scope=pod&cluster=sandbox&namespace=${ns}&pod=${pod}`;
  const viewer = openViewer(url, (message, at) => {
    if (message.type !== 'pod') return;
    last = message;
    const id = waiting?.containerID;
    if (waiting && runs(message).some((r) => r.containerID === id && r.state === 'terminated')) {
      waiting.resolve(at);
      waiting = undefined;
    }
  });
  return {
    close: () => viewer.close(),
    /** The running container run, once the stream shows one. */
    async running(): Promise<string> {
      const isRunning = () => runs(last).find((r) => r.state === 'running' && r.containerID);
      await until(() => Boolean(isRunning()), 30_000, 'a running container');
      return isRunning()?.containerID ?? '';
    },
    terminated(containerID: string): Promise<number> {
      return new Promise((resolve) => (waiting = { containerID, resolve }));
    },
  };
}

/** Prints p50/p95/max of crash → SSE latency over `count` crashes. */
export async function benchCrashLatency(count: number): Promise<void> {
  const env = await startBenchEnv({
    scenarios: [ns],
    backoff: { initialMs: 100, maxMs: 200, resetMs: 600_000 },
  });
  try {
    const pod = env.sandbox.control.crash(ns)[0];
    if (!pod) throw new Error('bench: no running pod to crash');
    const follower = followPod(env.streamUrl, pod);
    const latencies: number[] = [];
    while (latencies.length < count) {
      const arrived = follower.terminated(await follower.running());
      const t0 = performance.now();
      if (env.sandbox.control.crash(ns, pod).length === 0) continue;
      latencies.push((await arrived) - t0);
    }
    follower.close();
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `crash→SSE over ${sorted.length} crashes: p50=${percentile(sorted, 50).toFixed(0)}ms  ` +
        `p95=${percentile(sorted, 95).toFixed(0)}ms  max=${(sorted.at(-1) ?? NaN).toFixed(0)}ms`,
    );
  } finally {
    await env.stop();
  }
}
