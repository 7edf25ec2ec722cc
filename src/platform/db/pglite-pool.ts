import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite is one PostgreSQL backend in this process: one session, so a transaction opened by
 * one request would swallow statements from any other. This adapter gives Kysely's
 * PostgresDialect a pool of exactly one connection guarded by a FIFO mutex: whoever holds
 * the connection (a single query, a whole transaction, a job-queue statement) has the
 * backend to itself until it releases it.
 */
type QueryResult = { command: string; rowCount: number; rows: unknown[] };

export class PgliteConnectionGate {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => {
      release = r;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

const commandOf = (sql: string): string => {
  const m = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select|commit|rollback)\b/i.exec(sql);
  return (m?.[1] ?? 'SELECT').toUpperCase();
};

export const runOnPglite = async (db: PGlite, sql: string, params: unknown[] = []): Promise<QueryResult> => {
  const res = await db.query(sql, params);
  return { command: commandOf(sql), rowCount: res.affectedRows ?? res.rows.length, rows: res.rows };
};

export const createPglitePool = (db: PGlite, gate: PgliteConnectionGate) => ({
  async connect() {
    const release = await gate.acquire();
    let released = false;
    return {
      query: (sql: string, params?: unknown[]) => runOnPglite(db, sql, params),
      release: () => {
        if (!released) {
          released = true;
          release();
        }
      },
    };
  },
  async end() {},
});
