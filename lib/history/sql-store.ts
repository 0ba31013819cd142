// The one SQL dialect history speaks, over two engines: PGlite (PostgreSQL in WASM, embedded,
// under a data directory) by default, and PostgreSQL when DATABASE_URL is set.
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';

/** A row as the engines return it. */
export type Row = Record<string, unknown>;

/** A history directory that could not be opened, moved aside (never deleted). */
export interface StoreRecovery {
  /** Where the broken directory is now. */
  movedTo: string;
  /** Why it could not be opened. */
  error: string;
  at: number;
}

/** A SQL store: parameterised queries ($1, $2...) and multi-statement scripts. */
export interface SqlStore {
  readonly engine: 'pglite' | 'postgres';
  /** Set when the PGlite directory was broken and this is a fresh store beside it. */
  readonly recovery?: StoreRecovery;
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** Where history lives. */
export interface OpenStoreOptions {
  /** postgres://... — PostgreSQL; when absent, PGlite under dataDir. */
  databaseUrl?: string;
  /** PGlite data directory root (PODTRAIL_DATA_DIR, default .data/). */
  dataDir?: string;
}

/**
 * PostgreSQL's default 128 MB of shared buffers live inside PGlite's WASM memory, which never
 * shrinks; history's tables are small and written a row at a time, so 16 MB holds their working
 * set (measured: the process's external memory 208 → 144 MB, RSS 312 → 183 MB on open).
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

async function openPgliteDir(dir: string, recovery?: StoreRecovery): Promise<SqlStore> {
  const { PGlite } = await import('@electric-sql/pglite');
  await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir, {
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS],
  });
  return {
    engine: 'pglite',
    ...(recovery ? { recovery } : {}),
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const result = await db.query<T>(sql, params);
      return result.rows;
    },
    async exec(script) {
      await db.exec(script);
    },
    async close() {
      await db.close();
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<SqlStore> {
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString: databaseUrl, max: 5 });
  await pool.query('SELECT 1');
  return {
    engine: 'postgres',
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const result = await pool.query(sql, params);
      return result.rows as T[];
    },
    async exec(script) {
      await pool.query(script);
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Opens PGlite under dataDir/history and runs `prepare` (the migrations). A directory PGlite
 * cannot open or prepare (e.g. `RuntimeError: Aborted()` after a crash mid-write) is renamed to
 * history.broken-<time> beside it — never deleted, so it can be inspected or recovered by hand —
 * and a fresh store is opened, so recording goes on; `recovery` says what happened.
 */
async function openPglite(
  dataDir: string,
  prepare: (store: SqlStore) => Promise<void>,
): Promise<SqlStore> {
  const dir = path.resolve(dataDir, 'history');
  let store: SqlStore | undefined;
  try {
    store = await openPgliteDir(dir);
    await prepare(store);
    return store;
  } catch (error) {
    await store?.close().catch(() => undefined);
    const exists = await stat(dir).then(
      () => true,
      () => false,
    );
    if (!exists) throw error;
    const at = Date.now();
    const movedTo = `${dir}.broken-${new Date(at).toISOString().replace(/[:.]/g, '-')}`;
    await rename(dir, movedTo);
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(
      `podtrail: history store at ${dir} could not be opened (${why}); moved to ${movedTo}, starting a fresh one`,
    );
    const fresh = await openPgliteDir(dir, { movedTo, error: why, at });
    await prepare(fresh);
    return fresh;
  }
}

/**
 * Opens the history store the options (or environment) name, prepared by `prepare` (the
 * migrations); a broken PGlite directory is moved aside and a fresh one started (see openPglite).
 */
export function openSqlStore(
  options: OpenStoreOptions = {},
  prepare: (store: SqlStore) => Promise<void> = async () => {},
): Promise<SqlStore> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (url)
    return openPostgres(url).then(async (store) => {
      await prepare(store);
      return store;
    });
  return openPglite(options.dataDir ?? process.env.PODTRAIL_DATA_DIR ?? '.data', prepare);
}

/** A number from a bigint/numeric column (engines return string, bigint or number). */
export function num(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A string column, undefined for NULL or ''. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
