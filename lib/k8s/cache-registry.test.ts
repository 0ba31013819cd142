import { afterEach, describe, expect, it } from 'vitest';
import { CacheRegistry } from './cache-registry';
import type { Scheduler, TimerHandle } from './scheduler';
import { startSandboxCluster, waitFor, type SandboxCluster } from './test-support/sandbox-cluster';

/** Real timers, except the registry's grace period, which the test fires by hand. */
function manualGrace(): Scheduler & { fireGrace(): void } {
  const pending = new Set<{ fn: () => void; ms: number }>();
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      if (ms < 60_000) return { id: setTimeout(fn, ms) };
      const entry = { fn, ms };
      pending.add(entry);
      return { id: entry };
    },
    clearTimeout(handle: TimerHandle | undefined) {
      if (!handle) return;
      if (pending.has(handle.id as { fn: () => void; ms: number }))
        pending.delete(handle.id as never);
      else clearTimeout(handle.id as ReturnType<typeof setTimeout>);
    },
    fireGrace() {
      for (const entry of [...pending]) {
        pending.delete(entry);
        entry.fn();
      }
    },
  };
}

let env: SandboxCluster | undefined;
afterEach(async () => {
  await env?.stop();
  env = undefined;
});

describe('CacheRegistry', () => {
  it('shares one cache per key, starts it on first use and stops it a grace period after the last', async () => {
    env = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
    const scheduler = manualGrace();
    // One contact probe (at start; the next, in 59 s, on a real timer this test never reaches).
    const registry = new CacheRegistry({
      clusters: [env.cluster],
      scheduler,
      graceMs: 60_000,
      probeIntervalMs: 59_000,
    });
    expect(env.sandbox.stats().requests.list).toBe(0);
    const leases = Array.from({ length: 50 }, () =>
      registry.acquire({ cluster: 'sandbox', resource: 'pods' }),
    );
    expect(new Set(leases.map((l) => l.cache)).size).toBe(1);
    await leases[0]!.cache.whenSynced();
    await waitFor(() => env!.sandbox.stats().openWatches === 1);
    for (const lease of leases) lease.release();
    expect(registry.running()).toHaveLength(1);
    const again = registry.acquire({ cluster: 'sandbox', resource: 'pods' });
    again.release();
    scheduler.fireGrace();
    expect(registry.running()).toHaveLength(0);
    await waitFor(() => env!.sandbox.stats().openWatches === 0, 5_000, 'watch closed');
    // One list of the pods, one of the namespaces named kube-system (the contact probe).
    expect(env.sandbox.stats().requests).toMatchObject({ list: 2, watch: 1 });
  });
});
