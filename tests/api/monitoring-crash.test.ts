import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/modules/identity/index.ts';
import { openPglite } from '../../src/platform/db/client.ts';
import { waitUntilReady } from '../support/process.ts';

/**
 * The ingest worker killed with SIGKILL in the middle of a file import and of pushed batches, then
 * restarted: the vendor re-sends every batch it got no answer for (and some it did), the import is
 * resumed from its saved progress. Afterwards every post exists exactly once and was counted
 * (analysed and stored) exactly once: source and story counters, which the pipeline bumps in the
 * insert's transaction, equal the rows.
 */
const BIN = fileURLToPath(new URL('../../bin/xiaobao.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'xb-opinion-crash-'));
const port = 20000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;
const IMPORT_ROWS = 20_000;
/** Pushers stop at the kill; this only bounds them. */
const MAX_BATCHES = 1000;
const BATCH = 50;

const startServer = async (): Promise<ChildProcess> => {
  const child = spawn(process.execPath, [BIN, 'serve', '--demo'], {
    env: {
      ...process.env,
      XIAOBAO_DATA_DIR: dataDir,
      XIAOBAO_PORT: String(port),
      XIAOBAO_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      XIAOBAO_DEMO_COMPLAINTS: '0',
      XIAOBAO_DEMO_SIZE: 'test',
      XIAOBAO_DEMO_REPLAY: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  await waitUntilReady(child, base, 240_000, () => out);
  return child;
};

const login = async () => {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'cpadmin', password: 'Xiaobao@2026' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  return call;
};

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const batch = (b: number) =>
  Array.from({ length: BATCH }, (_, i) => ({
    source: 'vendor-crash',
    externalId: `b${b}-${i}`,
    publishedAt: iso(3 * 3600_000 + i * 1000),
    text: `第${b}批第${i}条：工行信用卡年费${i % 2 ? '乱收费，要维权' : '减免活动不错'}，网点${b}`,
  }));
const push = (b: number) =>
  fetch(`${base}/api/v1/integration/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY },
    body: JSON.stringify({ posts: batch(b) }),
  });

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('opinion ingest across a crash of the worker', () => {
  it('loses and duplicates nothing when killed mid-batch and restarted', async () => {
    server = await startServer();
    const call = await login();

    // Pushers keep batches in flight; a batch counts as delivered only when the 202 came back.
    const acknowledged = new Set<number>();
    let next = 0;
    let killed = false;
    const pusher = async () => {
      while (!killed && next < MAX_BATCHES) {
        const b = next++;
        try {
          if ((await push(b)).status === 202) acknowledged.add(b);
        } catch {
          return;
        }
      }
    };
    const pushers = Promise.all([pusher(), pusher()]);
    while (acknowledged.size < 2) await new Promise((r) => setTimeout(r, 50));
    const lines = Array.from({ length: IMPORT_ROWS }, (_, i) =>
      JSON.stringify({
        externalId: `f${i}`,
        publishedAt: iso(2 * 3600_000 + i * 500),
        text: `导入第${i}条：手机银行转账${i % 3 ? '失败，客服推诿' : '很顺利'}`,
      }),
    );
    const started = await call('POST', '/api/v1/opinion/imports/jobs', { format: 'jsonl', source: 'file-crash', content: lines.join('\n') });
    expect(started.status).toBe(202);
    const jobId = ((await started.json()) as { id: string }).id;
    // Kill as soon as the job is seen running (a poll may wait behind the import's own transactions).
    for (;;) {
      // A reused keep-alive socket can be reset by a busy server; only a dead server fails the test.
      const res = await call('GET', `/api/v1/opinion/imports/jobs/${jobId}`).catch((e: Error) => {
        if (server?.exitCode !== null) throw e;
        return null;
      });
      const j = res ? ((await res.json()) as { status: string }) : { status: 'queued' };
      if (j.status === 'running') break;
      expect(j.status).toBe('queued');
      await new Promise((r) => setTimeout(r, 100));
    }
    killed = true;
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGKILL');
    await pushers;
    await exited;
    const attempted = next;

    // The kill landed mid-import: read the job as the dead process left it.
    const dead = await openPglite(join(dataDir, 'pgdata'));
    const atKill = await dead.db.selectFrom('monitor_import_jobs').select(['status', 'processed']).where('id', '=', jobId).executeTakeFirstOrThrow();
    await dead.close();
    expect(atKill.status).toBe('running');
    expect(atKill.processed).toBeLessThan(IMPORT_ROWS);

    server = await startServer();
    const call2 = await login();
    const resumed = await call2('POST', `/api/v1/opinion/imports/jobs/${jobId}/resume`);
    // 409 only if the every-minute resume job claimed it first.
    expect([202, 409]).toContain(resumed.status);
    // The vendor re-sends everything it is unsure of, plus two batches that did arrive (a blind retry).
    const replay = [...Array(attempted).keys()].filter((b) => !acknowledged.has(b));
    const [firstAcked, secondAcked] = [...acknowledged];
    for (const b of [...replay, firstAcked as number, secondAcked as number]) expect((await push(b)).status).toBe(202);
    let job: { status: string; processed: number; total: number } = { status: '', processed: 0, total: 0 };
    for (let i = 0; i < 600 && job.status !== 'done'; i++) {
      job = (await (await call2('GET', `/api/v1/opinion/imports/jobs/${jobId}`)).json()) as typeof job;
      if (job.status !== 'done') await new Promise((r) => setTimeout(r, 200));
    }
    expect(job).toMatchObject({ status: 'done', processed: IMPORT_ROWS, total: IMPORT_ROWS });
    server.kill('SIGKILL');
    await new Promise((r) => server?.once('exit', r));
    server = null;

    const handle = await openPglite(join(dataDir, 'pgdata'));
    try {
      const { rows } = await sql<{ code: string; n: number; distinct_ids: number; counter: number; unanalysed: number }>`
        select s.code, count(p.id)::int as n, count(distinct p.external_id)::int as distinct_ids, s.post_count as counter,
          count(p.id) filter (where p.simhash = '' or p.story_id is null)::int as unanalysed
        from monitor_sources s left join monitor_posts p on p.source_id = s.id
        where s.code in ('vendor-crash', 'file-crash') group by s.code, s.post_count order by s.code`.execute(handle.db);
      expect(rows).toEqual([
        { code: 'file-crash', n: IMPORT_ROWS, distinct_ids: IMPORT_ROWS, counter: IMPORT_ROWS, unanalysed: 0 },
        { code: 'vendor-crash', n: attempted * BATCH, distinct_ids: attempted * BATCH, counter: attempted * BATCH, unanalysed: 0 },
      ]);
      const stories = await sql<{ counted: number; posts: number }>`
        select (select coalesce(sum(post_count), 0)::int from monitor_stories) as counted, (select count(*)::int from monitor_posts) as posts`.execute(
        handle.db,
      );
      expect(stories.rows[0]?.counted).toBe(stories.rows[0]?.posts);
    } finally {
      await handle.close();
    }
  }, 720_000);
});
