// Kubelet restarts seen on the pod's node. The crash-loop back-off map lives in the kubelet's
// memory only (pkg/kubelet/kubelet.go: `klet.backOff = flowcontrol.NewBackOff(...)` at start), so a
// kubelet restart starts every curve of its pods over. Evidence, strongest first: the kubelet's own
// node event at start-up (pkg/kubelet/kubelet.go: recorder.Eventf(nodeRef, Normal,
// events.StartingKubelet = "Starting", "Starting kubelet.")) — kube-proxy also reports "Starting"
// ("Starting kube-proxy."), so the source must be the kubelet — and the node's Ready condition
// turning True (or a kubelet NodeReady event), which the kubelet posts when it comes back.
import type { NodeLike, TimelineEvent } from './types';
import { toMs } from './time';

/** One kubelet (re)start and what shows it. */
export interface KubeletRestart {
  at: number;
  /** Human text of the evidence, e.g. `event Starting from kubelet on Node/worker-1: “Starting kubelet.”`. */
  evidence: string;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function fromEvent(e: TimelineEvent): KubeletRestart[] {
  if (e.source !== 'kubelet' || e.timeUnknown) return [];
  if (e.reason !== 'Starting' && e.reason !== 'NodeReady') return [];
  const text = (at: number) =>
    `event ${e.reason} from kubelet on ${e.about ?? 'the node'} at ${iso(at)}: “${e.message}”${e.count > 1 ? ` (×${e.count}, first ${iso(e.firstAt)}, last ${iso(e.lastAt)})` : ''}`;
  // An aggregated event keeps only its first and last time: the restarts in between are unknown.
  const times = e.count > 1 && e.lastAt !== e.firstAt ? [e.firstAt, e.lastAt] : [e.lastAt];
  return times.map((at) => ({ at, evidence: text(at) }));
}

function fromReadyCondition(node: NodeLike | undefined): KubeletRestart[] {
  const ready = node?.status?.conditions?.find((c) => c.type === 'Ready');
  const at = toMs(ready?.lastTransitionTime);
  // The node's creation is its first Ready transition, not a restart.
  const created = toMs(node?.metadata.creationTimestamp);
  if (
    ready?.status !== 'True' ||
    at === undefined ||
    (created !== undefined && at - created < 120_000)
  )
    return [];
  const name = node?.metadata.name ?? 'the node';
  return [
    {
      at,
      evidence: `Node/${name} condition Ready turned True at ${iso(at)}${ready.reason ? ` (${ready.reason})` : ''}: the kubelet came back`,
    },
  ];
}

/**
 * The kubelet restarts on the pod's node, oldest first: its "Starting kubelet." and NodeReady
 * events (events about `Node/<nodeName>` from source kubelet) and the node's Ready transition.
 * Two signs of one restart within a minute count once (the event wins).
 */
export function kubeletRestarts(
  events: TimelineEvent[],
  node: NodeLike | undefined,
  nodeName: string | undefined,
): KubeletRestart[] {
  if (!nodeName) return [];
  const about = `Node/${nodeName}`;
  const seen = events.filter((e) => e.about === about).flatMap(fromEvent);
  const byEvent = seen.sort((a, b) => a.at - b.at);
  const condition =
    node?.metadata.name === nodeName ? fromReadyCondition(node) : ([] as KubeletRestart[]);
  const all = [...byEvent];
  for (const c of condition) if (!all.some((r) => Math.abs(r.at - c.at) <= 60_000)) all.push(c);
  const sorted = all.sort((a, b) => a.at - b.at);
  return sorted.filter((r, i) => i === 0 || r.at - (sorted[i - 1] as KubeletRestart).at > 60_000);
}
