/**
 * Pods of the scale mode, shaped and sized like `kubectl get pod -o json` on a production
 * cluster: an app container and a proxy sidecar with long env lists, an init container,
 * managedFields written by kube-controller-manager and the kubelet, the projected service-account
 * token volume, default tolerations and annotations from CI/CD and Prometheus. A real pod like
 * this is 8–14 kB of JSON; these are about the same.
 */
import type { Rng } from '../sim/rng';
import { rfc3339 } from '../sim/time-format';
import type { NewObject, OwnerReference } from '../store/types';

/** What a scale pod is built from. */
export interface ScalePodInput {
  namespace: string;
  app: string;
  name: string;
  hash: string;
  node: string;
  hostIP: string;
  podIP: string;
  owner: OwnerReference;
  /** The app's image, as in the ReplicaSet's template. */
  image: string;
  /** The digest each image resolves to: one per image (so per ReplicaSet and image), as a
   * registry answers while no tag moves. */
  digests: ImageDigests;
  created: number;
  /** Crash-looping pods: the app exits with 1 and waits in CrashLoopBackOff. */
  crashLooping?: { restarts: number; lastExit: number };
  rng: Rng;
}

/** The sidecar every scale pod runs. */
export const PROXY_IMAGE = 'docker.io/envoyproxy/envoy:v1.31.2';

/** The digest an image resolved to when the nodes pulled it: one per image, shared by every pod
 * of a ReplicaSet (a digest per pod would make every pod look like tag drift). */
export class ImageDigests {
  private readonly byImage = new Map<string, string>();
  constructor(private readonly rng: Rng) {}

  /** `repository@sha256:…` as the kubelet reports it in `imageID`. */
  imageID(image: string): string {
    let digest = this.byImage.get(image);
    if (!digest) {
      digest = `sha256:${this.rng.hex(64)}`;
      this.byImage.set(image, digest);
    }
    return `${repositoryOf(image)}@${digest}`;
  }
}

/** The image without its tag (a registry port's colon is not a tag). */
function repositoryOf(image: string): string {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? image.slice(0, colon) : image;
}

function env(app: string, ns: string): unknown[] {
  const plain = [
    ['APP_NAME', app],
    ['APP_ENV', 'production'],
    ['LOG_LEVEL', 'info'],
    ['LOG_FORMAT', 'json'],
    ['HTTP_PORT', '8080'],
    ['GRPC_PORT', '9090'],
    ['METRICS_PORT', '9102'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'http://otel-collector.observability.svc:4317'],
    ['OTEL_SERVICE_NAME', app],
    ['OTEL_RESOURCE_ATTRIBUTES', `service.namespace=${ns},deployment.environment=production`],
    ['DB_HOST', `${app}-db.${ns}.svc.cluster.local`],
    ['DB_PORT', '5432'],
    ['DB_NAME', app.replace(/-/g, '_')],
    ['DB_POOL_MAX', '20'],
    ['REDIS_URL', `redis://redis.${ns}.svc.cluster.local:6379/0`],
    ['KAFKA_BROKERS', 'kafka-0.kafka:9092,kafka-1.kafka:9092,kafka-2.kafka:9092'],
    ['FEATURE_FLAGS_URL', 'http://flags.platform.svc:8080/v1/flags'],
    ['JAVA_TOOL_OPTIONS', '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError'],
    ['TZ', 'UTC'],
  ].map(([name, value]) => ({ name, value }));
  return [
    ...plain,
    { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
    { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
    {
      name: 'NODE_NAME',
      valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } },
    },
    {
      name: 'DB_USER',
      valueFrom: { configMapKeyRef: { name: `${app}-config`, key: 'db.user' } },
    },
    { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: `${app}-db`, key: 'password' } } },
  ];
}

function fieldsOf(names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [`k:{"name":"${n}"}`, { '.': {}, 'f:name': {} }]));
}

function managedFields(app: string, at: string, envNames: string[]): unknown[] {
  const container = {
    '.': {},
    'f:env': { '.': {}, ...fieldsOf(envNames) },
    'f:image': {},
    'f:imagePullPolicy': {},
    'f:livenessProbe': { '.': {}, 'f:httpGet': { '.': {}, 'f:path': {}, 'f:port': {} } },
    'f:name': {},
    'f:ports': { '.': {}, 'k:{"containerPort":8080,"protocol":"TCP"}': { '.': {} } },
    'f:readinessProbe': { '.': {}, 'f:httpGet': { '.': {}, 'f:path': {}, 'f:port': {} } },
    'f:resources': { '.': {}, 'f:limits': { '.': {}, 'f:memory': {} }, 'f:requests': {} },
    'f:terminationMessagePath': {},
    'f:terminationMessagePolicy': {},
  };
  const status = (type: string) => ({
    [`k:{"type":"${type}"}`]: {
      '.': {},
      'f:lastProbeTime': {},
      'f:lastTransitionTime': {},
      'f:status': {},
      'f:type': {},
    },
  });
  return [
    {
      manager: 'kube-controller-manager',
      operation: 'Update',
      apiVersion: 'v1',
      time: at,
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': {
          'f:annotations': { '.': {}, 'f:prometheus.io/port': {}, 'f:prometheus.io/scrape': {} },
          'f:generateName': {},
          'f:labels': { '.': {}, 'f:app': {}, 'f:pod-template-hash': {}, 'f:version': {} },
          'f:ownerReferences': { '.': {}, [`k:{"uid":"${app}"}`]: {} },
        },
        'f:spec': {
          'f:containers': { [`k:{"name":"app"}`]: container, [`k:{"name":"proxy"}`]: container },
          'f:initContainers': { [`k:{"name":"migrate"}`]: container },
          'f:dnsPolicy': {},
          'f:enableServiceLinks': {},
          'f:restartPolicy': {},
          'f:schedulerName': {},
          'f:securityContext': {},
          'f:terminationGracePeriodSeconds': {},
        },
      },
    },
    {
      manager: 'kubelet',
      operation: 'Update',
      apiVersion: 'v1',
      time: at,
      fieldsType: 'FieldsV1',
      subresource: 'status',
      fieldsV1: {
        'f:status': {
          'f:conditions': {
            ...status('ContainersReady'),
            ...status('Initialized'),
            ...status('PodReadyToStartContainers'),
            ...status('PodScheduled'),
            ...status('Ready'),
          },
          'f:containerStatuses': {},
          'f:hostIP': {},
          'f:hostIPs': {},
          'f:initContainerStatuses': {},
          'f:phase': {},
          'f:podIP': {},
          'f:podIPs': { '.': {}, 'k:{"ip":"10.0.0.1"}': { '.': {}, 'f:ip': {} } },
          'f:startTime': {},
        },
      },
    },
  ];
}

function container(name: string, image: string, envs: unknown[], memory: string) {
  return {
    name,
    image,
    imagePullPolicy: 'IfNotPresent',
    env: envs,
    ports: [{ containerPort: name === 'app' ? 8080 : 15001, name: 'http', protocol: 'TCP' }],
    resources: { requests: { cpu: '100m', memory }, limits: { memory } },
    livenessProbe: {
      httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    readinessProbe: {
      httpGet: { path: '/ready', port: 8080, scheme: 'HTTP' },
      periodSeconds: 5,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    volumeMounts: [
      {
        name: 'kube-api-access',
        readOnly: true,
        mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      },
      { name: 'config', mountPath: '/etc/app' },
    ],
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

/** The status of one container: running, or crash-looping (waiting after an exit with 1). */
function containerStatus(
  name: string,
  image: string,
  input: ScalePodInput,
  started: string,
  crash?: { restarts: number; lastExit: number },
) {
  const base = {
    name,
    image,
    imageID: input.digests.imageID(image),
    containerID: `containerd://${input.rng.hex(64)}`,
    volumeMounts: [
      {
        name: 'kube-api-access',
        mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
        readOnly: true,
        recursiveReadOnly: 'Disabled',
      },
    ],
  };
  if (!crash) {
    return {
      ...base,
      state: { running: { startedAt: started } },
      lastState: {},
      ready: true,
      restartCount: 0,
      started: true,
    };
  }
  return crashStatus(base, input.name, crash);
}

/** A container waiting in CrashLoopBackOff after its last run exited with 1. */
export function crashStatus(
  base: Record<string, unknown>,
  pod: string,
  crash: { restarts: number; lastExit: number },
) {
  return {
    ...base,
    state: {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off 5m0s restarting failed container=app pod=${pod}_(${String(base.containerID).slice(13, 49)})`,
      },
    },
    lastState: {
      terminated: {
        exitCode: 1,
        reason: 'Error',
        startedAt: rfc3339(crash.lastExit - 9_000),
        finishedAt: rfc3339(crash.lastExit),
        containerID: base.containerID,
      },
    },
    ready: false,
    restartCount: crash.restarts,
    started: false,
  };
}

/** One scale pod. */
export function scalePod(input: ScalePodInput): NewObject {
  const { namespace, app, name, rng } = input;
  const created = rfc3339(input.created);
  const { image } = input;
  const proxy = PROXY_IMAGE;
  const envs = env(app, namespace);
  const envNames = envs.map((e) => (e as { name: string }).name);
  const crash = input.crashLooping;
  // Spread in, as the store's ObjectMeta type does not name managedFields.
  const written = { managedFields: managedFields(input.owner.uid, created, envNames) };
  const cond = (type: string, status = 'True') => ({
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: created,
    ...(status === 'False' ? { reason: 'ContainersNotReady' } : {}),
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: `${app}-${input.hash}-`,
      namespace,
      creationTimestamp: created,
      labels: { app, 'pod-template-hash': input.hash, version: 'v1', team: namespace },
      annotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9102',
        'kubectl.kubernetes.io/restartedAt': created,
        'checksum/config': rng.hex(64),
        'ci.example.com/pipeline': `https://ci.example.com/${namespace}/${app}/pipelines/${rng.int(1000, 99999)}`,
        'ci.example.com/commit': rng.hex(40),
      },
      ownerReferences: [input.owner],
      ...written,
    },
    spec: {
      initContainers: [{ ...container('migrate', image, envs.slice(0, 12), '128Mi') }],
      containers: [
        container('app', image, envs, '512Mi'),
        container('proxy', proxy, envs.slice(0, 8), '128Mi'),
      ],
      volumes: [
        {
          name: 'kube-api-access',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              {
                configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
              },
              {
                downwardAPI: {
                  items: [
                    {
                      path: 'namespace',
                      fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                    },
                  ],
                },
              },
            ],
          },
        },
        { name: 'config', configMap: { name: `${app}-config`, defaultMode: 420 } },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      nodeName: input.node,
      securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001 },
      schedulerName: 'default-scheduler',
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
    status: {
      phase: 'Running',
      conditions: [
        cond('PodReadyToStartContainers'),
        cond('Initialized'),
        cond('Ready', crash ? 'False' : 'True'),
        cond('ContainersReady', crash ? 'False' : 'True'),
        cond('PodScheduled'),
      ],
      hostIP: input.hostIP,
      hostIPs: [{ ip: input.hostIP }],
      podIP: input.podIP,
      podIPs: [{ ip: input.podIP }],
      startTime: created,
      initContainerStatuses: [
        {
          name: 'migrate',
          image,
          imageID: input.digests.imageID(image),
          containerID: `containerd://${rng.hex(64)}`,
          state: {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: created,
              finishedAt: created,
            },
          },
          lastState: {},
          ready: true,
          restartCount: 0,
          started: false,
        },
      ],
      containerStatuses: [
        containerStatus('app', image, input, created, crash),
        containerStatus('proxy', proxy, input, created),
      ],
      qosClass: 'Burstable',
    },
  };
}
