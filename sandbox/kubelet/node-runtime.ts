/** Per-node kubelet state: addresses, local images, and the in-memory back-off maps. */
import type { BackoffConfig } from './backoff';
import { Backoff } from './backoff';
import type { NodeImages } from './image-puller';

/** One simulated node's kubelet state. */
export class NodeRuntime {
  readonly images: NodeImages = new Map();
  crashLoopBackoff: Backoff;
  /** Called after a pull added images (the cluster refreshes node.status.images). */
  onImagesChanged?: () => void;
  private nextIp = 2;

  constructor(
    readonly name: string,
    readonly internalIP: string,
    /** Pod CIDR base, e.g. "10.244.1." */
    readonly podNet: string,
    private readonly backoffConfig: Partial<BackoffConfig>,
  ) {
    this.crashLoopBackoff = new Backoff(backoffConfig);
  }

  /** Next pod IP from the node's pod CIDR. */
  allocateIp(): string {
    const ip = `${this.podNet}${this.nextIp}`;
    this.nextIp = this.nextIp >= 250 ? 2 : this.nextIp + 1;
    return ip;
  }

  /** A kubelet restart: the back-off map lives in memory only, so every curve starts over. */
  restartKubelet(): void {
    this.crashLoopBackoff = new Backoff(this.backoffConfig);
  }
}
