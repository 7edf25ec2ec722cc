import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { systemActor } from '../src/kernel/actor.ts';
import { closeTransports } from '../src/modules/outreach/server/channels/adapters.ts';
import { deliverPush } from '../src/modules/outreach/server/deliver.ts';
import { evaluateSegment } from '../src/modules/outreach/server/queries/evaluate-segment.ts';
import { saveSetting } from '../src/modules/outreach/server/settings.ts';
import { createPush } from '../src/modules/outreach/server/use-cases/create-push.ts';
import { startPush } from '../src/modules/outreach/server/use-cases/start-push.ts';
import { loadConfig } from '../src/platform/config/env.ts';
import { openPglite, openPostgres } from '../src/platform/db/client.ts';
import { bootRuntime } from '../src/server/runtime.ts';
import { startSmsFake } from '../tests/support/outreach-fakes.ts';
import type { BenchTarget } from './run.ts';

/**
 * Segment + queue at scale: BENCH_PUSH_RECIPIENTS customers (default 1,000,000 on PostgreSQL, 100,000
 * on PGlite) are generated set-based (generate_series), a segment matching all of them is counted
 * (segmentEvalMs), and a push to it is started: ONE INSERT … SELECT writes a delivery row per
 * recipient (queuedPerSec = rows / start time). deliveredPerSec is measured separately on a
 * BENCH_PUSH_DELIVER-recipient push (default 20,000 / 5,000) sent to a loopback JSON SMS gateway.
 */
export const run = async (target: BenchTarget) => {
  const isPg = target.dialect === 'postgres';
  const N = Number(process.env.BENCH_PUSH_RECIPIENTS ?? (isPg ? 1_000_000 : 100_000));
  const D = Math.min(N, Number(process.env.BENCH_PUSH_DELIVER ?? (isPg ? 20_000 : 5_000)));
  const dataDir = mkdtempSync(join(tmpdir(), 'xb-bench-push-'));
  let dbName = '';
  let url = target.databaseUrl;
  if (isPg && url) {
    dbName = `xb_bench_push_${process.pid}`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`create database ${dbName}`);
    await c.end();
    const u = new URL(url);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  const handle = isPg && url ? await openPostgres(url, 4) : await openPglite(join(dataDir, 'pgdata'));
  const sms = await startSmsFake('ok');
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  try {
    const config = loadConfig({ XIAOBAO_DATA_DIR: dataDir, XIAOBAO_LOG_LEVEL: 'silent' }, { dataDir, databaseUrl: url });
    // role 'none': no HTTP, no workers; the queue is never started, so startPush's hand-off to the
    // delivery job fails after its commit and the bench drives delivery itself.
    const rt = await bootRuntime(config, { role: 'none', jobsMode: 'pgboss', logger: false, handle });
    const deps = rt.deps;
    const actor = { ...systemActor('bench'), orgId: '00000000-0000-4000-8000-000000000001', orgPath: '/bench/' };
    await saveSetting(deps.db, 'policy', { quietStart: '00:00', quietEnd: '00:00', frequencyCapPerWeek: 50 });
    await saveSetting(deps.db, 'channels', { sms: { url: sms.url, ratePerMinute: 100_000_000 } });

    let t0 = performance.now();
    await sql`
      insert into outreach_customers (id, name, mobile, age_band, gender, occupation, home_org_id, home_org_code, org_path, consents)
      select gen_random_uuid(), '客户' || i, '1' || (13000000000 + i)::text, (array['18-29','30-44','45-59','60+'])[1 + i % 4],
        case when i % 2 = 0 then 'F' else 'M' end, case when i <= ${D} then '快递员' else '企业职工' end,
        '00000000-0000-4000-8000-000000000001', 'BENCH-1', '/bench/outlet/', array['inbox','sms']
      from generate_series(1, ${N}) as g(i)`.execute(deps.db);
    const generateMs = performance.now() - t0;
    await sql`analyze outreach_customers`.execute(deps.db);

    const rule = {
      type: 'all' as const,
      rules: [
        { type: 'reachable' as const, channel: 'sms' as const },
        { type: 'ageBand' as const, values: ['18-29', '30-44', '45-59', '60+'] },
      ],
    };
    const seg = (id: string, name: string, r: unknown) =>
      deps.db
        .insertInto('outreach_segments')
        .values({
          id,
          name,
          description: '',
          rule: JSON.stringify(r),
          org_id: '00000000-0000-4000-8000-000000000001',
          org_path: '/bench/',
          created_by: 'bench',
        })
        .execute();
    await seg('00000000-0000-4000-8000-00000000000a', 'all', rule);
    await seg('00000000-0000-4000-8000-00000000000b', 'couriers', { type: 'all', rules: [rule, { type: 'occupation', values: ['快递员'] }] });

    t0 = performance.now();
    const preview = await evaluateSegment(deps.db, actor, rule, new Date());
    const segmentEvalMs = performance.now() - t0;

    const start = async (segmentId: string) => {
      const { id } = await createPush(deps, actor, { title: '压测', body: '压测消息', contentKind: 'notice', segmentId, channels: ['sms'] });
      const t = performance.now();
      let queued = 0;
      try {
        queued = (await startPush(deps, actor, id)).queued;
      } catch (e) {
        if (!/job queue not started/.test((e as Error).message)) throw e;
        queued = (await sql<{ n: number }>`select count(*)::int as n from outreach_deliveries where push_id = ${id}`.execute(deps.db)).rows[0]?.n ?? 0;
      }
      return { id, queued, ms: performance.now() - t };
    };
    const big = await start('00000000-0000-4000-8000-00000000000a');
    const small = await start('00000000-0000-4000-8000-00000000000b');
    t0 = performance.now();
    await deliverPush(deps, small.id);
    const deliverMs = performance.now() - t0;
    const delivered = (
      await sql<{ n: number }>`select count(*)::int as n from outreach_deliveries where push_id = ${small.id} and status = 'delivered'`.execute(deps.db)
    ).rows[0]?.n;
    if (delivered !== D || sms.sent.size !== D) throw new Error(`delivered ${delivered} rows, gateway got ${sms.sent.size}, expected ${D}`);
    await rt.close();
    return {
      recipients: preview.count,
      generateMs: Math.round(generateMs),
      segmentEvalMs: Math.round(segmentEvalMs),
      queued: big.queued,
      queueMs: Math.round(big.ms),
      queuedPerSec: Math.round(big.queued / (big.ms / 1000)),
      segmentAndQueueMs: Math.round(segmentEvalMs + big.ms),
      deliveredRecipients: D,
      deliveredPerSec: Math.round(D / (deliverMs / 1000)),
      rssMb: Math.round(peakRss / 1048576),
    };
  } finally {
    clearInterval(sampler);
    closeTransports();
    await sms.close();
    await handle.close().catch(() => {});
    if (dbName && target.databaseUrl) {
      const c = new pg.Client({ connectionString: target.databaseUrl });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
};
