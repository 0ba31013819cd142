/** A deduplicating work queue on the virtual clock, like client-go's workqueue for controllers. */
import type { SimClock } from '../sim/clock';

/** Coalesces repeated requests for the same key into one reconcile. */
export class WorkQueue {
  private readonly pending = new Set<string>();

  constructor(
    private readonly clock: SimClock,
    private readonly handler: (key: string) => void,
    private readonly delayMs = 0,
  ) {}

  /** Schedules a reconcile of `key` unless one is already pending. */
  add(key: string): void {
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.clock.after(this.delayMs, () => {
      this.pending.delete(key);
      this.handler(key);
    });
  }
}

/** The controller owner of an object (ownerReferences with controller: true). */
export function controllerOf(obj: {
  metadata: {
    ownerReferences?: { uid: string; kind: string; name: string; controller?: boolean }[];
  };
}) {
  return obj.metadata.ownerReferences?.find((o) => o.controller);
}
