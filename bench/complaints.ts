import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { systemActor } from '../src/kernel/actor.ts';
import { listComplaints } from '../src/modules/complaints/server/queries/list-complaints.ts';
import { seedComplaintsDemo } from '../src/modules/complaints/server/seed-demo.ts';
import { DEMO_API_KEY } from '../src/modules/identity/index.ts';
import { loadConfig } from '../src/platform/config/env.ts';
import { bootRuntime, seedDemoIfEmpty } from '../src/server/runtime.ts';
import type { BenchTarget } from './run.ts';
import { percentile, startServerProcess } from './server-process.ts';

/**
 * createsPerSec: complaints created over HTTP (integration API) by 32 concurrent clients for 15 s.
 * searchP50Ms / searchP95Ms: ten fixed list queries (2-char, 3-char, long, with filters), newest
 * first, top 20, at BENCH_COMPLAINTS rows (default 20,000). searchRecall: hits / substring truth.
 */
const CLIENTS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** Which parts to run (comma-separated): creates, search. Default all. */
const PARTS = (process.env.BENCH_PARTS ?? 'creates,search').split(',');
const ROWS = Number(process.env.BENCH_COMPLAINTS ?? 20_000);
const QUERIES: { q: string; status?: 'closed' }[] = [
  { q: '年费' },
  { q: '征信' },
  { q: '理财' },
  { q: '吞卡' },
  { q: '征信异议' },
  { q: '催收人员' },
  { q: '手机银行转账失败' },
  { q: '分期手续费', status: 'closed' },
  { q: 'ATM' },
  { q: '年费 扣收' },
];

const measureCreates = async (env: Record<string, string>) => {
  const s = await startServerProcess({ ...env, XIAOBAO_DEMO_COMPLAINTS: '0', XIAOBAO_RATE_LIMIT_PER_MINUTE: '1000000' });
  let done = 0;
  const t0 = performance.now();
  const client = async (c: number) => {
    for (let i = 0; performance.now() - t0 < SECONDS * 1000; i++) {
      const res = await fetch(`${s.base}/api/v1/integration/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY, 'idempotency-key': `bench-${c}-${i}-${t0}` },
        body: JSON.stringify({
          complainantName: '压测',
          phone: '13800138000',
          facts: '信用卡年费被扣收，办卡时承诺免年费。',
          request: '退还年费',
          channel: 'phone',
        }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`create failed: ${res.status}`);
      done++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const perSec = done / ((performance.now() - t0) / 1000);
  await s.stop();
  return Math.round(perSec);
};

const measureSearch = async (target: BenchTarget, dataDir: string) => {
  const config = loadConfig({ XIAOBAO_DATA_DIR: dataDir, XIAOBAO_LOG_LEVEL: 'silent', DATABASE_URL: target.databaseUrl ?? '' });
  process.env.XIAOBAO_DEMO_COMPLAINTS = '0';
  const rt = await bootRuntime(config, { role: 'none', jobsMode: 'inline', logger: false });
  await seedDemoIfEmpty(rt, () => {});
  const have = Number(
    (
      await rt.handle.db
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (have < ROWS) {
    console.error(`[complaints] seeding ${ROWS - have} complaints`);
    await seedComplaintsDemo({ ...rt.deps, log: () => {} }, ROWS - have);
  }
  await sql`analyze complaints`.execute(rt.handle.db);
  const actor = systemActor('bench');
  const times: number[] = [];
  let hits = 0;
  let truth = 0;
  for (const { q, status } of QUERIES) {
    const terms = q.split(' ');
    const t = await sql<{ n: number }>`select count(*)::int as n from complaints where ${sql.join(
      terms.map((term) => sql`position(lower(${term}) in lower(tracking_code || ' ' || title || ' ' || facts || ' ' || request)) > 0`),
      sql` and `,
    )} ${status ? sql`and status = ${status}` : sql``}`.execute(rt.handle.db);
    truth += t.rows[0]?.n ?? 0;
    for (let rep = 0; rep < 12; rep++) {
      const t0 = performance.now();
      const r = await listComplaints(rt.deps, actor, { q, view: 'all', page: 1, pageSize: 20, ...(status ? { status } : {}) });
      const ms = performance.now() - t0;
      if (rep >= 2) times.push(ms);
      if (rep === 0) hits += r.total;
    }
  }
  await rt.close();
  times.sort((a, b) => a - b);
  return {
    rows: Math.max(have, ROWS),
    searchP50Ms: Math.round(percentile(times, 50) * 10) / 10,
    searchP95Ms: Math.round(percentile(times, 95) * 10) / 10,
    searchRecall: truth ? Math.round((hits / truth) * 10000) / 10000 : 1,
  };
};

export const run = async (target: BenchTarget) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xb-bench-c-'));
  try {
    const out: Record<string, number> = {};
    if (PARTS.includes('creates')) {
      console.error('[complaints] creates over HTTP');
      out.createsPerSec = await measureCreates({ XIAOBAO_DATA_DIR: dataDir, DATABASE_URL: target.databaseUrl ?? '' });
    }
    if (PARTS.includes('search')) {
      console.error('[complaints] search');
      Object.assign(out, await measureSearch(target, dataDir));
    }
    return out;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};
