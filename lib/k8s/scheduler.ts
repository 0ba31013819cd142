// Time and timers as parameters, so caches and recorders run under fake timers in tests.

/** An opaque timer handle. */
export type TimerHandle = { readonly id: unknown };

/** The clock and timers a watch cache or recorder uses. */
export interface Scheduler {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

/** The real clock and Node's timers (unref'd so a cache never keeps a process alive). */
export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const id = setTimeout(fn, ms);
    id.unref?.();
    return { id };
  },
  clearTimeout(handle) {
    if (handle) clearTimeout(handle.id as ReturnType<typeof setTimeout>);
  },
};

/** Jittered exponential backoff: 1 s doubling to 30 s, each delay scaled by 0.5–1.0 at random. */
export class Backoff {
  private attempt = 0;
  constructor(
    private readonly options: { initialMs?: number; maxMs?: number; random?: () => number } = {},
  ) {}

  /** The next delay; grows until reset. */
  next(): number {
    const initial = this.options.initialMs ?? 1000;
    const max = this.options.maxMs ?? 30_000;
    const base = Math.min(max, initial * 2 ** this.attempt);
    this.attempt += 1;
    const random = this.options.random ?? Math.random;
    return Math.max(initial, Math.round(base * (0.5 + random() / 2)));
  }

  /** Back to the first delay (called on any event received). */
  reset(): void {
    this.attempt = 0;
  }
}
