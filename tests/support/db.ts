import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DbHandle, type Dialect, openPglite, openPostgres } from '../../src/platform/db/client.ts';

/**
 * Integration tests run on PGlite always and on PostgreSQL whenever TEST_DATABASE_URL is set.
 * Under CI=true a missing PostgreSQL is a failure, not a silent skip.
 */
export const testDialects = (): Dialect[] => {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL half of the suite would be skipped');
  return ['pglite'];
};

export type TestDb = { handle: DbHandle; databaseUrl?: string; dataDir: string; drop: () => Promise<void> };

/** A fresh, empty database of the given dialect (a temp data dir, or a new PostgreSQL database). */
export const createTestDb = async (dialect: Dialect): Promise<TestDb> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xb-test-'));
  if (dialect === 'pglite') {
    const handle = await openPglite(join(dataDir, 'pgdata'));
    return { handle, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const admin = process.env.TEST_DATABASE_URL as string;
  const name = `xb_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 5);
  return {
    handle,
    databaseUrl: url.toString(),
    dataDir,
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
