// The one SQL dialect history speaks, over two engines: PGlite (PostgreSQL in WASM, embedded,
// under a data directory) by default, and PostgreSQL when DATABASE_URL is set.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** A row as the engines return it. */
export type Row = Record<string, unknown>;

/** A SQL store: parameterised queries ($1, $2...) and multi-statement scripts. */
export interface SqlStore {
  readonly engine: 'pglite' | 'postgres';
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

async function openPglite(dataDir: string): Promise<SqlStore> {
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = path.resolve(dataDir, 'history');
  await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir);
  return {
    engine: 'pglite',
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

/** Opens the history store the options (or environment) name. */
export function openSqlStore(options: OpenStoreOptions = {}): Promise<SqlStore> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  return openPglite(options.dataDir ?? process.env.PODTRAIL_DATA_DIR ?? '.data');
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
