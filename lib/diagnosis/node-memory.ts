// The node side of an OOM kill: a container without a limit (or a node overcommitted by limits)
// is killed by the kernel when the *node* runs out of memory, so the page shows the node's
// MemoryPressure condition and its memory events next to the kills. Reasons: kubelet SystemOOM
// (pkg/kubelet/oom/oom_watcher_linux.go), node-problem-detector OOMKilling (kernel-monitor.json),
// eviction manager EvictionThresholdMet and Evicted (pkg/kubelet/eviction), and the kubelet's
// NodeHasInsufficientMemory / NodeHasSufficientMemory condition events (nodestatus/setters.go).
import { parseQuantity } from './quantity';
import { toMs } from './time';
import type { ContainerTimeline, NodeLike, NodeMemory, TimelineEvent } from './types';

const MEMORY_REASONS = new Set([
  'SystemOOM',
  'OOMKilling',
  'EvictionThresholdMet',
  'Evicted',
  'NodeHasInsufficientMemory',
  'NodeHasSufficientMemory',
]);

/** Whether a container of the pod was OOM-killed (reason OOMKilled on any run). */
function oomKilled(containers: ContainerTimeline[]): boolean {
  return containers.some((c) => c.runs.some((r) => r.reason === 'OOMKilled'));
}

/**
 * The node's memory state for a pod with an OOM kill: MemoryPressure as the node reports it and
 * the node's memory events (plus this pod's Evicted events); undefined without a kill or a node.
 */
export function nodeMemory(
  nodeName: string | undefined,
  node: NodeLike | undefined,
  events: TimelineEvent[],
  containers: ContainerTimeline[],
): NodeMemory | undefined {
  if (!nodeName || !oomKilled(containers)) return undefined;
  const about = `Node/${nodeName}`;
  const own = node?.metadata.name === nodeName ? node : undefined;
  const pressure = own?.status?.conditions?.find((c) => c.type === 'MemoryPressure');
  return {
    name: nodeName,
    memoryPressure: pressure && {
      status: pressure.status,
      reason: pressure.reason,
      message: pressure.message,
      since: toMs(pressure.lastTransitionTime),
      heartbeatAt: toMs(pressure.lastHeartbeatTime),
    },
    allocatableBytes: parseQuantity(own?.status?.allocatable?.memory),
    events: events.filter(
      (e) =>
        MEMORY_REASONS.has(e.reason) && (e.about === about || (!e.about && e.reason === 'Evicted')),
    ),
  };
}
