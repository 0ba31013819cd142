// Podtrail's own downtime as history: each recorder run is a session with a heartbeat; on start,
// the time since the previous session's last heartbeat is recorded as a gap.
import { randomUUID } from 'node:crypto';
import type { SqlStore } from './sql-store';

/** Heartbeats one recorder session and records the gap before it. */
export class SessionTracker {
  private readonly id = randomUUID();

  constructor(
    private readonly store: SqlStore,
    private readonly cluster: string,
  ) {}

  /** Opens the session; returns the gap since the previous one (if there was one). */
  async open(now: number): Promise<{ from: number; to: number } | undefined> {
    const previous = await this.store.query<{ last_alive_at: unknown }>(
      'SELECT max(last_alive_at) AS last_alive_at FROM sessions WHERE cluster = $1',
      [this.cluster],
    );
    await this.store.query(
      'INSERT INTO sessions (id, cluster, started_at, last_alive_at) VALUES ($1,$2,$3,$3)',
      [this.id, this.cluster, now],
    );
    const last = Number(previous[0]?.last_alive_at ?? NaN);
    return Number.isFinite(last) && last < now ? { from: last, to: now } : undefined;
  }

  /** Marks the session alive at `now`. */
  async beat(now: number): Promise<void> {
    await this.store.query('UPDATE sessions SET last_alive_at = $2 WHERE id = $1', [this.id, now]);
  }
}
