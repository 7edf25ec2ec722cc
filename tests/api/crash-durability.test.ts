import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntilReady } from '../support/process.ts';

/**
 * PGlite runs with fsync=off. A process crash (SIGKILL) must still lose no write that was
 * acknowledged to a caller: the WAL reaches the kernel before COMMIT returns, and the
 * kernel outlives the process. (A power loss is another matter: see the README.)
 */
const BIN = fileURLToPath(new URL('../../bin/xiaobao.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'xb-crash-'));
const port = 20000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;

const startServer = async (): Promise<ChildProcess> => {
  const child = spawn(process.execPath, [BIN, 'serve', '--demo'], {
    env: { ...process.env, XIAOBAO_DATA_DIR: dataDir, XIAOBAO_PORT: String(port), XIAOBAO_LOG_LEVEL: 'warn', DATABASE_URL: '', XIAOBAO_DEMO_COMPLAINTS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  await waitUntilReady(child, base, 90_000, () => out);
  return child;
};

const login = async () => {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Xiaobao@2026' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
};

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety of the embedded database', () => {
  it('keeps every acknowledged write across a SIGKILL mid-write', async () => {
    server = await startServer();
    const s = await login();
    const orgs = (await (await fetch(`${base}/api/v1/orgs`, { headers: { cookie: s.cookie } })).json()) as { items: { id: string; code: string }[] };
    const orgId = orgs.items.find((o) => o.code === 'CC-JY-3')?.id;

    const acknowledged: string[] = [];
    let n = 0;
    // Four writers in flight at once, so the kill lands while some writes are uncommitted.
    const writer = async () => {
      for (;;) {
        const username = `crash.${n++}`;
        try {
          const res = await fetch(`${base}/api/v1/users`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrfToken },
            body: JSON.stringify({ username, displayName: '崩溃测试', orgId, roles: ['frontline_staff'], phone: '13800138000' }),
          });
          if (res.status === 201) acknowledged.push(username);
        } catch {
          return; // connection dropped by the kill
        }
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    server.kill('SIGKILL');
    await writers;
    await new Promise((r) => setTimeout(r, 300));

    server = await startServer();
    const s2 = await login();
    const found = (await (await fetch(`${base}/api/v1/users?q=crash.&pageSize=100`, { headers: { cookie: s2.cookie } })).json()) as {
      items: { username: string }[];
      total: number;
    };
    const present = new Set(found.items.map((u) => u.username));
    expect(found.total).toBeGreaterThanOrEqual(acknowledged.length);
    expect(acknowledged.filter((u) => !present.has(u))).toEqual([]);
    server.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
    server = null;
  }, 240_000);
});
