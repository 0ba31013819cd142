// The contact with one cluster's API server, apart from any watch: a cheap request with a timeout
// every few seconds (list the namespaces named kube-system), so a hung server (process stopped,
// TCP open, watches silent) is noticed in seconds; the cluster's identity (the kube-system
// namespace's UID) is known: when it changes, this is another cluster (or a rebuilt one); and the
// cluster's current resourceVersion (the list's) is known: when it goes back, the cluster was
// restored from an older state. Either way every cache must list again — a real API server
// answers a watch from a resourceVersion it has not reached with silence, not an error
// (contract/contract.real.test.ts).
import { K8sError } from './k8s-error';
import type { KubeList, KubeObject } from './kube-object';
import { compareResourceVersions } from './resource-version';
import type { Scheduler, TimerHandle } from './scheduler';
import type { Transport } from './transport';

/** What the dashboard knows about reaching one cluster. */
export interface ClusterContact {
  /** unknown: not asked yet; ok: the last probe was answered; unreachable: it was not. */
  state: 'unknown' | 'ok' | 'unreachable';
  /** Epoch ms of the last answer from the API server (a probe, a list, a watch event). */
  lastContactAt?: number;
  /** Since when the API server has not answered (state unreachable). */
  unreachableSince?: number;
  /** Why the last probe failed, worded for a person (no URL). */
  message?: string;
  /** The kube-system namespace's UID, when readable. */
  identity?: string;
  /** The last time the identity changed: a different (or rebuilt) cluster behind the address. */
  identityChange?: { at: number; from: string; to: string };
  /** The cluster's resourceVersion at the last probe (the namespace list's). */
  resourceVersion?: string;
  /** The last time the resourceVersion went back (same identity): restored from an older state. */
  rewind?: { at: number; from: string; to: string };
}

/** Options of a contact monitor. */
export interface ClusterContactOptions {
  transport: Transport;
  cluster: string;
  scheduler: Scheduler;
  /** Probe period while answered. Default 10 s. */
  intervalMs?: number;
  /** Probe period while not answered. Default 3 s. */
  retryMs?: number;
  /** A probe not answered within this is a failure. Default 5 s. */
  timeoutMs?: number;
  /** Called when the identity changed (after the contact state has been updated). */
  onIdentityChange?: (change: { from: string; to: string }) => void;
  /** Called when the cluster's resourceVersion went back (same identity). */
  onRewind?: (rewind: { from: string; to: string }) => void;
  /** Called whenever the contact state changes. */
  onChange?: (contact: ClusterContact) => void;
}

const identityQuery = { fieldSelector: 'metadata.name=kube-system' };

/** Probes one cluster's API server until stopped. */
export class ClusterContactMonitor {
  private contact: ClusterContact = { state: 'unknown' };
  private timer: TimerHandle | undefined;
  private running = false;
  private probing: Promise<void> | undefined;

  constructor(private readonly options: ClusterContactOptions) {}

  /** The contact now. */
  get(): ClusterContact {
    return this.contact;
  }

  /** Starts probing (the first probe at once). */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.probe();
  }

  /** Stops probing. */
  stop(): void {
    this.running = false;
    this.options.scheduler.clearTimeout(this.timer);
  }

  /** Records an answer seen elsewhere (a watch event, a list). */
  heard(at: number): void {
    if (this.contact.lastContactAt !== undefined && this.contact.lastContactAt >= at) return;
    // A watch event while the probe says unreachable: probe again now rather than guess.
    this.contact = { ...this.contact, lastContactAt: at };
    if (this.contact.state === 'unreachable') this.probeSoon();
  }

  /** Probes now (e.g. after a watch failed); resolves when that probe is done. */
  probeSoon(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return this.probe();
  }

  private probe(): Promise<void> {
    this.probing ??= this.runProbe().finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  private async runProbe(): Promise<void> {
    const { scheduler } = this.options;
    const before = this.contact;
    let next = await this.ask();
    const at = scheduler.now();
    let change: { from: string; to: string } | undefined;
    let rewind: { from: string; to: string } | undefined;
    if (before.identity && next.identity && before.identity !== next.identity) {
      change = { from: before.identity, to: next.identity };
      next = { ...next, identityChange: { at, ...change } };
    } else if (
      before.resourceVersion &&
      next.resourceVersion &&
      (compareResourceVersions(next.resourceVersion, before.resourceVersion) ?? 0) < 0
    ) {
      rewind = { from: before.resourceVersion, to: next.resourceVersion };
      next = { ...next, rewind: { at, ...rewind } };
    }
    this.contact = next;
    if (
      before.state !== next.state ||
      before.message !== next.message ||
      before.identity !== next.identity ||
      rewind
    )
      this.options.onChange?.(next);
    if (change) this.options.onIdentityChange?.(change);
    if (rewind) this.options.onRewind?.(rewind);
    if (!this.running) return;
    scheduler.clearTimeout(this.timer);
    const wait =
      next.state === 'unreachable'
        ? (this.options.retryMs ?? 3_000)
        : (this.options.intervalMs ?? 10_000);
    this.timer = scheduler.setTimeout(() => void this.probe(), wait);
  }

  /** One probe: the contact it shows (identity and resourceVersion when readable). */
  private async ask(): Promise<ClusterContact> {
    const { transport, scheduler } = this.options;
    try {
      const list = await transport.getJson<KubeList<KubeObject>>('/api/v1/namespaces', {
        query: identityQuery,
        timeoutMs: this.options.timeoutMs ?? 5_000,
        scope: { cluster: this.options.cluster, resource: 'namespaces' },
      });
      return this.answered(
        scheduler.now(),
        list.items?.[0]?.metadata?.uid,
        list.metadata?.resourceVersion,
      );
    } catch (error) {
      const at = scheduler.now();
      // Any HTTP answer (403 on namespaces, 404) is contact; identity and resourceVersion stay
      // as they were.
      if (K8sError.is(error) && error.status >= 400 && error.status < 500)
        return this.answered(at, undefined, undefined);
      return {
        ...this.contact,
        state: 'unreachable',
        unreachableSince: this.contact.unreachableSince ?? at,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private answered(
    at: number,
    uid: string | undefined,
    resourceVersion: string | undefined,
  ): ClusterContact {
    return {
      state: 'ok',
      lastContactAt: Math.max(at, this.contact.lastContactAt ?? 0),
      identity: uid ?? this.contact.identity,
      identityChange: this.contact.identityChange,
      resourceVersion: resourceVersion ?? this.contact.resourceVersion,
      rewind: this.contact.rewind,
    };
  }
}
