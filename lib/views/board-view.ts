// The board: every unhealthy workload (or bare pod) across clusters and namespaces, worst first.
// Healthy pods (the diagnosis' `healthy` signal) are left out, so a workload's row and podCount
// are about its failing pods only.
import {
  boardStateOf,
  countByState,
  diagnosePod,
  diagnosisStableUntil,
  isPlainlyHealthy,
  summarizeForBoard,
  type PodDiagnosis,
  type Severity,
} from '../diagnosis';
import { snapshotCluster } from './cluster-snapshot';
import { RememberedVerdicts, inputSignature } from './remembered-verdicts';
import { RECENT_WINDOW_MS, inputWithHeads, recordedLogs } from './recorded-logs';
import { getRuntime, type Runtime } from './runtime';
import type { BoardRow, BoardView } from './types';

/** Which rows the board shows. */
export interface BoardFilters {
  cluster?: string;
  namespace?: string;
  /** The least severe level shown (critical shows only critical). */
  severity?: Severity;
}

const severityRank: Record<Severity, number> = { critical: 3, warning: 2, info: 1 };

const BUCKETS = 12;

/** Crashes per five minutes over the last hour (oldest first), each run once. */
function crashBuckets(diagnosis: PodDiagnosis, now: number): number[] {
  const buckets = new Array<number>(BUCKETS).fill(0);
  const size = RECENT_WINDOW_MS / BUCKETS;
  for (const c of diagnosis.containers) {
    for (const run of c.runs) {
      if (run.state !== 'terminated' || run.finishedAt === undefined) continue;
      const age = now - run.finishedAt;
      if (age < 0 || age >= RECENT_WINDOW_MS) continue;
      const i = BUCKETS - 1 - Math.floor(age / size);
      buckets[i] = (buckets[i] ?? 0) + 1;
    }
  }
  return buckets;
}

function addBuckets(a: number[] | undefined, b: number[] | undefined): number[] | undefined {
  if (!a || !b) return a ?? b;
  return a.map((n, i) => n + (b[i] ?? 0));
}

/** The board row of one pod, or undefined when the diagnosis calls the pod healthy. */
function rowOf(cluster: string, diagnosis: PodDiagnosis, now: number): BoardRow | undefined {
  const { pod } = diagnosis;
  const { healthy, restartsAcrossPods, ...summary } = summarizeForBoard(diagnosis);
  if (healthy || diagnosis.findings.length === 0) return undefined;
  const workload = pod.workload ?? pod.owner ?? { kind: 'Pod', name: pod.name };
  const row = {
    key: `${cluster}/${pod.namespace}/${workload.kind}/${workload.name}`,
    cluster,
    namespace: pod.namespace,
    kind: workload.kind,
    name: workload.name,
    pod: pod.name,
    podCount: 1,
    status: pod.status,
    restarts: restartsAcrossPods,
    podRestarts: pod.restarts,
    restartsLastHour: crashBuckets(diagnosis, now),
    ...summary,
  };
  return { ...row, state: boardStateOf(row) };
}

/** Merges pod rows into one row per workload, keeping the worst pod. */
function mergeRows(rows: BoardRow[]): BoardRow[] {
  const byKey = new Map<string, BoardRow>();
  for (const row of rows) {
    const seen = byKey.get(row.key);
    if (!seen) {
      byKey.set(row.key, row);
      continue;
    }
    const worse = compareRows(row, seen) < 0 ? row : seen;
    byKey.set(row.key, {
      ...worse,
      podCount: seen.podCount + 1,
      restartsLastHour: addBuckets(seen.restartsLastHour, row.restartsLastHour),
    });
  }
  return [...byKey.values()].sort(compareRows);
}

function compareRows(a: BoardRow, b: BoardRow): number {
  return (
    severityRank[b.severity] - severityRank[a.severity] ||
    b.restarts - a.restarts ||
    a.key.localeCompare(b.key)
  );
}

const verdictsOf = new WeakMap<Runtime, Map<string, RememberedVerdicts>>();

/** The remembered verdicts of one cluster's pods (so unchanged pods cost little). */
function rememberedVerdicts(runtime: Runtime, cluster: string): RememberedVerdicts {
  let byCluster = verdictsOf.get(runtime);
  if (!byCluster) verdictsOf.set(runtime, (byCluster = new Map()));
  let verdicts = byCluster.get(cluster);
  if (!verdicts) byCluster.set(cluster, (verdicts = new RememberedVerdicts()));
  return verdicts;
}

/** Pods diagnosed between two yields to the event loop (a small cluster never yields). */
const yieldEvery = 1_000;

/** The board for the given filters. */
export async function getBoardView(
  filters: BoardFilters = {},
  runtime: Runtime = getRuntime(),
): Promise<BoardView> {
  const now = runtime.access.scheduler.now();
  const clusters = runtime.access.clusters.filter(
    (c) => !filters.cluster || c.name === filters.cluster,
  );
  const min = filters.severity ? severityRank[filters.severity] : 0;
  const snapshots = await Promise.all(
    clusters.map((c) => snapshotCluster(runtime.access, c.name, { namespace: filters.namespace })),
  );
  const rows: BoardRow[] = [];
  let diagnosed = 0;
  for (const snapshot of snapshots) {
    const facts = await recordedLogs(runtime, snapshot, now);
    const verdicts = rememberedVerdicts(runtime, snapshot.cluster);
    for (const pod of snapshot.pods) {
      const uid = pod.metadata.uid ?? '';
      const input = inputWithHeads(snapshot, pod, facts, now);
      // Nearly every pod of a big cluster: diagnosePod would find nothing (no row).
      if (isPlainlyHealthy(input)) continue;
      const signature = inputSignature(input, facts.heads.get(uid));
      const known = uid ? verdicts.lookup(uid, signature, now) : undefined;
      if (known === 'healthy') continue;
      // Diagnosing thousands of pods takes seconds: let requests in between.
      if (!known && ++diagnosed % yieldEvery === 0)
        await new Promise((resolve) => setImmediate(resolve));
      const diagnosis = known?.diagnosis ?? diagnosePod(input);
      const row = rowOf(snapshot.cluster, diagnosis, now);
      if (uid && !known) {
        const until = diagnosisStableUntil(input, diagnosis);
        verdicts.record(uid, signature, row ? { diagnosis, until } : 'healthy', now);
      }
      if (row && severityRank[row.severity] >= min) rows.push(row);
    }
    if (!filters.namespace)
      verdicts.keepOnly(new Set(snapshot.pods.map((p) => p.metadata.uid ?? '')));
  }
  const merged = mergeRows(rows);
  const counts = countRows(merged);
  return { generatedAt: now, clusters: snapshots.map((s) => s.health), rows: merged, counts };
}

/** The board's counts of its rows: by severity, by top finding's category, by state. */
export function countRows(rows: BoardRow[]): BoardView['counts'] {
  const counts: BoardView['counts'] = {
    critical: 0,
    warning: 0,
    info: 0,
    byCategory: {},
    byState: countByState(rows),
  };
  for (const row of rows) {
    counts[row.severity] += 1;
    const category = row.topFinding?.category;
    if (category) counts.byCategory[category] = (counts.byCategory[category] ?? 0) + 1;
  }
  return counts;
}
