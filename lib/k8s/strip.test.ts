import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripObject } from './strip';

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, '../diagnosis/fixtures', name), 'utf8')) as Record<
    string,
    unknown
  >;

describe('stripObject', () => {
  it('drops managedFields and the last-applied annotation without touching the input', () => {
    const pod = {
      metadata: {
        name: 'api-1',
        managedFields: [{ manager: 'kubectl' }],
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
      },
    };
    const stripped = stripObject(pod);
    expect(stripped).toEqual({ metadata: { name: 'api-1' } });
    expect(pod.metadata.managedFields).toHaveLength(1);
  });

  it('keeps only the annotations Podtrail reads', () => {
    const rs = {
      metadata: {
        name: 'web-5d9c',
        annotations: {
          'deployment.kubernetes.io/revision': '3',
          'deployment.kubernetes.io/revision-history': '1',
          'podtrail.dev/expected-digest.app': 'sha256:ab',
          'kubernetes.io/change-cause': 'kubectl set image',
          'prometheus.io/scrape': 'true',
          'ci.example.com/pipeline': 'https://ci.example.com/1',
        },
      },
    };
    expect(Object.keys(stripObject(rs).metadata.annotations ?? {})).toEqual([
      'deployment.kubernetes.io/revision',
      'deployment.kubernetes.io/revision-history',
      'podtrail.dev/expected-digest.app',
      'kubernetes.io/change-cause',
    ]);
  });

  it('keeps the spec and status diagnosis reads, minus the status copy of volume mounts', () => {
    const pod = fixture('oom-killed-no-limit.pod.json');
    const stripped = stripObject(pod) as typeof pod;
    expect(stripped.spec).toEqual(pod.spec);
    type Status = { containerStatuses: Array<Record<string, unknown>> };
    const before = (pod.status as Status).containerStatuses[0]!;
    const after = (stripped.status as Status).containerStatuses[0]!;
    expect(before.volumeMounts).toBeDefined();
    const { volumeMounts: _mounts, ...rest } = before;
    expect(after).toEqual(rest);
    expect({ ...(stripped.status as object), containerStatuses: [] }).toEqual({
      ...(pod.status as object),
      containerStatuses: [],
    });
  });

  it('holds the containers, volumes and tolerations of equal pods once, frozen', () => {
    type Spec = { containers: Array<{ name: string; image: string }>; volumes: unknown[] };
    const pod = fixture('oom-killed-no-limit.pod.json');
    const sibling = structuredClone(pod);
    (sibling.metadata as { name: string }).name = 'sibling';
    (sibling.spec as { nodeName: string }).nodeName = 'another-node';
    const other = structuredClone(pod);
    (other.spec as Spec).containers[0]!.image = 'registry.example.com/other:2';
    const [a, b, c] = [pod, sibling, other].map((p) => stripObject(p).spec as Spec);
    expect(a!.containers).toBe(b!.containers);
    expect(a!.volumes).toBe(b!.volumes);
    expect(a).not.toBe(b);
    expect((b as unknown as { nodeName: string }).nodeName).toBe('another-node');
    expect(c!.containers).not.toBe(a!.containers);
    expect(c!.containers[0]!.image).toBe('registry.example.com/other:2');
    expect(a!.volumes).toBe(c!.volumes);
    // The shared copy is frozen and is never the caller's own object.
    expect(Object.isFrozen(a!.containers[0])).toBe(true);
    expect(a!.containers).not.toBe((pod.spec as Spec).containers);
    expect(Object.isFrozen((pod.spec as Spec).containers)).toBe(false);
    expect(a).toEqual(pod.spec);
  });
});
