/**
 * The kubelet simulator: admits pods bound to its nodes, pulls images, starts containers,
 * restarts them with the real crash-loop back-off (kuberuntime_manager.go doBackOff), runs
 * liveness probes, kills containers on pod deletion, and writes status and events as the kubelet.
 * Bigger than the house limit because the container lifecycle reads best in one place.
 */
import { formatGoDuration } from '../sim/go-duration';
import type { PlannedExit } from './behaviour';
import { stableKey } from './backoff';
import { resolveEnv } from './container-config';
import { ImagePuller, pulledMessage } from './image-puller';
import type { NodeRuntime } from './node-runtime';
import type { Instance } from './pod-status';
import type { PodObject } from './pod-types';
import { PodRuntime } from './pod-runtime';
import type { ContainerRt, KubeletDeps } from './runtime-types';
import { probeFailureText, schedulePod } from './probes';

// pod_workers.go: a failed sync is retried after wait.Jitter(backOffPeriod = 10s, 0.5).
const RESYNC_MS = 10_000;
// genericPlegRelistPeriod = 1s: an exit is noticed within about a second.
const PLEG_MS = 1_000;

/** Simulated kubelets for every node of the sandbox. */
export class Kubelet {
  readonly pods = new Map<string, PodRuntime>();
  private readonly pullers = new Map<string, ImagePuller>();

  constructor(private readonly deps: KubeletDeps) {
    deps.store.subscribe((change) => {
      if (change.resource !== 'pods') return;
      const { namespace = '', name } = change.object.metadata;
      deps.clock.after(0, () => this.observe(namespace, name, change.object.metadata.uid));
    });
  }

  /** Reacts to a pod change: admit newly bound pods, terminate pods marked for deletion. */
  private observe(namespace: string, name: string, uid: string): void {
    const pod = this.deps.store.get('pods', namespace, name) as PodObject | undefined;
    const rt = this.pods.get(uid);
    if (!pod || pod.metadata.uid !== uid) {
      if (rt) this.forget(rt);
      return;
    }
    const node = this.deps.nodes.get(pod.spec.nodeName ?? '');
    if (!node) return;
    if (!rt && !pod.metadata.deletionTimestamp) {
      const p = new PodRuntime(pod, node, this.deps);
      this.pods.set(uid, p);
      this.deps.clock.after(this.deps.rng.int(150, 600), () => this.admit(p));
    } else if (rt && pod.metadata.deletionTimestamp && !rt.terminating) {
      this.terminate(rt, pod.metadata.deletionGracePeriodSeconds ?? 30);
    }
  }

  private puller(node: NodeRuntime): ImagePuller {
    let p = this.pullers.get(node.name);
    if (!p) this.pullers.set(node.name, (p = new ImagePuller(this.deps.registry, this.deps.rng)));
    return p;
  }

  private admit(p: PodRuntime): void {
    if (p.terminating || !this.pods.has(p.uid)) return;
    p.writeStatus();
    this.deps.clock.after(this.deps.rng.int(700, 1800), () => {
      if (p.terminating) return;
      p.podIP = p.node.allocateIp();
      p.sandboxReady = true;
      p.writeStatus();
      let delay = 0;
      for (const c of p.containers.values()) {
        this.deps.clock.after((delay += this.deps.rng.int(5, 60)), () => this.startContainer(p, c));
      }
    });
  }

  /** startContainer: pull, resolve config, create, start (kuberuntime_container.go). */
  private startContainer(p: PodRuntime, c: ContainerRt): void {
    if (p.terminating) return;
    const { clock } = this.deps;
    const puller = this.puller(p.node);
    const image = c.spec.image;
    c.busy = true;
    if (!puller.needsPull(p.node.images, image, c.spec.imagePullPolicy)) {
      p.event(c, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
      this.createContainer(p, c, puller.present(p.node.images, image));
      return;
    }
    const backoffMessage = puller.inBackoff(p.uid, image, clock.now());
    if (backoffMessage) {
      p.event(c, 'Normal', 'BackOff', backoffMessage);
      p.event(c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      this.hold(p, c, { reason: 'ImagePullBackOff', message: backoffMessage });
      return;
    }
    p.event(c, 'Normal', 'Pulling', `Pulling image "${image}"`);
    const pullMs = puller.pullDuration(p.node.images, image);
    c.timers.push(
      clock.after(pullMs, () => {
        const outcome = puller.completePull(p.node.images, p.uid, image, pullMs, clock.now());
        if (outcome.kind === 'failed') {
          p.event(c, 'Warning', 'Failed', `Failed to pull image "${image}": ${outcome.error}`);
          p.event(c, 'Warning', 'Failed', 'Error: ErrImagePull');
          this.hold(p, c, { reason: 'ErrImagePull', message: outcome.error });
          return;
        }
        if (outcome.kind === 'pulled') {
          p.event(c, 'Normal', 'Pulled', pulledMessage(image, outcome.pullMs, outcome.size));
          p.node.onImagesChanged?.();
        }
        this.createContainer(p, c, outcome);
      }),
    );
  }

  /** Keeps a container in a waiting reason and retries at the next pod sync. */
  private hold(p: PodRuntime, c: ContainerRt, waiting: { reason: string; message?: string }): void {
    c.busy = false;
    c.waiting = waiting;
    c.ready = false;
    p.writeStatus();
    this.requeue(p, c);
  }

  private requeue(p: PodRuntime, c: ContainerRt): void {
    c.sync?.cancel();
    c.sync = this.deps.clock.after(this.deps.rng.jitter(RESYNC_MS, 0.5), () =>
      this.syncContainer(p, c),
    );
  }

  private createContainer(
    p: PodRuntime,
    c: ContainerRt,
    pulled: { image?: string; imageID?: string; digest?: string },
  ): void {
    const { store, clock, rng } = this.deps;
    const env = resolveEnv(store, p.namespace, c.spec);
    if ('error' in env) {
      p.event(c, 'Warning', 'Failed', `Error: ${env.error}`);
      this.hold(p, c, { reason: 'CreateContainerConfigError', message: env.error });
      return;
    }
    p.event(c, 'Normal', 'Created', `Created container ${c.spec.name}`);
    c.timers.push(
      clock.after(rng.int(40, 160), () => {
        if (p.terminating) return;
        const last = c.instances[c.instances.length - 1];
        const startedAt = clock.now();
        const plan = this.deps.behaviourFor(c.spec.image)({
          namespace: p.namespace,
          podName: p.name,
          nodeName: p.node.name,
          containerName: c.spec.name,
          restartCount: last ? last.restartCount + 1 : 0,
          image: c.spec.image,
          imageDigest: pulled.digest ?? '',
          env: env.env,
          configMap: (name) =>
            store.get('configmaps', p.namespace, name)?.data as Record<string, string> | undefined,
          podIP: p.podIP ?? '',
          rng,
        });
        const inst: Instance = {
          id: rng.hex(64),
          restartCount: last ? last.restartCount + 1 : 0,
          image: pulled.image ?? c.spec.image,
          imageID: pulled.imageID ?? '',
          startedAt,
          plan,
          extra: [],
        };
        c.instances = [...c.instances, inst].slice(-2);
        c.waiting = undefined;
        c.busy = false;
        c.probeFailures = 0;
        c.ready = !c.spec.readinessProbe && !c.spec.startupProbe;
        p.event(c, 'Normal', 'Started', `Started container ${c.spec.name}`);
        p.writeStatus();
        if (plan.exit) {
          const exit = plan.exit;
          c.timers.push(clock.after(exit.afterMs, () => this.exit(p, c, inst, exit)));
        }
        schedulePod(this.deps.clock, p, c, inst, {
          onLivenessFailure: () => this.livenessFailed(p, c, inst),
          onReadinessChange: () => p.writeStatus(),
          event: (type, reason, message) => p.event(c, type, reason, message),
          failureText: (probe) => probeFailureText(probe, p.podIP ?? ''),
        });
      }),
    );
  }

  /** A container instance exits; the kubelet notices at the next PLEG relist. */
  private exit(p: PodRuntime, c: ContainerRt, inst: Instance, exit: PlannedExit): void {
    if (inst.finishedAt !== undefined) return;
    for (const t of c.timers) t.cancel();
    c.timers = [];
    inst.finishedAt = this.deps.clock.now();
    inst.exitCode = exit.exitCode;
    inst.reason = exit.reason ?? (exit.exitCode === 0 ? 'Completed' : 'Error');
    c.ready = false;
    c.killing = false;
    if (exit.oomProcess) p.recordNodeOom(exit.oomProcess);
    p.writeStatus();
    if (p.terminating) {
      this.finishTermination(p);
      return;
    }
    c.sync?.cancel();
    c.sync = this.deps.clock.after(this.deps.rng.int(200, PLEG_MS), () => this.syncContainer(p, c));
  }

  /** One pod-worker sync of a container: doBackOff, then start or hold in CrashLoopBackOff. */
  private syncContainer(p: PodRuntime, c: ContainerRt): void {
    if (p.terminating || c.busy) return;
    const now = this.deps.clock.now();
    const cur = c.instances[c.instances.length - 1];
    if (cur && cur.finishedAt === undefined) return;
    if (cur?.finishedAt !== undefined) {
      if (p.restartPolicy === 'Never' || (p.restartPolicy === 'OnFailure' && cur.exitCode === 0))
        return;
      const backoff = p.node.crashLoopBackoff;
      backoff.gc(now);
      const key = stableKey(p, c.spec);
      if (backoff.isInBackOffSince(key, cur.finishedAt, now)) {
        const pod = `${p.name}_${p.namespace}(${p.uid})`;
        p.event(
          c,
          'Warning',
          'BackOff',
          `Back-off restarting failed container ${c.spec.name} in pod ${pod}`,
        );
        const message = `back-off ${formatGoDuration(backoff.get(key))} restarting failed container=${c.spec.name} pod=${pod}`;
        this.hold(p, c, { reason: 'CrashLoopBackOff', message });
        return;
      }
      backoff.next(key, cur.finishedAt, now);
    }
    this.startContainer(p, c);
  }

  private livenessFailed(p: PodRuntime, c: ContainerRt, inst: Instance): void {
    p.event(
      c,
      'Normal',
      'Killing',
      `Container ${c.spec.name} failed liveness probe, will be restarted`,
    );
    const grace = c.spec.livenessProbe?.terminationGracePeriodSeconds ?? p.graceSeconds;
    this.kill(p, c, inst, grace);
  }

  /** killContainer: SIGTERM, then SIGKILL after the grace period (exit 143 or 137, reason Error). */
  private kill(p: PodRuntime, c: ContainerRt, inst: Instance, graceSeconds: number): void {
    if (inst.finishedAt !== undefined || c.killing) return;
    c.killing = true;
    for (const t of c.timers) t.cancel();
    c.timers = [];
    const now = this.deps.clock.now();
    if (inst.plan.ignoresSigterm) {
      c.timers.push(
        this.deps.clock.after(graceSeconds * 1000, () =>
          this.exit(p, c, inst, { afterMs: 0, exitCode: 137 }),
        ),
      );
      return;
    }
    const after = this.deps.rng.int(80, 600);
    (inst.plan.onSigterm ?? []).forEach((text, i) =>
      inst.extra.push({ time: now + 20 + i * 10, text }),
    );
    c.timers.push(
      this.deps.clock.after(after, () => this.exit(p, c, inst, { afterMs: 0, exitCode: 143 })),
    );
  }

  /** Graceful pod deletion: stop every running container, then the final status and delete. */
  private terminate(p: PodRuntime, graceSeconds: number): void {
    p.terminating = true;
    for (const c of p.containers.values()) {
      c.sync?.cancel();
      const cur = c.instances[c.instances.length - 1];
      if (cur && cur.finishedAt === undefined) {
        p.event(c, 'Normal', 'Killing', `Stopping container ${c.spec.name}`);
        this.kill(p, c, cur, graceSeconds);
      } else {
        for (const t of c.timers) t.cancel();
      }
    }
    this.finishTermination(p);
  }

  private finishTermination(p: PodRuntime): void {
    const running = [...p.containers.values()].some((c) => {
      const cur = c.instances[c.instances.length - 1];
      return cur && cur.finishedAt === undefined;
    });
    if (running) return;
    for (const c of p.containers.values()) c.waiting = undefined;
    p.writeStatus(true);
    this.deps.clock.after(this.deps.rng.int(50, 400), () => {
      const pod = this.deps.store.get('pods', p.namespace, p.name);
      if (pod && pod.metadata.uid === p.uid) this.deps.store.delete('pods', p.namespace, p.name);
      this.forget(p);
    });
  }

  private forget(p: PodRuntime): void {
    for (const c of p.containers.values()) {
      c.sync?.cancel();
      for (const t of c.timers) t.cancel();
    }
    this.pods.delete(p.uid);
  }

  /**
   * Control: the app in a pod of `namespace` (every pod when `all`) crashes now, writing `lines`
   * first; exit 1 (or the plan's own exit) unless `exitCode` is given.
   */
  crash(
    namespace: string,
    podName?: string,
    options: { lines?: string[]; all?: boolean; exitCode?: number } = {},
  ): string[] {
    const crashed: string[] = [];
    for (const p of this.pods.values()) {
      if (p.namespace !== namespace || (podName && p.name !== podName) || p.terminating) continue;
      for (const c of p.containers.values()) {
        const cur = c.instances[c.instances.length - 1];
        if (!cur || cur.finishedAt !== undefined) continue;
        const planned = cur.plan.exit;
        const now = this.deps.clock.now();
        (options.lines ?? []).forEach((text, i) =>
          cur.extra.push({ time: now - (options.lines?.length ?? 0) + i, text }),
        );
        const exitCode = options.exitCode ?? planned?.exitCode ?? 1;
        const reason = options.exitCode === undefined ? planned?.reason : undefined;
        this.exit(p, c, cur, { afterMs: 0, exitCode, ...(reason ? { reason } : {}) });
        crashed.push(p.name);
      }
      if (crashed.length && !podName && !options.all) break;
    }
    return crashed;
  }

  /**
   * Control: restart the kubelet of every node (back-off curves start over). Each reports its
   * start on its Node as the kubelet does (kubelet.go: events.StartingKubelet, "Starting kubelet.").
   */
  restartKubelets(): void {
    for (const node of this.deps.nodes.values()) {
      node.restartKubelet();
      this.deps.recorder.record({
        involvedObject: { kind: 'Node', name: node.name, uid: node.name, apiVersion: '' },
        type: 'Normal',
        reason: 'Starting',
        message: 'Starting kubelet.',
        source: { component: 'kubelet', host: node.name },
      });
    }
  }
}
