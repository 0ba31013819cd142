/**
 * Scale mode (`--pods N --namespaces N --nodes N`): grows the sandbox into a large cluster for
 * `npm run bench`. Nodes, Deployments, their ReplicaSets and pods are written straight into the
 * store, consistent with what the controllers expect (so they leave them alone), on nodes no
 * simulated kubelet runs: the pods stay as written except for the 2% that crash-loop, whose app
 * container this module cycles through run → exit 1 → CrashLoopBackOff at the kubelet's maximum
 * back-off (5 minutes, kuberuntime_manager.go MaxContainerBackOff), with the kubelet's events.
 * A background of other events (readiness probe failures) keeps the event rate realistic.
 */
import type { PodTemplate } from '../controllers/deployment-controller';
import { DeploymentController, templateHash } from '../controllers/deployment-controller';
import type { Cluster } from '../cluster/cluster';
import { nodeObject } from '../cluster/nodes';
import { rfc3339 } from '../sim/time-format';
import type { KObject } from '../store/types';
import { crashStatus, ImageDigests, PROXY_IMAGE, scalePod } from './scale-pod';

/** How big the cluster grows. */
export interface ScaleOptions {
  pods: number;
  namespaces: number;
  nodes: number;
  /** Share of pods crash-looping (default 0.02). */
  crashLoopingShare?: number;
  /** Background events per second besides the crash loops' own (default 2). */
  eventsPerSecond?: number;
  /** Replicas per Deployment (default 5). */
  replicas?: number;
}

const DAY = 86_400_000;
/** MaxContainerBackOff (pkg/kubelet/kuberuntime/kuberuntime_manager.go): 300 s. */
const MAX_BACKOFF_MS = 300_000;
/** How long a crash-looping app runs before it exits. */
const RUN_MS = 9_000;

interface CrashLooper {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  restarts: number;
}

function ipOf(i: number, base: number): string {
  return `10.${base + Math.floor(i / 65_025)}.${Math.floor(i / 255) % 255}.${(i % 255) + 1}`;
}

/** Writes nodes, namespaces, Deployments, ReplicaSets and pods; starts the crash loops. */
export function populateScale(cluster: Cluster, options: ScaleOptions, liveFrom: number): void {
  const { rng } = cluster;
  const created = liveFrom - 40 * DAY;
  const nodes: Array<{ name: string; ip: string }> = [];
  for (let i = 0; i < options.nodes; i++) {
    const name = `scale-node-${String(i + 1).padStart(4, '0')}`;
    const ip = ipOf(i, 20);
    cluster.create('nodes', nodeObject(name, ip, i % 250, created, rng));
    nodes.push({ name, ip });
  }
  const replicas = options.replicas ?? 5;
  const share = options.crashLoopingShare ?? 0.02;
  const loopers: CrashLooper[] = [];
  const digests = new ImageDigests(rng);
  let pod = 0;
  for (let n = 0; n < options.namespaces; n++) {
    const namespace = `team-${String(n + 1).padStart(3, '0')}`;
    cluster.createNamespace(namespace, created);
    const quota =
      Math.floor(options.pods / options.namespaces) +
      (n < options.pods % options.namespaces ? 1 : 0);
    for (let d = 0; quota - d * replicas > 0; d++) {
      const app = `svc-${String(d + 1).padStart(2, '0')}`;
      const count = Math.min(replicas, quota - d * replicas);
      const image = `registry.example.com/${namespace}/${app}:1.${rng.int(0, 40)}.${rng.int(0, 9)}`;
      const owner = createDeployment(cluster, { namespace, app, image, replicas: count, created });
      for (let r = 0; r < count; r++, pod++) {
        const node = nodes[pod % nodes.length] ?? { name: 'scale-node-0001', ip: '10.20.0.1' };
        const crashes = share > 0 && pod % Math.round(1 / share) === 0;
        const name = `${app}-${owner.hash}-${rng.suffix(5)}`;
        const obj = cluster.create(
          'pods',
          scalePod({
            namespace,
            app,
            name,
            hash: owner.hash,
            node: node.name,
            hostIP: node.ip,
            podIP: ipOf(pod, 100),
            owner: owner.ref,
            image,
            digests,
            created: created + rng.int(0, 30 * DAY),
            crashLooping: crashes
              ? { restarts: rng.int(20, 400), lastExit: liveFrom - rng.int(0, MAX_BACKOFF_MS) }
              : undefined,
            rng,
          }),
        );
        if (crashes) {
          const restarts =
            (obj.status as { containerStatuses: Array<{ restartCount: number }> })
              .containerStatuses[0]?.restartCount ?? 0;
          loopers.push({ namespace, name, uid: obj.metadata.uid, node: node.name, restarts });
        }
      }
    }
  }
  for (const looper of loopers) {
    const first = liveFrom + rng.int(0, MAX_BACKOFF_MS);
    cluster.clock.at(first, () => crashLoop(cluster, looper));
  }
  backgroundEvents(cluster, nodes, options, liveFrom);
}

/** A Deployment and its ReplicaSet, written the way the controllers would have left them. */
function createDeployment(
  cluster: Cluster,
  spec: { namespace: string; app: string; image: string; replicas: number; created: number },
) {
  const { namespace, app, image, replicas, created } = spec;
  const labels = { app, version: 'v1', team: namespace };
  const template: PodTemplate = {
    metadata: { labels },
    spec: {
      containers: [
        { name: 'app', image },
        { name: 'proxy', image: PROXY_IMAGE },
      ],
    },
  };
  const dep = DeploymentController.defaults({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: app,
      namespace,
      generation: 1,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
      creationTimestamp: rfc3339(created),
    },
    spec: { replicas, selector: { matchLabels: labels }, template },
  } as unknown as KObject);
  const hash = templateHash((dep.spec as { template: PodTemplate }).template);
  const made = cluster.create('apps/deployments', dep);
  const rsName = `${app}-${hash}`;
  const rsLabels = { ...labels, 'pod-template-hash': hash };
  const rsTemplate = structuredClone((dep.spec as { template: PodTemplate }).template);
  rsTemplate.metadata.labels = rsLabels;
  const rs = cluster.create('apps/replicasets', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: rsName,
      namespace,
      labels: rsLabels,
      creationTimestamp: rfc3339(created),
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: app,
          uid: made.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { replicas, selector: { matchLabels: rsLabels }, template: rsTemplate },
    status: {
      replicas,
      fullyLabeledReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      observedGeneration: 1,
    },
  });
  return {
    hash,
    ref: {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: rsName,
      uid: rs.metadata.uid,
      controller: true,
      blockOwnerDeletion: true,
    },
  };
}

/** One turn of a crash loop: the app starts, runs RUN_MS, exits 1 and backs off 5 minutes. */
function crashLoop(cluster: Cluster, looper: CrashLooper): void {
  const pod = cluster.store.get('pods', looper.namespace, looper.name);
  if (!pod || pod.metadata.uid !== looper.uid) return;
  const involved = {
    kind: 'Pod',
    namespace: looper.namespace,
    name: looper.name,
    uid: looper.uid,
    apiVersion: 'v1',
    fieldPath: 'spec.containers{app}',
  };
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) =>
    cluster.recorder.record({
      involvedObject: involved,
      type,
      reason,
      message,
      source: { component: 'kubelet', host: looper.node },
    });
  const statuses = (pod.status as { containerStatuses: Array<Record<string, unknown>> })
    .containerStatuses;
  const app = statuses[0];
  if (!app) return;
  const now = cluster.clock.now();
  const image = String(app.image);
  event('Normal', 'Pulled', `Container image "${image}" already present on machine`);
  event('Normal', 'Created', 'Created container: app');
  event('Normal', 'Started', 'Started container app');
  statuses[0] = {
    ...app,
    containerID: `containerd://${cluster.rng.hex(64)}`,
    state: { running: { startedAt: rfc3339(now) } },
    started: true,
  };
  cluster.store.update('pods', pod);
  cluster.clock.at(now + RUN_MS, () => {
    const current = cluster.store.get('pods', looper.namespace, looper.name);
    if (!current || current.metadata.uid !== looper.uid) return;
    const list = (current.status as { containerStatuses: Array<Record<string, unknown>> })
      .containerStatuses;
    const running = list[0];
    if (!running) return;
    looper.restarts += 1;
    list[0] = crashStatus(running, looper.name, {
      restarts: looper.restarts,
      lastExit: cluster.clock.now(),
    });
    cluster.store.update('pods', current);
    event(
      'Warning',
      'BackOff',
      `Back-off restarting failed container app in pod ${looper.name}_${looper.namespace}(${looper.uid})`,
    );
    cluster.clock.at(cluster.clock.now() + MAX_BACKOFF_MS, () => crashLoop(cluster, looper));
  });
}

/** Readiness probe failures on random nodes' pods, at `eventsPerSecond`. */
function backgroundEvents(
  cluster: Cluster,
  nodes: Array<{ name: string }>,
  options: ScaleOptions,
  liveFrom: number,
): void {
  const rate = options.eventsPerSecond ?? 2;
  if (rate <= 0 || nodes.length === 0) return;
  const pods = cluster.store.list('pods').filter((p) => p.metadata.name.startsWith('svc-'));
  const tick = (at: number) =>
    cluster.clock.at(at, () => {
      const pod = pods[cluster.rng.int(0, pods.length - 1)];
      if (pod) {
        cluster.recorder.record({
          involvedObject: {
            kind: 'Pod',
            namespace: pod.metadata.namespace,
            name: pod.metadata.name,
            uid: pod.metadata.uid,
            apiVersion: 'v1',
            fieldPath: 'spec.containers{app}',
          },
          type: 'Warning',
          reason: 'Unhealthy',
          message:
            'Readiness probe failed: Get "http://10.0.0.1:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
          source: {
            component: 'kubelet',
            host: (pod.spec as { nodeName?: string }).nodeName ?? '',
          },
        });
      }
      tick(at + 1000 / rate);
    });
  tick(liveFrom);
}
