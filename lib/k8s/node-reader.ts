// The pod's node as a pod page needs it: the Node object (conditions: MemoryPressure, Ready) and
// the events about it (SystemOOM, OOMKilling, "Starting kubelet.", NodeHasInsufficientMemory).
// Node events live in the `default` namespace (the kubelet's nodeRef has no namespace), so they
// are asked for by field selector, as `kubectl describe node` does. One read per node is shared
// by every viewer for `shareMs` (single-flight); a node that cannot be read (403, gone) is
// undefined, never an error for the page.
import type { EventLike, NodeLike } from '../diagnosis';
import type { Scheduler } from './scheduler';
import type { Transport } from './transport';

/** The node and its events, as read. */
export interface NodeFacts {
  node?: NodeLike;
  events: EventLike[];
}

/** Reads nodes and their events of one cluster. */
export class NodeReader {
  private readonly reads = new Map<string, { at: number; facts: Promise<NodeFacts> }>();

  constructor(
    private readonly options: { transport: Transport; scheduler: Scheduler; shareMs?: number },
  ) {}

  /** The node and its events (shared for `shareMs`, default 15 s). */
  read(name: string): Promise<NodeFacts> {
    const now = this.options.scheduler.now();
    const maxAge = this.options.shareMs ?? 15_000;
    for (const [key, entry] of this.reads) if (now - entry.at >= maxAge) this.reads.delete(key);
    const hit = this.reads.get(name);
    if (hit) return hit.facts;
    const facts = this.fetch(name);
    this.reads.set(name, { at: now, facts });
    return facts;
  }

  private async fetch(name: string): Promise<NodeFacts> {
    const { transport } = this.options;
    const [node, events] = await Promise.all([
      transport
        .getJson<NodeLike>(`/api/v1/nodes/${encodeURIComponent(name)}`, { timeoutMs: 3_000 })
        .catch(() => undefined),
      transport
        .getJson<{ items?: EventLike[] }>('/api/v1/events', {
          timeoutMs: 3_000,
          query: { fieldSelector: `involvedObject.kind=Node,involvedObject.name=${name}` },
        })
        .then((list) => list.items ?? [])
        .catch(() => [] as EventLike[]),
    ]);
    return { node, events };
  }
}
