/**
 * The sandbox's virtual clock and timer queue. History is pre-played instantly (timers run in
 * order, the clock jumping to each one), then the clock follows real time multiplied by `speed`.
 */

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** A handle to cancel a scheduled callback. */
export interface TimerHandle {
  cancel(): void;
}

/** Virtual time plus an ordered queue of callbacks due at virtual instants. */
export class SimClock {
  private current: number;
  private readonly timers: Timer[] = [];
  private seq = 0;
  private anchorReal = 0;
  private anchorVirtual = 0;
  private live = false;
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    start: number,
    private readonly speed = 1,
  ) {
    this.current = start;
  }

  /** Current virtual time in epoch ms. */
  now(): number {
    return this.current;
  }

  /** Runs `fn` at virtual time `at` (or as soon as possible if that is already past). */
  at(at: number, fn: () => void): TimerHandle {
    const timer: Timer = {
      at: Math.max(Math.round(at), this.current),
      seq: this.seq++,
      fn,
      cancelled: false,
    };
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = this.timers[mid];
      if (t && (t.at < timer.at || (t.at === timer.at && t.seq < timer.seq))) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  /** Runs `fn` `ms` virtual milliseconds from now. */
  after(ms: number, fn: () => void): TimerHandle {
    return this.at(this.current + ms, fn);
  }

  /** Runs every timer due up to `target`, moving the clock to each in turn, then to `target`. */
  runUntil(target: number): void {
    for (;;) {
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.timers.shift();
      if (next.cancelled) continue;
      this.current = Math.max(this.current, next.at);
      next.fn();
    }
    this.current = Math.max(this.current, Math.floor(target));
  }

  /** Starts following real time: virtual now advances `speed` ms per real ms from here. */
  goLive(tickMs = 50): void {
    this.anchorReal = Date.now();
    this.anchorVirtual = this.current;
    this.live = true;
    this.ticker = setInterval(() => this.tick(), tickMs);
    this.ticker.unref();
  }

  /** Advances to the virtual instant matching the real clock (also used before answering). */
  tick(): void {
    if (!this.live) return;
    this.runUntil(this.anchorVirtual + (Date.now() - this.anchorReal) * this.speed);
  }

  /** Jumps the virtual clock forward by `ms` (tests), running every timer due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    if (this.live) this.anchorVirtual += ms;
    this.runUntil(target);
  }

  /** Stops the real-time ticker. */
  stop(): void {
    this.live = false;
    if (this.ticker) clearInterval(this.ticker);
  }
}
