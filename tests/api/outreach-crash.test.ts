import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { createTestDb, testDialects } from '../support/db.ts';
import { type SmsFake, startSmsFake } from '../support/outreach-fakes.ts';
import { waitUntilReady } from '../support/process.ts';

/**
 * A worker process is SIGKILLed while it sends a 300-recipient SMS push, then restarted. Rows are
 * marked 'sending' (with a lease) before the network call; after the restart the expired leases
 * are claimed again and re-sent with the same idempotency key, which the loopback gateway honours.
 * Every recipient must end up with exactly one message, and every delivery row in a final state.
 */
const BIN = fileURLToPath(new URL('../../bin/xiaobao.js', import.meta.url));
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
const N = 300;

const start = async (env: Record<string, string>) => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [BIN, 'serve', '--demo'], {
    env: { ...process.env, XIAOBAO_PORT: String(port), XIAOBAO_LOG_LEVEL: 'warn', XIAOBAO_DEMO_COMPLAINTS: '0', XIAOBAO_DEMO_SIZE: 'test', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr?.on('data', (d) => (err += d));
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, base, 120_000, () => err);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'cpadmin', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, never>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return { child, call };
};

const until = async (what: string, fn: () => Promise<boolean> | boolean, ms = 90_000) => {
  for (const end = Date.now() + ms; ; ) {
    if (await fn()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const c of cleanups) await c();
});

describe.each(testDialects())('outreach delivery survives SIGKILL on %s', (dialect) => {
  it('every recipient gets exactly one SMS after a kill mid-send and a restart', async () => {
    const sms: SmsFake = await startSmsFake('ok', 15);
    cleanups.push(() => sms.close());
    const db = await createTestDb(dialect);
    await db.handle.close();
    cleanups.push(() => db.drop());
    const env = {
      XIAOBAO_DATA_DIR: db.dataDir,
      DATABASE_URL: dialect === 'pglite' ? '' : (db.databaseUrl as string),
      XIAOBAO_SMS_GATEWAY_URL: sms.url,
    };
    let s = await start(env);
    await s.call('PUT', '/api/v1/outreach/settings', {
      policy: { quietStart: '00:00', quietEnd: '00:00', frequencyCapPerWeek: 5, maxAttempts: 5, backoffSeconds: 0.2, timeoutMs: 3000, leaseSeconds: 3 },
    });
    const csv = [
      '姓名,手机号,年龄段,归属网点,授权渠道',
      ...Array.from({ length: N }, (_, i) => `客户${i},137${String(i).padStart(8, '0')},60+,CC-NG-1,短信`),
    ].join('\n');
    const imp = await s.call('POST', '/api/v1/outreach/imports', { fileName: 'crash.csv', format: 'csv', content: csv });
    await until('import', async () => (await s.call('GET', `/api/v1/outreach/imports/${imp.id}`)).status === 'done');
    const seg = await s.call('POST', '/api/v1/outreach/segments', { name: '崩溃测试', rule: { type: 'reachable', channel: 'sms' } });
    const push = await s.call('POST', '/api/v1/outreach/pushes', {
      title: '崩溃测试',
      body: '每人只应收到一条',
      contentKind: 'notice',
      segmentId: seg.id,
      channels: ['sms'],
    });
    await s.call('POST', `/api/v1/outreach/pushes/${push.id}/start`, {});
    await until('sending to start', () => sms.requests.length >= 40);
    s.child.kill('SIGKILL');
    await new Promise((r) => s.child.once('exit', r));
    const atKill = sms.sent.size;
    expect(atKill).toBeLessThan(N);

    s = await start(env);
    await s.call('POST', `/api/v1/outreach/pushes/${push.id}/resume`, {});
    await until('the push to finish', async () => (await s.call('GET', `/api/v1/outreach/pushes/${push.id}/report`)).status === 'done');
    const report = (await s.call('GET', `/api/v1/outreach/pushes/${push.id}/report`)) as unknown as {
      byChannel: { delivered: number; failed: number; sending: number; queued: number }[];
    };
    expect(report.byChannel[0]).toMatchObject({ delivered: N, failed: 0, sending: 0, queued: 0 });
    // Exactly one message per phone at the gateway, whatever was repeated on the wire.
    const phones = [...sms.sent.values()].map((m) => m.to);
    expect(phones).toHaveLength(N);
    expect(new Set(phones).size).toBe(N);
    // Re-sends on the wire are allowed (at-least-once to the gateway); duplicates to a phone are not.
    expect(sms.requests.length).toBeGreaterThanOrEqual(N);
    s.child.kill('SIGKILL');
  }, 300_000);
});
