/**
 * One pod as its kubelet tracks it: containers, addresses, and the status/event writers
 * (conditions per pkg/kubelet/status/generate.go; only changed status is written).
 */
import { rfc3339 } from '../sim/time-format';
import type { InvolvedObject } from './event-recorder';
import type { NodeRuntime } from './node-runtime';
import { containerStatus, podPhase, qosClass } from './pod-status';
import type { PodObject } from './pod-types';
import type { ContainerRt, KubeletDeps } from './runtime-types';

/** A pod admitted by a simulated kubelet. */
export class PodRuntime {
  readonly uid: string;
  readonly name: string;
  readonly namespace: string;
  readonly restartPolicy: string;
  readonly graceSeconds: number;
  readonly containers = new Map<string, ContainerRt>();
  podIP: string | undefined;
  sandboxReady = false;
  terminating = false;
  private readonly startTime: number;
  private readonly podRv: string;
  private lastStatus = '';
  private readonly transitions = new Map<string, { status: string; time: number }>();

  constructor(
    pod: PodObject,
    readonly node: NodeRuntime,
    private readonly deps: KubeletDeps,
  ) {
    this.uid = pod.metadata.uid;
    this.name = pod.metadata.name;
    this.namespace = pod.metadata.namespace ?? 'default';
    this.restartPolicy = pod.spec.restartPolicy ?? 'Always';
    this.graceSeconds = pod.spec.terminationGracePeriodSeconds ?? 30;
    this.startTime = deps.clock.now();
    this.podRv = pod.metadata.resourceVersion;
    for (const spec of pod.spec.containers) {
      this.containers.set(spec.name, {
        spec,
        instances: [],
        ready: false,
        timers: [],
        busy: false,
        probeFailures: 0,
        killing: false,
      });
    }
  }

  /** The pod as an event's involvedObject (GenerateContainerRef adds the fieldPath). */
  ref(c?: ContainerRt): InvolvedObject {
    return {
      kind: 'Pod',
      namespace: this.namespace,
      name: this.name,
      uid: this.uid,
      apiVersion: 'v1',
      resourceVersion: this.podRv,
      ...(c ? { fieldPath: `spec.containers{${c.spec.name}}` } : {}),
    };
  }

  /** Records a kubelet event about the pod (or one of its containers). */
  event(
    c: ContainerRt | undefined,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    this.deps.recorder.record({
      involvedObject: this.ref(c),
      type,
      reason,
      message,
      source: { component: 'kubelet', host: this.node.name },
    });
  }

  /** Node events of a global OOM kill: kubelet SystemOOM and node-problem-detector OOMKilling. */
  recordNodeOom(process: string): void {
    const rng = this.deps.rng;
    const pid = rng.int(20_000, 4_000_000);
    const node: InvolvedObject = {
      kind: 'Node',
      name: this.node.name,
      uid: this.node.name,
      apiVersion: 'v1',
    };
    this.deps.recorder.record({
      involvedObject: node,
      type: 'Warning',
      reason: 'SystemOOM',
      message: `System OOM encountered, victim process: ${process}, pid: ${pid}`,
      source: { component: 'kubelet', host: this.node.name },
    });
    const anon = rng.int(7_400_000, 7_900_000);
    this.deps.recorder.record({
      involvedObject: node,
      type: 'Warning',
      reason: 'OOMKilling',
      // node-problem-detector config/kernel-monitor.json rule "Killed process \d+ (.+) total-vm:...".
      message: `Out of memory: Killed process ${pid} (${process}) total-vm:${anon + 1_310_000}kB, anon-rss:${anon}kB, file-rss:${rng.int(1000, 9000)}kB, shmem-rss:0kB, UID:1000 pgtables:${rng.int(15_000, 16_500)}kB oom_score_adj:1000`,
      source: { component: 'kernel-monitor', host: this.node.name },
    });
  }

  private condition(
    type: string,
    ok: boolean,
    extra: Record<string, string> = {},
  ): Record<string, unknown> {
    const status = ok ? 'True' : 'False';
    const prev = this.transitions.get(type);
    const time = prev && prev.status === status ? prev.time : this.deps.clock.now();
    this.transitions.set(type, { status, time });
    return { type, status, lastProbeTime: null, lastTransitionTime: rfc3339(time), ...extra };
  }

  /** Writes the pod status if it changed; `final` marks a pod that finished terminating. */
  writeStatus(final = false): void {
    const pod = this.deps.store.get('pods', this.namespace, this.name) as PodObject | undefined;
    if (!pod || pod.metadata.uid !== this.uid) return;
    const containers = [...this.containers.values()];
    const mounts = (c: ContainerRt) =>
      (c.spec.volumeMounts ?? []).map((m) => ({
        name: m.name,
        mountPath: m.mountPath,
        ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
      }));
    const unready = containers.filter(
      (c) =>
        !(
          c.ready &&
          !c.waiting &&
          c.instances.at(-1)?.finishedAt === undefined &&
          c.instances.length
        ),
    );
    const notReady = {
      reason: 'ContainersNotReady',
      message: `containers with unready status: [${unready.map((c) => c.spec.name).join(' ')}]`,
    };
    const old = (pod.status ?? {}) as Record<string, unknown>;
    const scheduled = ((old.conditions as Record<string, unknown>[] | undefined) ?? []).find(
      (c) => c.type === 'PodScheduled',
    );
    let phase = podPhase(containers, this.restartPolicy);
    if (final) {
      const exits = containers.map((c) => c.instances.at(-1)?.exitCode ?? 0);
      phase = exits.every((e) => e === 0) ? 'Succeeded' : 'Failed';
    }
    const status: Record<string, unknown> = {
      phase,
      conditions: [
        this.condition('PodReadyToStartContainers', this.sandboxReady && !final),
        this.condition('Initialized', true),
        this.condition('Ready', unready.length === 0, unready.length ? notReady : {}),
        this.condition('ContainersReady', unready.length === 0, unready.length ? notReady : {}),
        ...(scheduled ? [scheduled] : []),
      ],
      hostIP: this.node.internalIP,
      hostIPs: [{ ip: this.node.internalIP }],
      ...(this.podIP ? { podIP: this.podIP, podIPs: [{ ip: this.podIP }] } : {}),
      startTime: rfc3339(this.startTime),
      containerStatuses: containers.map((c) => containerStatus(c, mounts(c))),
      qosClass: qosClass(pod.spec.containers),
    };
    const json = JSON.stringify(status);
    if (json === this.lastStatus) return;
    this.lastStatus = json;
    pod.status = status;
    this.deps.store.update('pods', pod);
  }
}
