import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPglitePool, PgliteConnectionGate, runOnPglite } from './pglite-pool.ts';
import type { Database } from './schema.ts';

/**
 * One SQL dialect, two engines. The rest of the code sees only `Db` (a Kysely instance)
 * and `executeSql` (raw statements for the job queue), never the engine.
 */
export type Dialect = 'pglite' | 'postgres';

export type DbHandle = {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Raw SQL through the same connection discipline as Kysely (used by pg-boss). */
  executeSql: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;
  close: () => Promise<void>;
  describe: string;
  /** The embedded engine, for offline backup; absent on PostgreSQL. */
  pglite?: PGlite;
};

// int8 comes back as a JS number on both engines (counts, sequences); ids above 2^53 are not used.
const INT8 = 20;
// Calendar dates stay 'YYYY-MM-DD' strings on both engines (no time zone to misapply).
const DATE = 1082;

/**
 * PGlite's default 128 MB of shared buffers is most of its resident memory. The files are
 * read through the kernel's page cache anyway, so a small buffer pool costs little speed and
 * keeps an idle embedded server well under 300 MB.
 */
export const PGLITE_SHARED_BUFFERS = process.env.XIAOBAO_PGLITE_SHARED_BUFFERS ?? '32MB';

export const openPglite = async (dir: string, loadDataDir?: Blob, sharedBuffers = PGLITE_SHARED_BUFFERS): Promise<DbHandle> => {
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, {
    ...(loadDataDir ? { loadDataDir } : {}),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
    extensions: { pg_trgm },
    parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v, [pgliteTypes.NUMERIC]: (v: string) => v },
  });
  const gate = new PgliteConnectionGate();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPglitePool(pglite, gate) as never }) });
  return {
    db,
    dialect: 'pglite',
    pglite,
    describe: `PGlite (embedded) at ${dir}`,
    executeSql: async (sql, params) => {
      const release = await gate.acquire();
      try {
        if (params && params.length > 0) return await runOnPglite(pglite, sql, params);
        const results = await pglite.exec(sql);
        return { rows: results.at(-1)?.rows ?? [] };
      } finally {
        release();
      }
    },
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
};

export const openPostgres = async (url: string, max = 10): Promise<DbHandle> => {
  const typeParsers = {
    getTypeParser: (oid: number, format?: string) =>
      oid === INT8 ? (v: string) => Number(v) : oid === DATE ? (v: string) => v : pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString: url, max, types: typeParsers as never });
  // An idle connection killed by the server (restart, failover, admin terminate) must not crash the
  // process: the pool drops it and opens a new one on the next checkout.
  pool.on('error', (e: Error & { code?: string }) => {
    if (e.code !== '57P01') console.error(`[db] idle PostgreSQL connection lost: ${e.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const safeUrl = url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1:***@');
  return {
    db,
    dialect: 'postgres',
    describe: `PostgreSQL at ${safeUrl}`,
    executeSql: async (sql, params) => {
      const res = await pool.query(sql, params);
      return { rows: Array.isArray(res) ? (res.at(-1)?.rows ?? []) : res.rows };
    },
    close: async () => {
      await db.destroy();
    },
  };
};

export const openDatabase = (opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<DbHandle> =>
  opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(join(opts.dataDir, 'pgdata'));
