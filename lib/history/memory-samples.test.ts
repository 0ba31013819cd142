import { describe, expect, it } from 'vitest';
import crashLooping from './fixtures/crash-looping.pod.json';
import podMetrics from './fixtures/shop.podmetrics.json';
import { parseQuantity, type PodLike } from '../diagnosis';
import { isCrashLooping, namespacesToSample, samplesToKeep } from './memory-samples';

const NOW = Date.parse('2026-11-25T08:13:05Z');
const MiB = 2 ** 20;

// Two more pods of the namespace: `cart` runs at 118Mi of its 128Mi limit (92 %), `search` idles.
function runningPod(name: string, container: string, limit?: string): PodLike {
  return {
    metadata: { name, namespace: 'shop', uid: `uid-${container}` },
    spec: {
      containers: [
        { name: container, ...(limit ? { resources: { limits: { memory: limit } } } : {}) },
      ],
    },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: container,
          restartCount: 0,
          state: { running: { startedAt: '2026-11-25T06:00:00Z' } },
        },
      ],
    },
  };
}
const pods: PodLike[] = [
  crashLooping,
  runningPod('cart-5f6d7c8b9a-q1w2e', 'cart', '128Mi'),
  runningPod('search-6b7c8d9e0f-a9s8d', 'search', '512Mi'),
];
// What PodMetricsReader.podsUsage makes of the list: bytes per container, as Quantity.Value().
const usage = podMetrics.items.map((m) => ({
  namespace: m.metadata.namespace,
  pod: m.metadata.name,
  at: m.timestamp,
  bytes: Object.fromEntries(m.containers.map((c) => [c.name, parseQuantity(c.usage.memory) ?? 0])),
}));

describe('memory samples', () => {
  it('keeps crash-looping pods and pods near their limit, each under its uid and the metrics time', () => {
    const rows = samplesToKeep(pods, usage, NOW);
    expect(rows).toEqual([
      {
        podUid: crashLooping.metadata.uid,
        container: 'checkout',
        at: Date.parse('2026-11-25T08:12:51Z'),
        bytes: 190316 * 1024,
        limitBytes: undefined,
      },
      {
        podUid: 'uid-cart',
        container: 'cart',
        at: Date.parse('2026-11-25T08:12:49Z'),
        bytes: 120832 * 1024,
        limitBytes: 128 * MiB,
      },
    ]);
    // The sandbox and metrics-server never report more than the limit: reaching it is an OOM kill.
    for (const r of rows) if (r.limitBytes) expect(r.bytes).toBeLessThan(r.limitBytes);
  });

  it('reads only namespaces with a crash-looping pod, and stops counting a crash after 30 min', () => {
    expect(isCrashLooping(crashLooping, NOW)).toBe(true);
    expect(namespacesToSample(pods, NOW)).toEqual(['shop']);
    expect(namespacesToSample(pods.slice(1), NOW)).toEqual([]);
    const recovered: PodLike = {
      ...crashLooping,
      status: {
        containerStatuses: [
          {
            name: 'checkout',
            restartCount: 5,
            state: { running: { startedAt: '2026-11-25T08:12:00Z' } },
            lastState: { terminated: { exitCode: 1, finishedAt: '2026-11-25T08:11:50Z' } },
          },
        ],
      },
    };
    expect(isCrashLooping(recovered, NOW)).toBe(true);
    expect(isCrashLooping(recovered, NOW + 31 * 60_000)).toBe(false);
  });
});
