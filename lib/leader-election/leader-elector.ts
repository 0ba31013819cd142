// Leader election on a coordination.k8s.io/v1 Lease, as client-go's leaderelection package does it
// (k8s.io/client-go/tools/leaderelection/leaderelection.go, tryAcquireOrRenew): read the Lease;
// take it when it is free, ours, or not renewed for leaseDuration as observed on *our* clock;
// write it back with the resourceVersion we read (a 409 means someone else wrote first). The
// leader renews every retryPeriod and gives up at once when a renewal has not succeeded for
// renewDeadline, or when the Lease names another holder. @kubernetes/client-node 1.4 ships no
// leader-election helper (only the generated CoordinationV1Api), hence this file.
import {
  K8sError,
  systemScheduler,
  type Scheduler,
  type TimerHandle,
  type Transport,
} from '../k8s';

/** Options of one elector (one Lease, one identity). */
export interface LeaderElectorOptions {
  transport: Transport;
  namespace: string;
  name: string;
  /** This replica's holderIdentity (pod name or hostname, plus the process id). */
  identity: string;
  scheduler?: Scheduler;
  /** How long a Lease not renewed stays taken. Default 15 s (client-go's usual value). */
  leaseDurationMs?: number;
  /** The leader gives up when it could not renew for this long. Default 10 s. */
  renewDeadlineMs?: number;
  /** Time between attempts (to acquire, or to renew). Default 2 s. */
  retryPeriodMs?: number;
  /** 0..1 at random: candidates wait retryPeriod × (1 + 1.2 × random), as client-go's jitter. */
  random?: () => number;
  /** Called when this replica becomes the leader; the next transition waits for it. */
  onStartedLeading: () => void | Promise<void>;
  /** Called at once when leadership ends (lost, or stop()); the Lease is released after it. */
  onStoppedLeading: () => void | Promise<void>;
  log?: (message: string) => void;
}

/** What the elector knows now. */
export interface LeaderState {
  role: 'leader' | 'standby' | 'stopped';
  /** The holder the Lease names, as last read (this identity when leading). */
  holder?: string;
  /** Epoch ms of the last successful renewal while leading. */
  renewedAt?: number;
  /** spec.leaseTransitions as last read or written. */
  transitions?: number;
}

/** A coordination.k8s.io/v1 Lease, the fields leader election uses. */
interface Lease {
  apiVersion: 'coordination.k8s.io/v1';
  kind: 'Lease';
  metadata: { name: string; namespace: string; resourceVersion?: string };
  spec: {
    holderIdentity?: string | null;
    leaseDurationSeconds?: number;
    acquireTime?: string | null;
    renewTime?: string | null;
    leaseTransitions?: number;
  };
}

/** A MicroTime as the API server parses it (RFC 3339 with exactly six fractional digits). */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Campaigns for one Lease until stopped; calls back on every change of leadership. */
export class LeaderElector {
  private readonly scheduler: Scheduler;
  private readonly leaseMs: number;
  private readonly deadlineMs: number;
  private readonly retryMs: number;
  private current: LeaderState = { role: 'stopped' };
  private running = false;
  private timer: TimerHandle | undefined;
  private deadline: TimerHandle | undefined;
  /** The last Lease read or written (its resourceVersion makes the next write conditional). */
  private observed: Lease | undefined;
  /** When the observed record last changed, on our clock (never the holder's clock). */
  private observedAt = 0;
  private observedSpec = '';
  /** Leadership callbacks run one after another, never overlapping. */
  private transitions: Promise<void> = Promise.resolve();
  private attempt: Promise<void> | undefined;
  private lastError: string | undefined;

  constructor(private readonly options: LeaderElectorOptions) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.leaseMs = options.leaseDurationMs ?? 15_000;
    this.deadlineMs = options.renewDeadlineMs ?? 10_000;
    this.retryMs = options.retryPeriodMs ?? 2_000;
  }

  /** The Lease as `namespace/name`. */
  get lease(): string {
    return `${this.options.namespace}/${this.options.name}`;
  }

  /** The state now. */
  state(): LeaderState {
    return this.current;
  }

  /** Starts campaigning (the first attempt at once). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.current = { role: 'standby' };
    this.tick();
  }

  /** Stops campaigning; when leading, stops leading (callback first) and releases the Lease. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.scheduler.clearTimeout(this.timer);
    this.scheduler.clearTimeout(this.deadline);
    await this.attempt;
    if (this.current.role === 'leader') this.stopLeading('stopping');
    await this.transitions;
    // Also when an attempt in flight took the Lease just as we stopped.
    await this.release();
    this.current = { role: 'stopped' };
  }

  private tick(): void {
    this.attempt = this.tryAcquireOrRenew()
      .then((held) => {
        this.lastError = undefined;
        return held;
      })
      .catch((error: unknown) => {
        // Logged once per distinct failure, not every retry while the API server is away.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== this.lastError)
          this.options.log?.(`podtrail: lease ${this.lease}: ${message}`);
        this.lastError = message;
        return false;
      })
      .then((held) => this.after(held))
      .finally(() => {
        this.attempt = undefined;
      });
  }

  private after(held: boolean): void {
    if (!this.running) return;
    if (held && this.current.role !== 'leader') this.startLeading();
    const leading = this.current.role === 'leader';
    if (leading && !held && this.current.holder && this.current.holder !== this.options.identity) {
      this.stopLeading(`the Lease names ${this.current.holder}`);
    }
    const random = this.options.random ?? Math.random;
    const wait =
      this.current.role === 'leader' ? this.retryMs : this.retryMs * (1 + 1.2 * random());
    this.timer = this.scheduler.setTimeout(() => this.tick(), wait);
  }

  private startLeading(): void {
    this.current = { ...this.current, role: 'leader' };
    this.options.log?.(`podtrail: lease ${this.lease}: ${this.options.identity} leads`);
    this.transitions = this.transitions.then(() => this.options.onStartedLeading());
  }

  private stopLeading(why: string): void {
    this.scheduler.clearTimeout(this.deadline);
    this.current = { ...this.current, role: this.running ? 'standby' : 'stopped' };
    this.options.log?.(`podtrail: lease ${this.lease}: ${this.options.identity} stops (${why})`);
    this.transitions = this.transitions.then(() => this.options.onStoppedLeading());
  }

  /** Renewed: the leader gives up renewDeadline from now unless it renews again. */
  private renewed(at: number): void {
    this.current = { ...this.current, holder: this.options.identity, renewedAt: at };
    this.scheduler.clearTimeout(this.deadline);
    this.deadline = this.scheduler.setTimeout(() => {
      if (this.running && this.current.role === 'leader') this.stopLeading('renew deadline passed');
    }, this.deadlineMs);
  }

  private path(name?: string): string {
    const base = `/apis/coordination.k8s.io/v1/namespaces/${encodeURIComponent(this.options.namespace)}/leases`;
    return name ? `${base}/${encodeURIComponent(name)}` : base;
  }

  private spec(now: number, previous?: Lease['spec']): Lease['spec'] {
    const ours = previous?.holderIdentity === this.options.identity;
    return {
      holderIdentity: this.options.identity,
      leaseDurationSeconds: Math.round(this.leaseMs / 1000),
      acquireTime: ours && previous?.acquireTime ? previous.acquireTime : microTime(now),
      renewTime: microTime(now),
      leaseTransitions: (previous?.leaseTransitions ?? 0) + (previous && !ours ? 1 : 0),
    };
  }

  /** One attempt; true when this identity holds the Lease afterwards. */
  private async tryAcquireOrRenew(): Promise<boolean> {
    const { transport, name, namespace, identity } = this.options;
    const timeoutMs = Math.max(1_000, this.retryMs * 2);
    let lease: Lease;
    try {
      lease = await transport.getJson<Lease>(this.path(name), { timeoutMs });
    } catch (error) {
      if (!K8sError.is(error) || !error.isNotFound) throw error;
      const now = this.scheduler.now();
      const created = await transport
        .sendJson<Lease>(
          'POST',
          this.path(),
          {
            apiVersion: 'coordination.k8s.io/v1',
            kind: 'Lease',
            metadata: { name, namespace },
            spec: this.spec(now),
          },
          { timeoutMs },
        )
        .catch((e: unknown) => this.conflict(e));
      return created ? this.held(created, now) : false;
    }
    const now = this.scheduler.now();
    const spec = JSON.stringify(lease.spec ?? {});
    if (spec !== this.observedSpec) {
      this.observedSpec = spec;
      this.observedAt = now;
    }
    this.observed = lease;
    const holder = lease.spec?.holderIdentity || undefined;
    this.current = { ...this.current, holder, transitions: lease.spec?.leaseTransitions };
    if (holder && holder !== identity && this.observedAt + this.leaseMs > now) return false;
    const updated = await transport
      .sendJson<Lease>(
        'PUT',
        this.path(name),
        { ...lease, metadata: { ...lease.metadata }, spec: this.spec(now, lease.spec) },
        { timeoutMs },
      )
      .catch((e: unknown) => this.conflict(e));
    return updated ? this.held(updated, now) : false;
  }

  /** A 409 (someone else wrote first) is a lost race, not an error. */
  private conflict(error: unknown): undefined {
    if (K8sError.is(error) && error.status === 409) return undefined;
    throw error;
  }

  private held(lease: Lease, at: number): boolean {
    this.observed = lease;
    this.observedSpec = JSON.stringify(lease.spec ?? {});
    this.observedAt = at;
    this.current = { ...this.current, transitions: lease.spec?.leaseTransitions };
    if (!this.running) return true;
    this.renewed(at);
    return true;
  }

  /** Hands the Lease back (no holder) so a standby takes over at its next attempt. */
  private async release(): Promise<void> {
    const lease = this.observed;
    if (!lease || lease.spec?.holderIdentity !== this.options.identity) return;
    const now = this.scheduler.now();
    const spec = {
      holderIdentity: null,
      leaseDurationSeconds: 1,
      acquireTime: microTime(now),
      renewTime: microTime(now),
      leaseTransitions: lease.spec.leaseTransitions,
    };
    await this.options.transport
      .sendJson('PUT', this.path(this.options.name), { ...lease, spec }, { timeoutMs: 5_000 })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.options.log?.(`podtrail: lease ${this.lease}: not released (${message})`);
      });
  }
}
