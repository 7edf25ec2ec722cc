import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/modules/identity/index.ts';
import { createTestDb, type TestDb, testDialects } from '../support/db.ts';
import { waitUntilReady } from '../support/process.ts';

/**
 * Complaints acknowledged to a caller survive a SIGKILL of the server, on both engines, and two
 * server processes on one PostgreSQL never issue the same tracking number. 10,000 creates are
 * planned from 32 concurrent clients; the kill lands once 1,000 have been acknowledged.
 */
const BIN = fileURLToPath(new URL('../../bin/xiaobao.js', import.meta.url));
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

const start = async (env: Record<string, string>) => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [BIN, 'serve', '--demo'], {
    env: {
      ...process.env,
      XIAOBAO_PORT: String(port),
      XIAOBAO_LOG_LEVEL: 'warn',
      XIAOBAO_DEMO_COMPLAINTS: '0',
      XIAOBAO_RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr?.on('data', (d) => (err += d));
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, base, 120_000, () => err);
  return { child, base };
};

const create = (base: string, key: string) =>
  fetch(`${base}/api/v1/integration/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY, 'idempotency-key': key },
    body: JSON.stringify({ complainantName: '崩溃测试', phone: '13800138000', facts: '信用卡年费被扣收', request: '退还', channel: 'phone' }),
  });

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const c of cleanups) await c();
});

describe.each(testDialects())('complaint durability on %s', (dialect) => {
  let db: TestDb;
  const envFor = async () => {
    db = await createTestDb(dialect);
    await db.handle.close();
    cleanups.push(() => db.drop());
    return dialect === 'pglite' ? { XIAOBAO_DATA_DIR: db.dataDir, DATABASE_URL: '' } : { XIAOBAO_DATA_DIR: db.dataDir, DATABASE_URL: db.databaseUrl as string };
  };

  it('finds every acknowledged complaint after a SIGKILL mid-stream', async () => {
    const env = await envFor();
    let s = await start(env);
    const acked = new Map<string, string>();
    let next = 0;
    const client = async () => {
      while (next < 10_000) {
        const key = `crash-key-${next++}`;
        try {
          const res = await create(s.base, key);
          if (res.status === 201) acked.set(key, ((await res.json()) as { trackingCode: string }).trackingCode);
        } catch {
          return;
        }
      }
    };
    const clients = Promise.all(Array.from({ length: 32 }, client));
    while (acked.size < 1000) await new Promise((r) => setTimeout(r, 20));
    s.child.kill('SIGKILL');
    await clients;

    s = await start(env);
    // Re-sending an acknowledged key must return the same complaint: it is there, and only once.
    const missing: string[] = [];
    for (const [key, code] of acked) {
      const res = await create(s.base, key);
      const body = (await res.json()) as { trackingCode: string };
      if (res.status !== 200 || body.trackingCode !== code) missing.push(key);
    }
    expect(missing).toEqual([]);
    s.child.kill('SIGTERM');
  }, 600_000);

  // Only PostgreSQL can be shared by two server processes (PGlite belongs to one process).
  if (dialect === 'postgres')
    it('never issues the same tracking number from two processes', async () => {
      const env = await envFor();
      const a = await start(env);
      const b = await start(env);
      const codes = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => {
          const res = await create(i % 2 ? a.base : b.base, `dual-key-${i}`);
          const body = (await res.json()) as { trackingCode: string };
          if (res.status !== 201) console.error(`dual ${i}: ${res.status} ${JSON.stringify(body)}`);
          return body.trackingCode;
        }),
      );
      expect(new Set(codes).size).toBe(200);
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
    }, 300_000);
});
