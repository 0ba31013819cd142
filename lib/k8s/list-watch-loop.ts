// The list/watch protocol for one scope (all namespaces, or one): paged LIST, then WATCH from the
// list's resourceVersion with bookmarks; relist on 410 Gone; restart on every error with jittered
// backoff (reset on any event); a watchdog that lists again when a stream is silent for too long
// (a real API server answers a watch from a resourceVersion it has not reached — it was restored
// from an older state — with silence). Relists too on "Too large resource version" and when told
// to (the cluster's identity changed, or its resourceVersion went back).
// See https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
import type { Response } from 'node-fetch';
import { K8sError, k8sErrorFromNetwork, k8sErrorFromStatus } from './k8s-error';
import type { KubeList, KubeObject } from './kube-object';
import { LineSplitter } from './line-splitter';
import { collectionPath, type ResourceInfo } from './resources';
import { Backoff, type Scheduler } from './scheduler';
import type { Transport } from './transport';

/** What one loop reports to its cache. */
export interface LoopSink<T extends KubeObject> {
  relisted(objects: T[]): void;
  event(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: T): void;
  /** Any sign of life (event, bookmark, list): resets staleness clocks. */
  alive(): void;
  connected(): void;
  failed(error: K8sError, willRetryInMs: number): void;
  badLine(line: string): void;
}

/** What is listed and watched (a resource of a cluster, maybe one namespace and selectors), and how. */
export interface WatchScope {
  transport: Transport;
  cluster: string;
  resource: ResourceInfo;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  pageSize?: number;
  /**
   * Restart a watch that sent nothing (not even a bookmark) for this long. Default 90 s: bookmarks
   * are requested, and an API server sends one about every minute.
   */
  watchdogMs?: number;
  /** The backoff's jitter (tests pass a fixed one). */
  random?: () => number;
}

/** Options of one list/watch loop. */
export interface ListWatchLoopOptions<T extends KubeObject> extends WatchScope {
  scheduler: Scheduler;
  sink: LoopSink<T>;
  /**
   * What is kept of each object, applied as each list page and watch event arrives (the cache
   * strips what Podtrail never reads): a relist of 10,000 pods then holds one page of full objects
   * at a time, not all of them until the last page.
   */
  prepare?: (object: T) => T;
}

const metadataAccept =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

/** Runs list/watch for one scope until stopped. */
export class ListWatchLoop<T extends KubeObject> {
  private resourceVersion: string | undefined;
  private readonly abort = new AbortController();
  private readonly backoff: Backoff;
  private stopped = false;
  private sleepTimer: ReturnType<Scheduler['setTimeout']> | undefined;
  private wake: (() => void) | undefined;
  private stream: AbortController | undefined;
  private relistWanted = false;

  constructor(private readonly options: ListWatchLoopOptions<T>) {
    this.backoff = new Backoff({ random: options.random });
  }

  /** Starts the loop (returns at once; the loop runs until stop()). */
  start(): void {
    void this.run();
  }

  /** Stops the loop and closes its stream. */
  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.options.scheduler.clearTimeout(this.sleepTimer);
    this.wake?.();
  }

  /** Drops the resourceVersion and lists again now (the stream in flight is closed). */
  relist(): void {
    this.relistWanted = true;
    this.stream?.abort();
    this.options.scheduler.clearTimeout(this.sleepTimer);
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (this.relistWanted) {
          this.relistWanted = false;
          this.resourceVersion = undefined;
        }
        if (this.resourceVersion === undefined) await this.list();
        const startedAt = this.options.scheduler.now();
        const sawEvents = await this.watch(this.resourceVersion ?? '');
        // A stream the server closes at once with nothing in it is a failure, not a timeout:
        // rewatching at once would storm the server (kubernetes-client/javascript #1933).
        if (!sawEvents && this.options.scheduler.now() - startedAt < 1000) {
          throw new K8sError({ status: 0, reason: 'WatchClosed', message: 'watch closed at once' });
        }
      } catch (error) {
        if (this.stopped) return;
        if (this.relistWanted) continue;
        await this.recover(k8sErrorFromNetwork(error, this.scope()));
      }
    }
  }

  private async recover(error: K8sError): Promise<void> {
    if (error.needsRelist) {
      this.resourceVersion = undefined;
      this.options.sink.failed(error, 0);
      return;
    }
    const delay = this.backoff.next();
    this.options.sink.failed(error, delay);
    await this.sleep(delay);
  }

  private scope() {
    const { cluster, namespace, resource } = this.options;
    return { cluster, namespace, resource: resource.name };
  }

  private query(extra: Record<string, string | number | boolean | undefined>) {
    const { labelSelector, fieldSelector } = this.options;
    return { labelSelector, fieldSelector, ...extra };
  }

  private async list(): Promise<void> {
    const { transport, resource, namespace, sink } = this.options;
    const items: T[] = [];
    let next: string | undefined;
    let resourceVersion: string | undefined;
    do {
      const page = await transport.getJson<KubeList<T>>(collectionPath(resource, namespace), {
        query: this.query({ limit: this.options.pageSize ?? 500, continue: next }),
        accept: resource.metadataOnly ? metadataAccept : undefined,
        signal: this.abort.signal,
        timeoutMs: 30_000,
        scope: this.scope(),
      });
      const prepare = this.options.prepare;
      for (const item of page.items ?? []) items.push(prepare ? prepare(item) : item);
      next = page.metadata?.continue || undefined;
      resourceVersion = page.metadata?.resourceVersion;
    } while (next && !this.stopped);
    if (this.stopped) return;
    this.resourceVersion = resourceVersion ?? '';
    this.backoff.reset();
    sink.relisted(items);
    sink.connected();
  }

  private async watch(resourceVersion: string): Promise<boolean> {
    const { transport, resource, namespace, sink } = this.options;
    const stream = new AbortController();
    this.stream = stream;
    const response = await transport.get(collectionPath(resource, namespace), {
      query: this.query({
        watch: true,
        resourceVersion,
        allowWatchBookmarks: true,
        // client-go's reflector picks 5–10 min so watches do not all end together.
        timeoutSeconds: Math.round(300 + 300 * (this.options.random ?? Math.random)()),
      }),
      accept: resource.metadataOnly ? metadataAccept : undefined,
      signal: AbortSignal.any([this.abort.signal, stream.signal]),
      scope: this.scope(),
    });
    sink.connected();
    return this.consume(response, stream);
  }

  private consume(response: Response, stream: AbortController): Promise<boolean> {
    const { scheduler } = this.options;
    const watchdogMs = this.options.watchdogMs ?? 90_000;
    const lines = new LineSplitter();
    let sawEvents = false;
    let failure: K8sError | undefined;
    const onSilence = () => {
      const seconds = Math.round(watchdogMs / 1000);
      failure = new K8sError({
        status: 0,
        reason: 'WatchSilent',
        message: `watch sent nothing for ${seconds} s`,
      });
      stream.abort();
    };
    let watchdog = scheduler.setTimeout(onSilence, watchdogMs);
    return new Promise<boolean>((resolve, reject) => {
      response.body.on('data', (chunk: Buffer) => {
        scheduler.clearTimeout(watchdog);
        watchdog = scheduler.setTimeout(onSilence, watchdogMs);
        for (const line of lines.push(chunk)) {
          const error = this.handleLine(line);
          if (!error) sawEvents = true;
          else if (!failure) {
            failure = error;
            stream.abort();
          }
        }
      });
      const finish = (error?: unknown) => {
        scheduler.clearTimeout(watchdog);
        if (failure) reject(failure);
        else if (error && !this.stopped) reject(error);
        else resolve(sawEvents);
      };
      response.body.on('end', () => finish());
      response.body.on('error', (error: unknown) => finish(error));
      response.body.on('close', () => finish());
    });
  }

  /** Applies one watch line; returns the error an ERROR event carries. */
  private handleLine(line: string): K8sError | undefined {
    const { sink } = this.options;
    let event: { type?: string; object?: T };
    try {
      event = JSON.parse(line) as { type?: string; object?: T };
    } catch {
      sink.badLine(line);
      return undefined;
    }
    const object = event.object;
    if (event.type === 'ERROR') return k8sErrorFromStatus(object, undefined, this.scope());
    if (!object) {
      sink.badLine(line);
      return undefined;
    }
    this.backoff.reset();
    const rv = object.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    if (event.type === 'BOOKMARK') sink.alive();
    else if (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED') {
      sink.event(event.type, this.options.prepare ? this.options.prepare(object) : object);
    } else sink.badLine(line);
    return undefined;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.sleepTimer = this.options.scheduler.setTimeout(resolve, ms);
    });
  }
}
