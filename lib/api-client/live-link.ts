'use client';
// One live connection per browser, shared by its tabs. Browsers allow 6 HTTP/1.1 connections per
// host, so one EventSource per tab starves the 7th tab. Instead the tabs elect a leader with the
// Web Locks API (the lock is held until the leader tab goes away, then the next tab takes it);
// the leader opens one /api/stream?follow=…&follow=… for every scope any tab wants, and relays
// each frame to the tabs over a BroadcastChannel. Without Web Locks or BroadcastChannel each tab
// opens its own EventSource, as before.
import type { LiveMessage } from '../views/types';

/** What a subscriber of one scope hears, named after EventSource's own events. */
export interface LiveHandlers {
  onopen(): void;
  onmessage(message: LiveMessage): void;
  onerror(): void;
}

/** Messages between tabs. */
type TabMessage =
  | { t: 'want'; tab: string; follows: string[] }
  | { t: 'bye'; tab: string }
  | { t: 'leader' }
  | { t: 'open' }
  | { t: 'error' }
  | { t: 'frame'; follow?: string; message: LiveMessage };

const channelName = 'podtrail-live';
const lockName = 'podtrail-live-leader';
/** Tabs say what they follow this often; a leader forgets a silent tab after `forgetMs`. */
const announceMs = 20_000;
/** Long, because a hidden tab's timers run about once a minute (Chrome's intensive throttling). */
const forgetMs = 150_000;

function streamUrlOf(follows: string[]): string {
  return `/api/stream?${follows.map((f) => `follow=${encodeURIComponent(f)}`).join('&')}`;
}

/** A tab's end of the shared connection. */
class LiveLink {
  private readonly tab = Math.random().toString(36).slice(2);
  private readonly local = new Map<string, Set<LiveHandlers>>();
  private channel: BroadcastChannel | undefined;
  private started = false;
  // Leader state.
  private leading = false;
  private readonly wants = new Map<string, { follows: string[]; at: number }>();
  private source: EventSource | undefined;
  private sourceFollows = '';
  private open = false;
  private readonly last = new Map<string, LiveMessage>();

  /** Follows the scope whose /api/stream query string is `follow`; returns the unsubscribe. */
  subscribe(follow: string, handlers: LiveHandlers): () => void {
    let set = this.local.get(follow);
    if (!set) this.local.set(follow, (set = new Set()));
    set.add(handlers);
    this.start();
    this.announce();
    return () => {
      set.delete(handlers);
      if (set.size === 0) this.local.delete(follow);
      this.announce();
    };
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.channel = new BroadcastChannel(channelName);
    this.channel.onmessage = (event: MessageEvent<TabMessage>) => this.onTabMessage(event.data);
    setInterval(() => this.announce(), announceMs);
    setInterval(() => this.leading && this.reconcile(), announceMs);
    addEventListener('pagehide', () => this.post({ t: 'bye', tab: this.tab }));
    void navigator.locks.request(lockName, () => {
      this.leading = true;
      this.post({ t: 'leader' });
      this.announce();
      return new Promise<void>(() => {}); // held for the life of the tab
    });
  }

  private announce(): void {
    const follows = [...this.local.keys()];
    const want: TabMessage = { t: 'want', tab: this.tab, follows };
    this.post(want);
    this.onTabMessage(want);
  }

  private post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }

  private onTabMessage(message: TabMessage): void {
    switch (message.t) {
      case 'want':
        if (!this.leading) return;
        this.wants.set(message.tab, { follows: message.follows, at: Date.now() });
        this.reconcile();
        if (this.open && message.tab !== this.tab) this.replay(message.follows);
        return;
      case 'bye':
        if (this.leading && this.wants.delete(message.tab)) this.reconcile();
        return;
      case 'leader':
        return this.announce();
      case 'open':
        return this.deliver(undefined, (h) => h.onopen());
      case 'error':
        return this.deliver(undefined, (h) => h.onerror());
      case 'frame': {
        const frame = message.message;
        return this.deliver(message.follow, (h) => h.onmessage(frame));
      }
    }
  }

  private deliver(follow: string | undefined, call: (h: LiveHandlers) => void): void {
    const sets = follow === undefined ? [...this.local.values()] : [this.local.get(follow)];
    for (const set of sets) for (const handlers of set ?? []) call(handlers);
  }

  /** Leader: tells every tab, this one included. */
  private relay(message: TabMessage): void {
    this.post(message);
    this.onTabMessage(message);
  }

  /** Leader: a tab that just came: the stream is up, and the newest frame of its scopes. */
  private replay(follows: string[]): void {
    this.post({ t: 'open' });
    for (const follow of follows) {
      const message = this.last.get(follow);
      if (message) this.post({ t: 'frame', follow, message });
    }
  }

  /** Leader: one stream for the union of what live tabs follow. */
  private reconcile(): void {
    const now = Date.now();
    for (const [tab, want] of this.wants)
      if (tab !== this.tab && now - want.at > forgetMs) this.wants.delete(tab);
    const union = [...new Set([...this.wants.values()].flatMap((w) => w.follows))].sort();
    const key = union.join('\n');
    if (key === this.sourceFollows) return;
    this.sourceFollows = key;
    for (const follow of this.last.keys()) if (!union.includes(follow)) this.last.delete(follow);
    const previous = this.source;
    this.source = undefined;
    if (union.length === 0) {
      previous?.close();
      this.open = false;
      return;
    }
    const source = new EventSource(streamUrlOf(union));
    this.source = source;
    source.onopen = () => {
      if (previous !== source) previous?.close();
      this.open = true;
      this.relay({ t: 'open' });
    };
    source.onmessage = (event: MessageEvent<string>) => {
      const frame = JSON.parse(event.data) as LiveMessage & { follow?: string };
      const { follow, ...message } = frame;
      if (follow !== undefined) this.last.set(follow, message as LiveMessage);
      this.relay({ t: 'frame', follow, message: message as LiveMessage });
    };
    source.onerror = () => {
      if (this.source !== source) return;
      this.open = false;
      this.relay({ t: 'error' });
    };
  }
}

/** A tab's own EventSource per scope: for browsers without Web Locks or BroadcastChannel. */
function subscribeDirect(follow: string, handlers: LiveHandlers): () => void {
  const source = new EventSource(`/api/stream?${follow}`);
  source.onopen = () => handlers.onopen();
  source.onmessage = (event: MessageEvent<string>) =>
    handlers.onmessage(JSON.parse(event.data) as LiveMessage);
  source.onerror = () => handlers.onerror();
  return () => source.close();
}

let link: LiveLink | undefined;

/** Follows one scope (its /api/stream query string) over the browser's shared live connection. */
export function subscribeLiveScope(follow: string, handlers: LiveHandlers): () => void {
  const shared = typeof BroadcastChannel === 'function' && Boolean(globalThis.navigator?.locks);
  if (!shared) return subscribeDirect(follow, handlers);
  link ??= new LiveLink();
  return link.subscribe(follow, handlers);
}
