import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDUCED_BACKOFF, startSandbox, type Sandbox } from '../index';

type Any = Record<string, any>;

interface Sample {
  at: number;
  uid: string;
  name: string;
  cs: Any;
}

/** Steps the virtual clock 1s at a time and records every distinct container status. */
async function record(sb: Sandbox, namespace: string, seconds: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  let last = '';
  for (let i = 0; i < seconds; i++) {
    sb.control.advance(1_000);
    const list = (await (
      await fetch(`${sb.url}/api/v1/namespaces/${namespace}/pods`)
    ).json()) as Any;
    for (const pod of list.items as Any[]) {
      if (pod.metadata.deletionTimestamp) continue;
      const cs = pod.status?.containerStatuses?.[0];
      if (!cs) continue;
      const key = `${pod.metadata.uid}${JSON.stringify(cs)}`;
      if (key !== last)
        samples.push({ at: sb.now(), uid: pod.metadata.uid, name: pod.metadata.name, cs });
      last = key;
    }
  }
  return samples;
}

const secs = (iso: string) => Date.parse(iso) / 1000;

describe('kubelet crash loop (delete-resets-backoff, played live)', () => {
  let sb: Sandbox;
  let samples: Sample[];

  beforeAll(async () => {
    sb = await startSandbox({ port: 0, scenarios: ['delete-resets-backoff'], historyMs: 0 });
    samples = await record(sb, 'delete-resets-backoff', 380);
  });
  afterAll(() => sb.stop());

  it('writes the kubelet waiting message with the doubling delay in Go format', () => {
    const first = samples[0];
    const messages = [
      ...new Set(
        samples
          .filter((s) => s.uid === first?.uid)
          .map((s) => s.cs.state.waiting?.message)
          .filter(Boolean),
      ),
    ];
    const pod = `${first?.name}_delete-resets-backoff(${first?.uid})`;
    expect(messages).toEqual(
      ['10s', '20s', '40s', '1m20s', '2m40s'].map(
        (d) => `back-off ${d} restarting failed container=worker pod=${pod}`,
      ),
    );
  });

  it('restarts the first crash at once and later ones no sooner than the back-off after finishedAt', () => {
    const first = samples[0]?.uid;
    const running = samples.filter(
      (s) => s.uid === first && s.cs.state.running && s.cs.lastState.terminated,
    );
    const gaps = new Map<number, number>();
    for (const s of running)
      gaps.set(
        s.cs.restartCount,
        secs(s.cs.state.running.startedAt) - secs(s.cs.lastState.terminated.finishedAt),
      );
    expect(gaps.get(1)).toBeLessThanOrEqual(2);
    for (const [count, delay] of [
      [2, 10],
      [3, 20],
      [4, 40],
      [5, 80],
    ] as const) {
      expect(gaps.get(count)).toBeGreaterThanOrEqual(delay);
      expect(gaps.get(count)).toBeLessThanOrEqual(delay + 16);
    }
  });

  it('shows the dead instance in lastState while waiting, with the top-level containerID equal to it', () => {
    const waiting = samples.filter((s) => s.cs.state.waiting?.reason === 'CrashLoopBackOff');
    expect(waiting.length).toBeGreaterThan(3);
    for (const s of waiting) {
      expect(s.cs.containerID).toBe(s.cs.lastState.terminated.containerID);
      expect(s.cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
      expect(s.cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
      expect(s.cs).toMatchObject({ ready: false, started: false });
    }
  });

  it('starts the curve over for the replacement pod after someone deletes the pod', () => {
    const uids = [...new Set(samples.map((s) => s.uid))];
    expect(uids.length).toBe(2);
    const replacement = samples.filter((s) => s.uid === uids[1]);
    expect(replacement[0]?.cs.restartCount).toBe(0);
    const messages = replacement.map((s) => s.cs.state.waiting?.message).filter(Boolean);
    expect(messages[0]).toMatch(/^back-off 10s restarting failed container=worker pod=.*\(.+\)$/);
    expect(messages[0]).toContain(uids[1]);
  });
});

describe('kubelet restart', () => {
  let sb: Sandbox;
  afterAll(() => sb.stop());

  it('starts every back-off curve over (the map lives in memory only)', async () => {
    sb = await startSandbox({ port: 0, scenarios: ['exits-zero'], historyMs: 40 * 60_000 });
    const before = await record(sb, 'exits-zero', 2);
    const message = (s: Sample | undefined) => s?.cs.state.waiting?.message ?? '';
    expect(before.at(-1)?.cs.restartCount).toBeGreaterThan(6);
    sb.control.restartKubelet();
    const after = await record(sb, 'exits-zero', 400);
    const restarted = after.findIndex((s) => s.cs.state.running);
    expect(restarted).toBeGreaterThanOrEqual(0);
    // The old waiting message said 5m0s; the first one after the restart starts the curve again.
    expect(message(before.at(-1))).toContain('back-off 5m0s');
    const delays = after
      .slice(restarted)
      .map((s) => /^back-off (\S+) /.exec(message(s))?.[1])
      .filter(Boolean);
    expect(delays[0]).toBe('10s');
  });
});

describe('kubelet with KEP-4603 reduced back-off (exits-zero)', () => {
  let sb: Sandbox;
  let samples: Sample[];

  beforeAll(async () => {
    sb = await startSandbox({
      port: 0,
      scenarios: ['exits-zero'],
      historyMs: 0,
      backoff: REDUCED_BACKOFF,
    });
    samples = await record(sb, 'exits-zero', 150);
  });
  afterAll(() => sb.stop());

  it('crashes on demand with a chosen exit code', async () => {
    let crashed: string[] = [];
    for (let i = 0; i < 400 && !crashed.length; i++) {
      const res = await fetch(`${sb.url}/sandbox/control/crash?namespace=exits-zero&exitCode=139`, {
        method: 'POST',
      });
      crashed = ((await res.json()) as { crashed: string[] }).crashed;
      if (!crashed.length) sb.control.advance(500);
    }
    expect(crashed).toHaveLength(1);
    sb.control.advance(1);
    const pod = (await (
      await fetch(`${sb.url}/api/v1/namespaces/exits-zero/pods/${crashed[0]}`)
    ).json()) as Any;
    const cs = pod.status.containerStatuses[0];
    expect(cs.state.terminated ?? cs.lastState.terminated).toMatchObject({
      exitCode: 139,
      reason: 'Error',
    });
  });

  it('prints the reduced delays 1s, 2s, 4s, 8s', () => {
    const delays = [
      ...new Set(
        samples
          .map((s) => /^back-off (\S+) /.exec(s.cs.state.waiting?.message ?? '')?.[1])
          .filter(Boolean),
      ),
    ];
    expect(delays.slice(0, 4)).toEqual(['1s', '2s', '4s', '8s']);
  });

  it('reports exit 0 as Completed and keeps the pod phase Running', async () => {
    const completed = samples.find((s) => s.cs.lastState.terminated?.exitCode === 0);
    expect(completed?.cs.lastState.terminated.reason).toBe('Completed');
    const list = (await (await fetch(`${sb.url}/api/v1/namespaces/exits-zero/pods`)).json()) as Any;
    expect(list.items[0].status.phase).toBe('Running');
  });
});
