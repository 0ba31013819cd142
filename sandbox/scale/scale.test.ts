import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index';

interface PodJson {
  metadata: {
    name: string;
    namespace: string;
    managedFields?: unknown[];
    ownerReferences: Array<{ uid: string }>;
  };
  spec: { containers: Array<{ name: string; image: string; env?: unknown[] }> };
  status: {
    containerStatuses: Array<{
      name: string;
      image: string;
      imageID: string;
      restartCount: number;
      state: { waiting?: { reason: string } };
    }>;
  };
}

interface ReplicaSetJson {
  metadata: { uid: string; namespace: string };
  spec: { template: { spec: { containers: Array<{ name: string; image: string }> } } };
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    scenarios: ['healthy'],
    scale: { pods: 200, namespaces: 4, nodes: 10 },
  });
});
afterAll(() => sandbox.stop());

async function teamPods(): Promise<PodJson[]> {
  const list = (await (await fetch(`${sandbox.url}/api/v1/pods`)).json()) as { items: PodJson[] };
  return list.items.filter((p) => p.metadata.namespace.startsWith('team-'));
}

describe('scale mode', () => {
  it('grows the cluster with pods the size and shape of real ones, 2% crash-looping', async () => {
    const pods = await teamPods();
    expect(pods).toHaveLength(200);
    expect(new Set(pods.map((p) => p.metadata.namespace)).size).toBe(4);
    const nodes = (await (await fetch(`${sandbox.url}/api/v1/nodes`)).json()) as {
      items: unknown[];
    };
    expect(nodes.items.length).toBe(10 + 3);
    for (const pod of pods) {
      expect(pod.metadata.managedFields?.length).toBe(2);
      expect(pod.spec.containers.length).toBeGreaterThanOrEqual(2);
      expect(pod.spec.containers[0]?.env?.length).toBeGreaterThanOrEqual(20);
    }
    const looping = pods.filter(
      (p) => p.status.containerStatuses[0]?.state.waiting?.reason === 'CrashLoopBackOff',
    );
    expect(looping).toHaveLength(4);
    const bytes = JSON.stringify(pods[0]).length;
    expect(bytes).toBeGreaterThan(8_000);
  });

  it('runs each ReplicaSet’s template image at one digest per container, in every pod', async () => {
    const pods = await teamPods();
    const sets = (await (await fetch(`${sandbox.url}/apis/apps/v1/replicasets`)).json()) as {
      items: ReplicaSetJson[];
    };
    const teamSets = sets.items.filter((r) => r.metadata.namespace.startsWith('team-'));
    expect(teamSets).toHaveLength(40);
    for (const rs of teamSets) {
      const own = pods.filter((p) => p.metadata.ownerReferences[0]?.uid === rs.metadata.uid);
      expect(own).toHaveLength(5);
      for (const container of rs.spec.template.spec.containers) {
        const statuses = own.map((p) =>
          p.status.containerStatuses.find((s) => s.name === container.name),
        );
        expect(new Set(statuses.map((s) => s?.image))).toEqual(new Set([container.image]));
        expect(new Set(statuses.map((s) => s?.imageID)).size).toBe(1);
      }
    }
    const appDigests = new Set(pods.map((p) => p.status.containerStatuses[0]?.imageID));
    expect(appDigests.size).toBe(40);
  });

  it('cycles the crash loops with the kubelet’s events, and the controllers leave the pods alone', async () => {
    const before = await teamPods();
    const restarts = (pods: PodJson[]) =>
      pods.reduce((n, p) => n + (p.status.containerStatuses[0]?.restartCount ?? 0), 0);
    sandbox.control.advance(320_000);
    const after = await teamPods();
    expect(after.map((p) => p.metadata.name).sort()).toEqual(
      before.map((p) => p.metadata.name).sort(),
    );
    expect(restarts(after)).toBeGreaterThanOrEqual(restarts(before) + 4);
    expect(restarts(after)).toBeLessThanOrEqual(restarts(before) + 8);
    const events = (await (await fetch(`${sandbox.url}/api/v1/events`)).json()) as {
      items: Array<{ reason: string; involvedObject: { namespace: string } }>;
    };
    const backOff = events.items.filter(
      (e) => e.reason === 'BackOff' && e.involvedObject.namespace.startsWith('team-'),
    );
    expect(backOff.length).toBeGreaterThanOrEqual(4);
  });
});
