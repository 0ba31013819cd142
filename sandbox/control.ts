/**
 * The test/demo control surface: the same verbs as methods (Sandbox.control) and as HTTP
 * (POST /sandbox/control/<verb>?...), documented in sandbox/README.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessControl, ClusterScopeMode } from './api/access';
import { sendJson } from './api/http-util';
import { badRequest } from './api/status';
import type { WatchRegistry } from './api/watch-stream';
import type { Cluster } from './cluster/cluster';

/** Control verbs over a running sandbox. */
export interface SandboxControl {
  /**
   * The app in a pod of `namespace` (or the named pod) exits now, with its planned exit or
   * `exitCode` (reason Error, or Completed for 0); returns the pods crashed.
   */
  crash(namespace: string, pod?: string, exitCode?: number): string[];
  /** Ends every open watch; returns how many were open. */
  dropWatches(): number;
  /** Makes a namespace forbidden (403) for the client. */
  forbid(namespace: string, clusterScope?: ClusterScopeMode): void;
  /** Lifts forbid(). */
  allow(namespace: string): void;
  /** Forgets the watch history: every resourceVersion up to now answers 410 Gone. Returns it. */
  compact(): string;
  /** kubectl delete pod (graceful). */
  deletePod(namespace: string, pod: string): void;
  /** kubectl rollout undo deployment [--to-revision]. */
  rollback(namespace: string, deployment: string, revision?: number): void;
  /** kubectl set image: changes a Deployment container's image (a new rollout). */
  setImage(namespace: string, deployment: string, image: string, container?: string): void;
  /** Pushes a new build of `repository` and points `tag` at it; returns the new digest. */
  pushImage(repository: string, tag: string, build?: string): string;
  /** Restarts every node's kubelet (their in-memory back-off maps start over). */
  restartKubelet(): void;
  /** Moves the virtual clock forward by `ms`, running everything due on the way. */
  advance(ms: number): void;
}

/** Builds the control verbs over a cluster. */
export function createControl(
  cluster: Cluster,
  access: AccessControl,
  watches: WatchRegistry,
): SandboxControl {
  const settle = () => cluster.clock.runUntil(cluster.clock.now());
  return {
    crash(namespace, pod, exitCode) {
      const crashed = cluster.kubelet.crash(
        namespace,
        pod,
        exitCode === undefined ? {} : { exitCode },
      );
      settle();
      return crashed;
    },
    dropWatches: () => watches.dropAll(),
    forbid(namespace, clusterScope = 'forbid') {
      access.forbiddenNamespaces.add(namespace);
      access.clusterScope = clusterScope;
    },
    allow(namespace) {
      access.forbiddenNamespaces.delete(namespace);
    },
    compact() {
      cluster.store.compact();
      return String(cluster.store.currentRv());
    },
    deletePod(namespace, pod) {
      cluster.deletePod(namespace, pod);
      settle();
    },
    rollback(namespace, deployment, revision) {
      cluster.rollback(namespace, deployment, revision);
      settle();
    },
    setImage(namespace, deployment, image, container) {
      cluster.updateDeployment(namespace, deployment, (t) => {
        const c = container
          ? t.spec.containers.find((x) => x.name === container)
          : t.spec.containers[0];
        if (!c)
          throw new Error(
            `container ${container ?? ''} not found in deployment ${namespace}/${deployment}`,
          );
        c.image = image;
      });
      settle();
    },
    pushImage(repository, tag, build) {
      const pushed = cluster.registry.push(
        repository,
        build ?? `${repository}-${tag}-${cluster.clock.now()}`,
        tag,
      );
      return pushed.digest;
    },
    restartKubelet: () => cluster.kubelet.restartKubelets(),
    advance(ms) {
      cluster.clock.advance(ms);
    },
  };
}

/** Serves POST /sandbox/control/<verb>. */
export function serveControl(
  req: IncomingMessage,
  res: ServerResponse,
  control: SandboxControl,
  verb: string,
  q: URLSearchParams,
): void {
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'use POST' });
    return;
  }
  const need = (name: string) => {
    const v = q.get(name);
    if (!v) throw badRequest(`missing query parameter "${name}"`);
    return v;
  };
  const revision = q.get('revision');
  const handlers: Record<string, () => unknown> = {
    crash: () => {
      const code = q.get('exitCode');
      return {
        crashed: control.crash(
          need('namespace'),
          q.get('pod') ?? undefined,
          code === null ? undefined : Number(code),
        ),
      };
    },
    'drop-watches': () => ({ dropped: control.dropWatches() }),
    forbid: () => (
      control.forbid(need('namespace'), q.get('clusterScope') === 'filter' ? 'filter' : 'forbid'),
      { ok: true }
    ),
    allow: () => (control.allow(need('namespace')), { ok: true }),
    compact: () => ({ resourceVersion: control.compact() }),
    'delete-pod': () => (control.deletePod(need('namespace'), need('pod')), { ok: true }),
    rollback: () => (
      control.rollback(
        need('namespace'),
        need('deployment'),
        revision ? Number(revision) : undefined,
      ),
      { ok: true }
    ),
    'set-image': () => (
      control.setImage(
        need('namespace'),
        need('deployment'),
        need('image'),
        q.get('container') ?? undefined,
      ),
      { ok: true }
    ),
    'push-image': () => ({
      digest: control.pushImage(need('repository'), need('tag'), q.get('build') ?? undefined),
    }),
    'restart-kubelet': () => (control.restartKubelet(), { ok: true }),
    advance: () => (control.advance(Number(need('ms'))), { ok: true }),
    // The serving process, for fault tests that stop it (SIGSTOP: a hung API server) or ask the
    // process that hosts it to restart it (the e2e stack restarts its sandbox on SIGUSR2).
    pid: () => ({ pid: process.pid }),
  };
  const handler = handlers[verb];
  if (!handler) {
    sendJson(res, 404, {
      error: `unknown control verb "${verb}"; valid: ${Object.keys(handlers).join(', ')}`,
    });
    return;
  }
  sendJson(res, 200, handler());
}
