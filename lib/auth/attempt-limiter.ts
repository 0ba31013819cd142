// Failed sign-in attempts per client address in a sliding minute: past the limit, attempts are
// refused with 429 until the oldest failure ages out.

/** Counts failures per key; `now` is injectable for tests. */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again (0 = now). */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.perMinute) return 0;
    return Math.max(0, (recent[0] ?? 0) + 60_000 - this.now());
  }

  /** Records a failed attempt. */
  fail(key: string): void {
    this.failures.set(key, [...this.recent(key), this.now()]);
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value ?? '');
  }

  /** Forgets a key's failures (after a success). */
  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - 60_000;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
