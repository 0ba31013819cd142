// A memo of computed views: single-flight per key and revision, short-lived, and able to answer
// a request with the view finished a moment ago while the next one computes.

/** How long a view is served unchanged at most (its clocks — "next retry in" — move on). */
const maxAgeMs = 2_000;
/** How long a key nobody asks for keeps its views (so a request after a pause need not wait). */
const keepMs = 30_000;
interface Computation {
  revision: string;
  at: number;
  value: Promise<unknown>;
}

interface Entry {
  /** The latest computation begun, finished or not. */
  latest: Computation;
  /** The latest finished one (by when it began) and when it finished. */
  settled?: { began: number; at: number; value: Promise<unknown> };
}

/** A memo of views of one runtime: single-flight per key and revision, short-lived. */
export class ViewMemo {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  /**
   * The view under `key` at `revision`, computing it only when nobody has (or is). With
   * `reuseWithinMs` (a request, not a live stream): a view finished that recently (plus three
   * times what it cost) is answered at once whatever the revision, and a newer revision starts
   * its computation behind it unless one is running; otherwise a running computation, or one
   * begun that recently, is joined.
   */
  get<T>(
    key: string,
    revision: string,
    compute: () => Promise<T>,
    options: { reuseWithinMs?: number } = {},
  ): Promise<T> {
    const now = this.now();
    this.forgetOld(now);
    const entry = this.entries.get(key);
    const within = options.reuseWithinMs;
    if (entry && within !== undefined) {
      const { latest, settled } = entry;
      const running = this.running(entry);
      // A view that took long to compute is answered a while longer, and the next one begins
      // only after twice its cost has passed: recomputing back to back on a busy cluster would
      // leave no CPU for answering (at most a third of the time goes to one key's computations).
      const cost = settled ? settled.at - settled.began : 0;
      const age = settled ? now - settled.at : Infinity;
      if (settled && age < within + 3 * cost) {
        const outdated = latest.revision !== revision || now - latest.at >= maxAgeMs;
        if (outdated && !running && age >= 2 * cost) this.start(key, revision, now, compute);
        return settled.value as Promise<T>;
      }
      if (running || now - latest.at < within) return latest.value as Promise<T>;
    }
    if (entry && entry.latest.revision === revision && now - entry.latest.at < maxAgeMs)
      return entry.latest.value as Promise<T>;
    return this.start(key, revision, now, compute);
  }

  /** Whether the latest computation has not finished yet. */
  private running(entry: Entry): boolean {
    return !entry.settled || entry.settled.value !== entry.latest.value;
  }

  private start<T>(key: string, revision: string, now: number, compute: () => Promise<T>) {
    const value = compute();
    const computation: Computation = { revision, at: now, value };
    const entry = this.entries.get(key);
    if (entry) entry.latest = computation;
    else this.entries.set(key, { latest: computation });
    value.then(
      () => {
        const e = this.entries.get(key);
        // An older computation finishing late does not replace a newer finished one.
        if (e && (!e.settled || e.settled.began <= computation.at))
          e.settled = { began: computation.at, at: this.now(), value };
      },
      () => {
        const e = this.entries.get(key);
        if (e?.latest === computation) this.entries.delete(key);
      },
    );
    return value;
  }

  /** Drops views nobody asked for within keepMs (a pending computation stays). */
  private forgetOld(now: number): void {
    for (const [k, e] of this.entries) {
      if (!this.running(e) && now - e.latest.at >= keepMs) this.entries.delete(k);
    }
  }
}
