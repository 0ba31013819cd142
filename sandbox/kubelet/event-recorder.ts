/**
 * core/v1 Events as client-go's legacy recorder writes them (tools/record/events_cache.go):
 * identical events are deduplicated into count/firstTimestamp/lastTimestamp, 10 similar events
 * in 600s are combined, a per-object token bucket (burst 25, 1 per 300s) drops spam while still
 * counting it, and the API server deletes events `ttlMs` after their last write (--event-ttl 1h).
 */
import type { SimClock, TimerHandle } from '../sim/clock';
import type { Rng } from '../sim/rng';
import { microTime, rfc3339 } from '../sim/time-format';
import type { ObjectStore } from '../store/object-store';
import type { KObject } from '../store/types';

/** An ObjectReference as events carry it. */
export interface InvolvedObject {
  kind: string;
  namespace?: string;
  name: string;
  uid: string;
  apiVersion: string;
  resourceVersion?: string;
  fieldPath?: string;
}

/** What a component reports. */
export interface EventInput {
  involvedObject: InvolvedObject;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  source: { component: string; host?: string };
}

// events_cache.go: defaultAggregateMaxEvents, defaultAggregateIntervalInSeconds,
// defaultSpamBurst, defaultSpamQPS.
const AGGREGATE_MAX = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

interface DedupRecord {
  name: string;
  namespace: string;
  count: number;
  first: number;
}

/** Writes kubelet/controller events into the store the way the legacy recorder does. */
export class EventRecorder {
  private readonly dedup = new Map<string, DedupRecord>();
  private readonly similar = new Map<string, { messages: Set<string>; last: number }>();
  private readonly buckets = new Map<string, { tokens: number; last: number }>();
  private readonly expiries = new Map<string, TimerHandle>();
  private lastNano = 0n;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
    private readonly rng: Rng,
    private readonly ttlMs: number,
  ) {}

  /** Records one occurrence (legacy recorder path: kubelet, controllers, node-problem-detector). */
  record(input: EventInput): void {
    const now = this.clock.now();
    const obj = input.involvedObject;
    const src = `${input.source.component}|${input.source.host ?? ''}`;
    const objKey = `${obj.kind}|${obj.namespace ?? ''}|${obj.name}|${obj.uid}|${obj.apiVersion}`;
    const aggKey = `${src}|${objKey}|${input.type}|${input.reason}`;
    let message = input.message;
    let key = `${aggKey}|${obj.fieldPath ?? ''}|${message}`;
    const sim = this.similar.get(aggKey);
    const group =
      sim && now - sim.last <= AGGREGATE_INTERVAL_MS
        ? sim
        : { messages: new Set<string>(), last: now };
    group.messages.add(input.message);
    group.last = now;
    this.similar.set(aggKey, group);
    if (group.messages.size >= AGGREGATE_MAX) {
      message = `(combined from similar events): ${input.message}`;
      key = aggKey;
    }
    const namespace = obj.namespace || 'default';
    const prev = this.dedup.get(key);
    const rec: DedupRecord = prev
      ? { ...prev, count: prev.count + 1 }
      : { name: this.eventName(obj.name, now), namespace, count: 1, first: now };
    // events_cache.go keeps an LRU of maxLruCacheEntries = 4096 records.
    this.dedup.delete(key);
    this.dedup.set(key, rec);
    if (this.dedup.size > 4096) this.dedup.delete(this.dedup.keys().next().value ?? '');
    if (!this.allow(`${src}|${objKey}|${input.type}`, now)) return;
    const event: Record<string, unknown> = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: rec.name, namespace },
      involvedObject: obj,
      reason: input.reason,
      message,
      source: input.source,
      firstTimestamp: rfc3339(rec.first),
      lastTimestamp: rfc3339(now),
      count: rec.count,
      type: input.type,
      eventTime: null,
      reportingComponent: input.source.component,
      reportingInstance: input.source.host ?? '',
    };
    this.write(event as unknown as KObject, now);
  }

  /** Records an events.k8s.io-style event (the scheduler's Scheduled): eventTime set, no count. */
  recordSeries(input: EventInput & { action: string; reportingInstance: string }): void {
    const now = this.clock.now();
    const obj = input.involvedObject;
    const event: Record<string, unknown> = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: this.eventName(obj.name, now), namespace: obj.namespace || 'default' },
      involvedObject: obj,
      reason: input.reason,
      message: input.message,
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type: input.type,
      eventTime: microTime(now),
      action: input.action,
      reportingComponent: input.source.component,
      reportingInstance: input.reportingInstance,
    };
    this.write(event as unknown as KObject, now);
  }

  private write(event: KObject, now: number): void {
    const { name, namespace } = event.metadata;
    const existing = this.store.get('events', namespace, name);
    if (existing) {
      event.metadata = existing.metadata;
      this.store.update('events', event);
    } else {
      this.store.create('events', event);
    }
    const id = `${namespace}/${name}`;
    this.expiries.get(id)?.cancel();
    this.expiries.set(
      id,
      this.clock.at(now + this.ttlMs, () => {
        this.expiries.delete(id);
        this.store.delete('events', namespace, name);
      }),
    );
  }

  private allow(spamKey: string, now: number): boolean {
    const bucket = this.buckets.get(spamKey) ?? { tokens: SPAM_BURST, last: now };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (now - bucket.last) / SPAM_REFILL_MS);
    bucket.last = now;
    this.buckets.set(spamKey, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** GenerateEventName: `<involvedObject.name>.<hex(unixNano)>`. */
  private eventName(objectName: string, now: number): string {
    let nano = BigInt(now) * 1_000_000n + BigInt(this.rng.int(0, 999_999));
    if (nano <= this.lastNano) nano = this.lastNano + 1n;
    this.lastNano = nano;
    return `${objectName}.${nano.toString(16)}`;
  }
}
