import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigMap, Event, LimitRange, Namespace, Node, Pod } from 'kubernetes-models/v1';
import { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { Event as EventV1 } from 'kubernetes-models/events.k8s.io/v1';
import { SCENARIOS, startSandbox, type Sandbox } from '../index';

type Any = Record<string, any>;
let sb: Sandbox;

const get = async (p: string) => (await (await fetch(sb.url + p)).json()) as Any;
const items = async (p: string, kind: string, apiVersion: string) =>
  ((await get(p)).items as Any[]).map((o): Any => ({ kind, apiVersion, ...o }));
const pods = async (ns: string) => items(`/api/v1/namespaces/${ns}/pods`, 'Pod', 'v1');
const events = async (ns: string) => items(`/api/v1/namespaces/${ns}/events`, 'Event', 'v1');
const status = (pod: Any) => pod.status.containerStatuses[0] as Any;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, scenarios: 'all' });
});
afterAll(() => sb.stop());

describe('every object validates against the Kubernetes OpenAPI schemas', () => {
  const cases: [string, string, string, new (o: any) => { validate(): void }][] = [
    ['/api/v1/namespaces', 'Namespace', 'v1', Namespace],
    ['/api/v1/nodes', 'Node', 'v1', Node],
    ['/api/v1/pods', 'Pod', 'v1', Pod],
    ['/api/v1/events', 'Event', 'v1', Event],
    ['/api/v1/configmaps', 'ConfigMap', 'v1', ConfigMap],
    ['/api/v1/limitranges', 'LimitRange', 'v1', LimitRange],
    ['/apis/apps/v1/deployments', 'Deployment', 'apps/v1', Deployment],
    ['/apis/apps/v1/replicasets', 'ReplicaSet', 'apps/v1', ReplicaSet],
    ['/apis/apps/v1/statefulsets', 'StatefulSet', 'apps/v1', StatefulSet],
    ['/apis/apps/v1/daemonsets', 'DaemonSet', 'apps/v1', DaemonSet],
    ['/apis/batch/v1/jobs', 'Job', 'batch/v1', Job],
  ];
  it.each(cases)('%s', async (path, kind, apiVersion, Model) => {
    const objs = await items(path, kind, apiVersion);
    expect(objs.length).toBeGreaterThan(0);
    for (const o of objs)
      expect(
        () => new Model(o).validate(),
        `${kind} ${o.metadata.namespace}/${o.metadata.name}`,
      ).not.toThrow();
  });

  it('events.k8s.io/v1 (events from the scheduler, which carry eventTime)', async () => {
    const objs = (await items('/apis/events.k8s.io/v1/events', 'Event', 'events.k8s.io/v1')).filter(
      (e) => e.eventTime,
    );
    expect(objs.length).toBeGreaterThan(0);
    for (const o of objs) expect(() => new EventV1(o as any).validate()).not.toThrow();
  });

  it('names every scenario namespace after its scenario', async () => {
    const names = (await get('/api/v1/namespaces')).items.map((n: Any) => n.metadata.name);
    expect(names).toEqual(expect.arrayContaining(SCENARIOS));
  });
});

describe('scenarios start mid-incident', () => {
  it('rollback-hides-cause: revisions with a rollback, a crash-looping 1.8.1 pod and the env var in its log', async () => {
    const rs = await items(
      '/apis/apps/v1/namespaces/rollback-hides-cause/replicasets',
      'ReplicaSet',
      'apps/v1',
    );
    const byRev = new Map(
      rs.map((r) => [r.metadata.annotations['deployment.kubernetes.io/revision'], r]),
    );
    expect(byRev.get('5')?.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe(
      '3',
    );
    expect(byRev.get('5')?.spec.template.spec.containers[0].image).toBe('acme/auth-service:1.7.2');
    expect(
      byRev.get('6')?.spec.template.spec.containers[0].env.map((e: Any) => e.name),
    ).not.toContain('AUTH_JWKS_URL');
    for (const r of rs) {
      expect(r.metadata.ownerReferences[0]).toMatchObject({
        kind: 'Deployment',
        name: 'auth',
        controller: true,
      });
      expect(r.metadata.name).toBe(`auth-${r.metadata.labels['pod-template-hash']}`);
    }
    const scaling = (await events('rollback-hides-cause'))
      .filter((e) => e.reason === 'ScalingReplicaSet')
      .map((e) => e.message);
    expect(scaling).toContain(`Scaled up replica set ${byRev.get('6')?.metadata.name} to 1`);
    expect(scaling).toContain(
      `Scaled down replica set ${byRev.get('4')?.metadata.name} to 0 from 1`,
    );
    const crashing = (await pods('rollback-hides-cause')).find((p) => status(p).restartCount > 0);
    expect(crashing?.metadata.ownerReferences[0].name).toBe(byRev.get('6')?.metadata.name);
    const log = await (
      await fetch(
        `${sb.url}/api/v1/namespaces/rollback-hides-cause/pods/${crashing?.metadata.name}/log?previous=true`,
      )
    ).text();
    const lines = log.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(6);
    expect(lines).toContain('Error: missing required env AUTH_JWKS_URL');
  });

  it('delete-resets-backoff: replaced pods leave Killing/Scheduled events for several UIDs', async () => {
    const evs = await events('delete-resets-backoff');
    const uids = new Set(
      evs.filter((e) => e.involvedObject.kind === 'Pod').map((e) => e.involvedObject.uid),
    );
    expect(uids.size).toBeGreaterThanOrEqual(5);
    const creates = evs.filter((e) => e.reason === 'SuccessfulCreate');
    expect(creates.length).toBeGreaterThanOrEqual(5);
    const [pod] = await pods('delete-resets-backoff');
    expect(status(pod!).restartCount).toBeLessThan(6);
  });

  it('stale-image-new-config: two nodes run two digests of the same tag, the tag points at one of them', async () => {
    const ps = await pods('stale-image-new-config');
    expect(new Set(ps.map((p) => p.spec.nodeName)).size).toBe(2);
    const ids = new Set(ps.map((p) => status(p).imageID));
    expect(ids.size).toBe(2);
    const res = await fetch(`${sb.url}/v2/acme/billing/manifests/main`, {
      method: 'HEAD',
      headers: { accept: 'application/vnd.oci.image.index.v1+json' },
    });
    const digest = res.headers.get('docker-content-digest');
    expect([...ids]).toContain(`docker.io/acme/billing@${digest}`);
    for (const p of ps) {
      expect(status(p).image).toBe('docker.io/acme/billing:main');
      expect(status(p).lastState.terminated.exitCode).toBe(1);
    }
    const cm = await get('/api/v1/namespaces/stale-image-new-config/configmaps/billing-config');
    expect(cm.data['config.yaml']).toContain('batchWindow');
  });

  it('oom-no-limit: OOMKilled 137 with no limits, and node OOMKilling events', async () => {
    const [pod] = await pods('oom-no-limit');
    expect(pod!.spec.containers[0].resources).toEqual({});
    expect(status(pod!).lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    const nodeEvents = (await events('default')).filter((e) => e.involvedObject.kind === 'Node');
    expect(nodeEvents.map((e) => `${e.source.component}/${e.reason}`)).toEqual(
      expect.arrayContaining(['kernel-monitor/OOMKilling', 'kubelet/SystemOOM']),
    );
  });

  it('healthy: every pod ready or completed, no restarts', async () => {
    for (const p of await pods('healthy')) {
      expect(status(p).restartCount).toBe(0);
      expect(['Running', 'Succeeded']).toContain(p.status.phase);
    }
  });

  it('liveness-slow-start: killed by SIGKILL after the probe, reason Error not OOMKilled, no startupProbe', async () => {
    const [pod] = await pods('liveness-slow-start');
    expect(pod!.spec.containers[0].startupProbe).toBeUndefined();
    expect(status(pod!).lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    const reasons = (await events('liveness-slow-start')).map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Unhealthy', 'Killing', 'BackOff']));
  });

  it('image-tag-missing: pull errors with the registry not knowing the tag', async () => {
    const waiting = (await pods('image-tag-missing'))
      .map((p) => status(p).state.waiting)
      .filter(Boolean);
    expect(waiting[0]).toMatchObject({
      reason: expect.stringMatching(/^(ErrImagePull|ImagePullBackOff)$/),
    });
    const res = await fetch(`${sb.url}/v2/acme/frontend/manifests/2.3.1`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as Any).errors[0]).toMatchObject({
      code: 'MANIFEST_UNKNOWN',
      message: 'manifest unknown',
    });
  });

  it('missing-config-key: CreateContainerConfigError with the kubelet message', async () => {
    const waiting = (await pods('missing-config-key'))
      .map((p) => status(p).state.waiting)
      .find(Boolean);
    expect(waiting).toEqual({
      reason: 'CreateContainerConfigError',
      message: "couldn't find key smtp.host in ConfigMap missing-config-key/notifier-config",
    });
  });

  it('exits-zero: Completed with exit 0 under restartPolicy Always', async () => {
    const [pod] = await pods('exits-zero');
    expect(pod!.spec.restartPolicy).toBe('Always');
    expect(status(pod!).lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('rejects an unknown scenario name with the list of valid ones', async () => {
    await expect(startSandbox({ scenarios: ['nope'] })).rejects.toThrow(
      `unknown scenario "nope"; valid scenarios: ${SCENARIOS.join(', ')}`,
    );
  });
});
