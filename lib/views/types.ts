// The view models that route handlers answer and pages render: plain JSON, no class instances.
// lib/views assembles them from lib/k8s (live caches), lib/history and lib/diagnosis.
import type { AlertMark } from '../alerts';
import type { BoardState, Finding, PodDiagnosis, Severity, TemplateChange } from '../diagnosis';

export type { AlertMark, BoardState, TemplateChange };

/** Connection state of one watch cache (one resource type of one cluster). */
export interface ResourceHealth {
  resource: string;
  state: 'connecting' | 'synced' | 'stale' | 'error' | 'forbidden';
  /** Epoch ms of the last event or successful list. */
  lastEventAt?: number;
  /** Since when the state holds (e.g. reconnecting since T). */
  since?: number;
  message?: string;
}

/** A cluster named by its kubeconfig context only: its server URL never leaves the server. */
export interface ClusterHealth {
  cluster: string;
  /** Worst state over its resources. */
  state: ResourceHealth['state'];
  resources: ResourceHealth[];
  /** Namespaces we may not read (403), with the API's message and since when. */
  forbidden?: Array<{ namespace?: string; resource: string; message: string; since?: number }>;
  /** Epoch ms of the last answer from this cluster's API server (probe, list, watch event). */
  lastContactAt?: number;
  /** Set while the API server does not answer (a hung or stopped server). */
  unreachable?: { since: number; message: string };
  /** The cluster behind the address changed (kube-system UID): its old objects were dropped. */
  identityChange?: { at: number; from: string; to: string };
}

/** One line of the board: a workload (or a bare pod) that is unhealthy. */
export interface BoardRow {
  key: string;
  cluster: string;
  namespace: string;
  /** The workload when known, else the pod itself. */
  kind: string;
  name: string;
  /** The worst pod of the workload, for the link. */
  pod: string;
  /** How many of the workload's pods are unhealthy (healthy ones are not on the board). */
  podCount: number;
  severity: Severity;
  status: string;
  /** The worst pod's state word (crash-looping, image-pull, config-error, oom, other). */
  state: BoardState;
  /** Restarts of the worst pod and of the pods it replaced (a deleted pod's count is not lost). */
  restarts: number;
  /** The worst pod's own restartCount sum, as kubectl shows it. */
  podRestarts?: number;
  /** The cause: the worst finding that is not a process trap. */
  topFinding?: Pick<Finding, 'id' | 'title' | 'severity' | 'category'>;
  /** A process trap beside the cause (pods deleted → back-off reset), shown on its own line. */
  trap?: Pick<Finding, 'id' | 'title' | 'severity' | 'category'>;
  /**
   * Crashes (terminated runs) of the workload's unhealthy pods and the pods they replaced in the
   * last hour, in 12 five-minute buckets, oldest first.
   */
  restartsLastHour?: number[];
  /** Window of the next kubelet retry of the worst container. */
  nextRetry?: { earliest: number; latest: number };
  lastExit?: { code: number; reason?: string; at?: number };
}

export interface BoardView {
  generatedAt: number;
  clusters: ClusterHealth[];
  rows: BoardRow[];
  counts: {
    critical: number;
    warning: number;
    info: number;
    /** Rows by their top finding's category. */
    byCategory: Record<string, number>;
    /** Rows by state: "● 3 crash-looping · 1 image pull · 2 OOM" (every state, zero when none). */
    byState?: Record<BoardState, number>;
  };
}

export interface LogView {
  container: string;
  kind: 'previous' | 'current';
  text?: string;
  truncated: boolean;
  /** Why there is no text (e.g. the API's "previous terminated container not found"). */
  error?: string;
}

export interface PodView {
  cluster: string;
  diagnosis: PodDiagnosis;
  logs: LogView[];
  health: ClusterHealth;
  /** True when the pod no longer exists and this view comes from history. */
  fromHistory: boolean;
  /** When a deleted pod was seen gone. */
  deletedAt?: number;
  /** The live pod that replaced a deleted one, by name. */
  replacedBy?: string;
  /** Alertmanager alerts about the pod or its workload, oldest first (POST /api/alerts). */
  alerts?: AlertMark[];
}

export interface Revision {
  revision: number;
  replicaSet: string;
  createdAt?: number;
  images: string[];
  replicas: number;
  changes: TemplateChange[];
  /** True when this revision came back by a rollback. */
  rolledBackTo?: boolean;
  crashed?: boolean;
}

export interface WorkloadPodRow {
  name: string;
  uid?: string;
  nodeName?: string;
  status: string;
  restarts: number;
  createdAt?: number;
  deletedAt?: number;
  imageDigests: Record<string, string>;
  revision?: number;
}

export interface WorkloadView {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  revisions: Revision[];
  pods: WorkloadPodRow[];
  findings: Finding[];
  health: ClusterHealth;
  generatedAt: number;
}

/** What the SSE stream sends: which query to refresh or replace. */
export type LiveMessage =
  | { type: 'board'; data: BoardView }
  | { type: 'pod'; data: PodView }
  | { type: 'health'; data: ClusterHealth[] }
  | {
      type: 'ping';
      at: number;
      /** Per cluster: the last answer from its API server (epoch ms), for "updated N s ago". */
      contact?: Record<string, number>;
    }
  /** The server is going away: the stream ends now; reconnect (another instance may answer). */
  | { type: 'reconnect'; reason: string };

/** The offline diagnosis of uploaded or pasted text (POST /api/diagnose). */
export interface UploadDiagnosis {
  diagnosis: PodDiagnosis;
  /** What each paste was read as, e.g. `describe` from line 1 of `pod.txt`. */
  kinds: Array<{ file: string; startLine: number; kind: string }>;
  warnings: string[];
}
