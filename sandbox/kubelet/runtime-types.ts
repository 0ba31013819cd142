/** Shared types of the kubelet simulator's runtime state. */
import type { SimClock, TimerHandle } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { ImageRegistry } from '../registry/image-registry';
import type { ObjectStore } from '../store/object-store';
import type { Behaviour } from './behaviour';
import type { EventRecorder } from './event-recorder';
import type { NodeRuntime } from './node-runtime';
import type { ContainerRuntime } from './pod-status';

/** What the kubelet needs from the cluster. */
export interface KubeletDeps {
  store: ObjectStore;
  clock: SimClock;
  rng: Rng;
  recorder: EventRecorder;
  registry: ImageRegistry;
  nodes: Map<string, NodeRuntime>;
  behaviourFor: (image: string) => Behaviour;
}

/** The runtime state of one container, with its pending timers. */
export interface ContainerRt extends ContainerRuntime {
  timers: TimerHandle[];
  sync?: TimerHandle;
  busy: boolean;
  probeFailures: number;
  killing: boolean;
}
