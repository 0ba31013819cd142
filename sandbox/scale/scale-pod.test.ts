import { describe, expect, it } from 'vitest';
import { Rng } from '../sim/rng';
import { ImageDigests, PROXY_IMAGE, scalePod } from './scale-pod';

interface Status {
  name: string;
  image: string;
  imageID: string;
}

function replicaSet(digests: ImageDigests, app: string, image: string, count: number) {
  const rng = new Rng(7);
  return Array.from({ length: count }, (_, i) =>
    scalePod({
      namespace: 'team-001',
      app,
      name: `${app}-abc-${i}`,
      hash: 'abc',
      node: 'scale-node-0001',
      hostIP: '10.20.0.1',
      podIP: `10.100.0.${i + 1}`,
      owner: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-abc`, uid: app },
      image,
      digests,
      created: 0,
      rng,
    }),
  );
}

const statuses = (pod: ReturnType<typeof scalePod>): Status[] => {
  const status = pod.status as { containerStatuses: Status[]; initContainerStatuses: Status[] };
  return [...status.initContainerStatuses, ...status.containerStatuses];
};

describe('scalePod', () => {
  it('gives every pod of a ReplicaSet the same digest per image, as one registry pull does', () => {
    const digests = new ImageDigests(new Rng(1));
    const image = 'registry.example.com/team-001/svc-01:1.4.2';
    const pods = replicaSet(digests, 'svc-01', image, 5);
    const ids = new Map<string, Set<string>>();
    for (const pod of pods) {
      for (const s of statuses(pod)) {
        ids.set(s.name, (ids.get(s.name) ?? new Set()).add(s.imageID));
      }
    }
    expect([...ids.keys()].sort()).toEqual(['app', 'migrate', 'proxy']);
    for (const set of ids.values()) expect(set.size).toBe(1);
    const [app] = ids.get('app') ?? [];
    const [migrate] = ids.get('migrate') ?? [];
    const [proxy] = ids.get('proxy') ?? [];
    expect(app).toMatch(/^registry\.example\.com\/team-001\/svc-01@sha256:[0-9a-f]{64}$/);
    expect(migrate).toBe(app);
    expect(proxy).toMatch(/^docker\.io\/envoyproxy\/envoy@sha256:[0-9a-f]{64}$/);
  });

  it('runs the image it is given, and another image resolves to another digest', () => {
    const digests = new ImageDigests(new Rng(1));
    const one = replicaSet(digests, 'svc-01', 'registry.example.com/t/svc-01:1.0.0', 2);
    const two = replicaSet(digests, 'svc-02', 'registry.example.com/t/svc-02:1.0.0', 2);
    const appOf = (pod: ReturnType<typeof scalePod>) => statuses(pod).find((s) => s.name === 'app');
    expect(appOf(one[0]!)?.image).toBe('registry.example.com/t/svc-01:1.0.0');
    expect(appOf(one[0]!)?.imageID).not.toBe(appOf(two[0]!)?.imageID);
    const proxies = [...one, ...two].map((p) => statuses(p).find((s) => s.name === 'proxy'));
    expect(new Set(proxies.map((s) => s?.imageID)).size).toBe(1);
    expect(proxies[0]?.image).toBe(PROXY_IMAGE);
  });

  it('keeps a registry port out of the repository’s tag', () => {
    const digests = new ImageDigests(new Rng(1));
    expect(digests.imageID('registry.local:5000/app:2')).toMatch(/^registry\.local:5000\/app@/);
    expect(digests.imageID('registry.local:5000/app')).toMatch(/^registry\.local:5000\/app@/);
  });
});
