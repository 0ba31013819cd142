// The contract of lib/diagnosis: what it reads (small structural views of API objects, so a
// client-node V1Pod or a parsed `kubectl get -o json` both fit) and what it returns (plain,
// JSON-serialisable data that route handlers send and pages render). Times are epoch ms.

/** The subset of ObjectMeta that diagnosis reads. */
export interface MetaLike {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string | Date;
  deletionTimestamp?: string | Date;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{ kind: string; name: string; uid: string; controller?: boolean }>;
  generation?: number;
}

/** A container spec as diagnosis reads it. */
export interface ContainerSpecLike {
  name: string;
  image?: string;
  imagePullPolicy?: string;
  command?: string[];
  args?: string[];
  env?: Array<{
    name: string;
    value?: string;
    valueFrom?: {
      configMapKeyRef?: { name: string; key: string; optional?: boolean };
      secretKeyRef?: { name: string; key: string; optional?: boolean };
      fieldRef?: { fieldPath: string };
      resourceFieldRef?: { resource: string };
    };
  }>;
  envFrom?: Array<{
    configMapRef?: { name: string; optional?: boolean };
    secretRef?: { name: string; optional?: boolean };
    prefix?: string;
  }>;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  livenessProbe?: ProbeLike;
  readinessProbe?: ProbeLike;
  startupProbe?: ProbeLike;
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
}

export interface ProbeLike {
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
  httpGet?: { path?: string; port: number | string };
  tcpSocket?: { port: number | string };
  exec?: { command?: string[] };
}

export interface ContainerStateLike {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string | Date };
  terminated?: {
    exitCode: number;
    signal?: number;
    reason?: string;
    message?: string;
    startedAt?: string | Date;
    finishedAt?: string | Date;
    containerID?: string;
  };
}

export interface ContainerStatusLike {
  name: string;
  image?: string;
  imageID?: string;
  containerID?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerStateLike;
  lastState?: ContainerStateLike;
}

/**
 * A status condition (PodCondition, NodeCondition) as diagnosis reads it: which one, whether it
 * holds ("True"/"False"/"Unknown"), why, and since when.
 */
export interface ConditionLike {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string | Date;
}

/** A Pod as diagnosis reads it (V1Pod and `kubectl get pod -o json` are assignable). */
export interface PodLike {
  apiVersion?: string;
  kind?: string;
  metadata: MetaLike;
  spec?: {
    nodeName?: string;
    restartPolicy?: string;
    containers: ContainerSpecLike[];
    initContainers?: ContainerSpecLike[];
    volumes?: Array<{
      name: string;
      persistentVolumeClaim?: { claimName: string };
      configMap?: { name: string };
      secret?: { secretName?: string };
      emptyDir?: object;
      hostPath?: { path: string };
    }>;
  };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    startTime?: string | Date;
    conditions?: ConditionLike[];
    containerStatuses?: ContainerStatusLike[];
    initContainerStatuses?: ContainerStatusLike[];
  };
}

/** A core/v1 Event (or an events.k8s.io/v1 Event mapped to these fields). */
export interface EventLike {
  metadata?: MetaLike;
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | Date | null;
  lastTimestamp?: string | Date | null;
  eventTime?: string | Date | null;
  series?: { count?: number; lastObservedTime?: string | Date };
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  involvedObject?: {
    kind?: string;
    name?: string;
    namespace?: string;
    uid?: string;
    fieldPath?: string;
  };
  // events.k8s.io/v1 field names (the same event read through the newer API).
  regarding?: EventLike['involvedObject'];
  note?: string;
  deprecatedCount?: number;
  deprecatedFirstTimestamp?: string | Date | null;
  deprecatedLastTimestamp?: string | Date | null;
  reportingController?: string;
  /**
   * Not an API field: the relative age kubectl printed ("3m", "10s (x4 over 10m)") when the
   * offline parser derived this event's times from it (see DiagnosisInput.ageBasis).
   */
  ageText?: string;
}

/** A workload owner (ReplicaSet, Deployment, StatefulSet, DaemonSet, Job) as diagnosis reads it. */
export interface WorkloadLike {
  apiVersion?: string;
  kind: string;
  metadata: MetaLike;
  spec?: {
    replicas?: number;
    template?: { metadata?: MetaLike; spec?: PodLike['spec'] };
    volumeClaimTemplates?: Array<{ metadata?: MetaLike }>;
  };
  status?: Record<string, unknown>;
}

export interface LimitRangeLike {
  metadata?: MetaLike;
  spec?: {
    limits?: Array<{
      type?: string;
      default?: Record<string, string>;
      defaultRequest?: Record<string, string>;
      max?: Record<string, string>;
    }>;
  };
}

/** A Node as diagnosis reads it: its conditions (MemoryPressure, Ready) and allocatable memory. */
export interface NodeLike {
  metadata: MetaLike;
  status?: {
    conditions?: Array<ConditionLike & { lastHeartbeatTime?: string | Date }>;
    allocatable?: Record<string, string>;
    capacity?: Record<string, string>;
  };
}

/** One recorded metrics.k8s.io sample of a container's memory (working set bytes). */
export interface MemorySample {
  container: string;
  /** The PodMetrics timestamp (end of metrics-server's window), epoch ms. */
  at: number;
  bytes: number;
  /** The container's memory limit when sampled, if it had one. */
  limitBytes?: number;
}

/** When pasted output was taken: the moment its relative ages count back from, and why that one. */
export interface AgeBasis {
  at: number;
  /** Told by the user, read from a `date` line in the paste, or the moment of pasting. */
  basis: 'paste' | 'given' | 'inferred';
  /** For `inferred`: the line it was read from, e.g. `pasted.txt:1: Mon Nov 30 06:27:34 UTC 2026`. */
  from?: string;
}

/** A row of a pasted `kubectl get pods` table: what kubectl printed about another pod. */
export interface ListedPod {
  name: string;
  namespace?: string;
  /** STATUS words in the order seen (a --watch prints several); the last is the current one. */
  statuses: string[];
  restarts?: number;
  /** READY as "ready/total". */
  ready?: string;
}

/** What lib/history recorded, handed to diagnosis so the timeline outlives lastState. */
export interface HistoryInput {
  /** Container terminations seen: this pod's, the pods it replaced, and other revisions' (see replacedPods). */
  terminations?: RecordedTermination[];
  /** Pods of the same owner, including deleted ones (a replacement resets the back-off). */
  pods?: RecordedPod[];
  /** Events seen, including ones the API server has expired. */
  events?: EventLike[];
  /** Windows in which nobody was watching (Podtrail down, watch disconnected). */
  gaps?: Array<{ from: number; to: number; reason: string }>;
  /** Memory samples of this pod's containers (metrics.k8s.io, recorded while it crash-loops). */
  memorySamples?: MemorySample[];
}

export interface RecordedTermination {
  podUid: string;
  podName: string;
  container: string;
  restartCount: number;
  containerID?: string;
  exitCode: number;
  signal?: number;
  reason?: string;
  message?: string;
  startedAt?: number;
  finishedAt: number;
  image?: string;
  imageID?: string;
  /** First lines of the previous log at this termination (bounded), if captured. */
  logHead?: string;
}

export interface RecordedPod {
  uid: string;
  name: string;
  createdAt: number;
  deletedAt?: number;
  /** metadata.deletionTimestamp of its last seen object: when deletion was asked for. */
  deletionRequestedAt?: number;
  nodeName?: string;
  ownerKind?: string;
  ownerName?: string;
}

/** Kubelet back-off parameters (pkg/kubelet/kubelet.go; KEP-4603 changes them). */
export interface BackoffParams {
  initialMs: number;
  maxMs: number;
  /** The curve starts over after this long without a crash (2 × max in the kubelet). */
  resetMs: number;
}

export interface DiagnosisInput {
  pod: PodLike;
  events?: EventLike[];
  /** Logs per container name; either may be missing (or truncated by the caller). */
  logs?: Record<string, { previous?: string; current?: string; previousTruncated?: boolean }>;
  /** The owner chain, nearest first (ReplicaSet, then Deployment), plus sibling ReplicaSets. */
  owners?: WorkloadLike[];
  /** Other revisions of the same Deployment (ReplicaSets), for "what changed" and rollbacks. */
  revisions?: WorkloadLike[];
  limitRanges?: LimitRangeLike[];
  /** Last memory usage per container in bytes (metrics.k8s.io), if known. */
  memoryUsage?: Record<string, number>;
  /** Whether the cluster serves metrics.k8s.io (undefined: not asked, e.g. an import). */
  metricsServed?: boolean;
  /** The pod's node (conditions), for memory pressure and kubelet restarts. */
  node?: NodeLike;
  /** Offline input: the moment kubectl's relative ages were counted back from, and why. */
  ageBasis?: AgeBasis;
  history?: HistoryInput;
  /** Expected image digest per container name, with where it came from. */
  expectedImages?: Record<string, { digest: string; source: 'registry' | 'annotation' }>;
  /** Other pods of the same owner (live), for digest drift across nodes. */
  siblings?: PodLike[];
  /** Other pods a pasted `kubectl get pods` table lists beside this one (offline diagnosis). */
  listedPods?: ListedPod[];
  now: number;
  backoff?: Partial<BackoffParams>;
  /** The cluster name, used in links and kubectl commands (`--context`). */
  cluster?: string;
}

// ---------------------------------------------------------------- output

export type Severity = 'critical' | 'warning' | 'info';

/** A pointer from a finding to the fact that supports it. */
export interface Evidence {
  kind: 'field' | 'log' | 'event' | 'history' | 'spec';
  /** Human text of the fact, e.g. the log line or `lastState.terminated.exitCode: 137`. */
  text: string;
  /** Field path, e.g. `status.containerStatuses[auth].lastState.terminated.reason`. */
  path?: string;
  container?: string;
  /** The run it belongs to (ContainerRun.id), for linking to the timeline. */
  runId?: string;
  /** 1-based line number in the log it was found in. */
  line?: number;
  logKind?: 'previous' | 'current';
  at?: number;
}

export interface KubectlCommand {
  label: string;
  command: string;
}

export interface Finding {
  /** Stable kebab-case id, e.g. `oom-killed-without-limit`. */
  id: string;
  severity: Severity;
  title: string;
  explanation: string;
  container?: string;
  evidence: Evidence[];
  doNext: string[];
  dont: string[];
  commands: KubectlCommand[];
  /** Category used by the board and the case scorer, e.g. `oom-killed`, `missing-config`. */
  category: string;
  /**
   * How directly the evidence names the cause, 0–100 (a decoded OOMKilled is high, a guess from
   * one log line lower). Orders findings of equal severity.
   */
  priority?: number;
  /** The pod this finding is about when it is not the diagnosed pod (a row of a pasted table). */
  pod?: string;
}

export interface ContainerRun {
  /** Stable id within a pod diagnosis, e.g. `auth#14` (container # restartCount). */
  id: string;
  container: string;
  podUid?: string;
  /** The pod's name when the run is a replaced pod's (recorded history). */
  podName?: string;
  restartCount?: number;
  startedAt?: number;
  finishedAt?: number;
  state: 'running' | 'terminated' | 'waiting';
  exitCode?: number;
  signal?: number;
  reason?: string;
  message?: string;
  /** Decoded meaning of the exit, e.g. "SIGKILL (OOM-killed)". */
  exitMeaning?: string;
  containerID?: string;
  image?: string;
  imageID?: string;
  source: 'status' | 'history';
}

/** The wait between two runs (or before the next try). */
export interface BackoffGap {
  afterRunId: string;
  beforeRunId?: string;
  from: number;
  to?: number;
  observedMs?: number;
  /** The kubelet's schedule for this restart. */
  expectedMs: number;
  /** Why the curve started over, if it did. */
  reset?: 'pod-replaced' | 'idle' | 'image-changed' | 'kubelet-restarted';
  /** What shows the reset when it is not in the runs themselves (the kubelet restart's event). */
  resetEvidence?: string;
}

export interface UnobservedRestarts {
  /** Restarts counted by restartCount but never seen. */
  count: number;
  from?: number;
  to?: number;
  reason: string;
}

export interface TimelineEvent {
  uid?: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  count: number;
  firstAt: number;
  lastAt: number;
  container?: string;
  source?: string;
  /** True when the event carried no timestamp (firstAt/lastAt are then 0). */
  timeUnknown?: boolean;
  /** The object the event is about when it is not the pod (e.g. `Node/worker-1`). */
  about?: string;
  /** The relative age its times were derived from (offline input), e.g. `3m (x4 over 10m)`. */
  ageText?: string;
}

export interface MemoryFacts {
  limit?: string;
  limitBytes?: number;
  request?: string;
  /** A default applied by a LimitRange of the namespace. */
  limitRangeDefault?: string;
  lastUsageBytes?: number;
  /** Recorded usage over time (metrics.k8s.io), oldest first. */
  samples?: Array<{ at: number; bytes: number; limitBytes?: number }>;
  /** metrics.k8s.io served by the cluster or not; undefined when not asked (offline import). */
  metrics?: 'served' | 'absent';
}

/** The pod's node as an OOM kill needs it: memory pressure and the node's memory events. */
export interface NodeMemory {
  name: string;
  /** The MemoryPressure condition as the node reports it now. */
  memoryPressure?: {
    status: string;
    reason?: string;
    message?: string;
    since?: number;
    heartbeatAt?: number;
  };
  allocatableBytes?: number;
  /** SystemOOM, OOMKilling, Evicted, EvictionThresholdMet, NodeHasInsufficientMemory, … */
  events: TimelineEvent[];
}

export interface ContainerTimeline {
  name: string;
  init: boolean;
  image?: string;
  imageID?: string;
  imageDigest?: string;
  expectedDigest?: { digest: string; source: 'registry' | 'annotation'; matches: boolean };
  restartCount: number;
  /** kubectl-style state word: Running, CrashLoopBackOff, OOMKilled, ImagePullBackOff, ... */
  state: string;
  stateMessage?: string;
  ready?: boolean;
  runs: ContainerRun[];
  gaps: BackoffGap[];
  unobserved: UnobservedRestarts[];
  /** The back-off now in force (parsed from the waiting message) and the window of the next try. */
  nextRetry?: { backoffMs: number; earliest: number; latest: number };
  memory: MemoryFacts;
  events: TimelineEvent[];
}

export interface PodSummary {
  cluster?: string;
  namespace: string;
  name: string;
  uid?: string;
  phase?: string;
  /** kubectl's STATUS column. */
  status: string;
  restarts: number;
  nodeName?: string;
  createdAt?: number;
  owner?: { kind: string; name: string };
  /** The top-level workload (Deployment over ReplicaSet), if known. */
  workload?: { kind: string; name: string };
}

export interface PodDiagnosis {
  pod: PodSummary;
  containers: ContainerTimeline[];
  /** Events about the pod not tied to one container. */
  podEvents: TimelineEvent[];
  /** Sorted worst first. */
  findings: Finding[];
  /** Inputs that were missing and would have helped, e.g. "previous log of container auth". */
  missing: string[];
  generatedAt: number;
  /** Offline input with relative ages: the moment they were counted back from, and why. */
  ageBasis?: AgeBasis;
  /** The node's memory state, for a pod with an OOM kill (undefined otherwise). */
  node?: NodeMemory;
  /**
   * True when the pod is Running and ready (or completed successfully) with no recent restart:
   * it then has no finding above `info`. False when it fails or its state is not in the input.
   */
  healthy?: boolean;
}

/** One difference between two pod templates (ReplicaSet revisions). */
export interface TemplateChange {
  field: 'image' | 'env' | 'configRef' | 'resources' | 'command' | 'other';
  container?: string;
  before?: string;
  after?: string;
}
