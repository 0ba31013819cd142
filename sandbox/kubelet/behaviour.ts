/**
 * What an application does when its container starts: the log lines it writes, when (and how)
 * it exits, when it becomes healthy, how much memory it uses. Scenarios provide one per image.
 */
import type { Rng } from '../sim/rng';

/** One line the app writes, `atMs` after the container started. */
export interface LogLine {
  atMs: number;
  text: string;
  stream?: 'stdout' | 'stderr';
}

/** How a run ends on its own. */
export interface PlannedExit {
  afterMs: number;
  exitCode: number;
  /** containerd's reason: Completed (0), Error (non-zero) or OOMKilled. */
  reason?: 'Completed' | 'Error' | 'OOMKilled';
  /** For node-level OOM kills: the process name the kernel reports. */
  oomProcess?: string;
}

/** The plan of one container run. */
export interface RunPlan {
  lines: LogLine[];
  /** A line written every `everyMs` after the fixed lines, forever (a healthy app's access log). */
  repeat?: { everyMs: number; text: (n: number, atMs: number) => string };
  exit?: PlannedExit;
  /** Probes succeed from this point on (Infinity: never); default 0. */
  healthyAfterMs?: number;
  /** Resident memory after `elapsedMs`. */
  memoryBytes?: (elapsedMs: number) => number;
  /** CPU use in millicores. */
  cpuMillis?: number;
  /** True when the app ignores SIGTERM and dies only by SIGKILL after the grace period. */
  ignoresSigterm?: boolean;
  /** Lines written on SIGTERM (when it does not ignore it). */
  onSigterm?: string[];
}

/** What an app can see when it starts. */
export interface RunContext {
  namespace: string;
  podName: string;
  nodeName: string;
  containerName: string;
  restartCount: number;
  image: string;
  imageDigest: string;
  env: Record<string, string>;
  /** ConfigMap data of the pod's namespace, by name (for mounted config files). */
  configMap: (name: string) => Record<string, string> | undefined;
  podIP: string;
  rng: Rng;
}

/** An application: a plan per run. */
export type Behaviour = (ctx: RunContext) => RunPlan;

/** The default app: logs that it started and runs forever. */
export const idleBehaviour: Behaviour = () => ({
  lines: [{ atMs: 120, text: 'started' }],
  memoryBytes: () => 24 * 1024 * 1024,
  cpuMillis: 2,
});
