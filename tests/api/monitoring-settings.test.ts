import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/modules/identity/index.ts';
import { pollDueSources } from '../../src/modules/monitoring/server/feeds.ts';
import { IMPORT_STALE_MS, resumeImportJobs } from '../../src/modules/monitoring/server/import-runner.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

type Job = {
  id?: string;
  status: string;
  total: number;
  processed: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  errors: { index: number; field?: string; reason: string }[];
};

describe.each(testDialects())('opinion admin: sources, watchlists, rules, channels, import jobs on %s', (dialect) => {
  let t: TestApp;
  let cp: Client;
  let inspector: Client;
  const push = (posts: unknown[]) => t.anonymous.request('POST', '/api/v1/integration/posts', { posts }, { 'x-api-key': DEMO_API_KEY });
  const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);
  const auditOf = async (action: string) =>
    t.rt.handle.db.selectFrom('audit_log').select(['target_id', 'diff']).where('action', '=', action).orderBy('seq', 'desc').execute();
  const waitForJob = async (id: string): Promise<Job> => {
    for (let i = 0; i < 300; i++) {
      const j = (await cp.get(`/api/v1/opinion/imports/jobs/${id}`)).json() as Job;
      if (j.status === 'done' || j.status === 'failed') return j;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import job did not finish');
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    cp = await t.login('cpadmin');
    inspector = await t.login('inspector01');
    const r = await push([
      { source: 'vendor-s', externalId: 's1', publishedAt: iso(3600_000), text: '工行信用卡年费乱收，客服推诿，我要维权曝光！' },
      { source: 'vendor-s', externalId: 's2', publishedAt: iso(7200_000), text: '工商银行网点服务很好，点赞。' },
      { source: 'vendor-s', externalId: 's3', publishedAt: iso(7200_000), text: '今天去公园散步，天气很好。' },
    ]);
    expect(r.json().accepted).toBe(3);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('tests an unsaved Boolean query on recent posts, then edits and disables a watchlist with audit', async () => {
    const preview = (await cp.post('/api/v1/opinion/watchlists/preview', { query: '(工行 OR 工商银行) -点赞' })).json();
    expect(preview).toMatchObject({ scanned: 3, matched: 1 });
    expect(preview.samples[0]).toMatchObject({ terms: ['工行'] });
    expect(preview.samples[0].excerpt).toMatch(/年费乱收/);
    const broken = await cp.post('/api/v1/opinion/watchlists/preview', { query: '(工行 OR' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().details[0]).toMatchObject({ field: 'body.query' });

    const id = (await cp.post('/api/v1/opinion/watchlists', { name: '年费 Fees', kind: 'product', query: '年费' })).json().id as string;
    expect((await put(cp, `/api/v1/opinion/watchlists/${id}`, { query: '"年费" AND (乱收 OR 投诉' })).json().details[0].field).toBe('body.query');
    expect((await put(cp, `/api/v1/opinion/watchlists/${id}`, {})).statusCode).toBe(400);
    expect((await put(cp, `/api/v1/opinion/watchlists/${id}`, { query: '年费 AND 维权', spikeK: 2.5 })).statusCode).toBe(204);
    expect((await put(inspector, `/api/v1/opinion/watchlists/${id}`, { enabled: false })).statusCode).toBe(403);
    expect((await put(cp, `/api/v1/opinion/watchlists/${crypto.randomUUID()}`, { enabled: false })).statusCode).toBe(404);
    await push([{ source: 'vendor-s', externalId: 's4', publishedAt: iso(60_000), text: '信用卡年费不退，我要维权' }]);
    const listed = (await cp.get('/api/v1/opinion/watchlists')).json().items.find((w: { id: string }) => w.id === id);
    expect(listed).toMatchObject({ query: '年费 AND 维权', spikeK: 2.5, enabled: true, matched7d: 1 });

    expect((await put(cp, `/api/v1/opinion/watchlists/${id}`, { enabled: false })).statusCode).toBe(204);
    await push([{ source: 'vendor-s', externalId: 's5', publishedAt: iso(60_000), text: '又一条年费维权帖' }]);
    const after = (await cp.get('/api/v1/opinion/watchlists')).json().items.find((w: { id: string }) => w.id === id);
    expect(after).toMatchObject({ enabled: false, matched7d: 1 });
    const audit = await auditOf('monitoring.watchlist_updated');
    expect(audit.filter((a) => a.target_id === id)).toHaveLength(2);
    expect(JSON.stringify(audit.at(-1)?.diff)).toMatch(/年费 AND 维权/);
  });

  it('shows which grading rule fired how often, and tunes or disables a rule', async () => {
    const rules = (await cp.get('/api/v1/opinion/grade-rules')).json().items as {
      id: string;
      name: string;
      fired7d: number;
      canEdit: boolean;
      grade: string;
    }[];
    const sensitive = rules.find((r) => r.name.startsWith('敏感词'));
    expect(sensitive?.fired7d).toBeGreaterThanOrEqual(1);
    expect(sensitive?.canEdit).toBe(true);
    const posts = (await cp.get('/api/v1/opinion/posts?q=年费乱收')).json().items;
    expect(posts[0].gradeRule).toMatch(/^敏感词 Sensitive terms: /);

    expect((await put(cp, `/api/v1/opinion/grade-rules/${sensitive?.id}`, { condition: {} })).statusCode).toBe(400);
    expect((await put(cp, `/api/v1/opinion/grade-rules/${sensitive?.id}`, { grade: 'IV' })).statusCode).toBe(400);
    expect((await put(cp, `/api/v1/opinion/grade-rules/${sensitive?.id}`, { enabled: false })).statusCode).toBe(204);
    await push([{ source: 'vendor-s', externalId: 's6', publishedAt: iso(60_000), text: '工行乱扣费，我要维权曝光，太差了' }]);
    const graded = (await cp.get('/api/v1/opinion/posts?q=乱扣费')).json().items[0];
    expect(graded.gradeRule ?? '').not.toMatch(/^敏感词/);
    expect((await put(cp, `/api/v1/opinion/grade-rules/${sensitive?.id}`, { enabled: true, priority: 5 })).statusCode).toBe(204);
    const back = (await cp.get('/api/v1/opinion/grade-rules')).json().items.find((r: { id: string }) => r.id === sensitive?.id);
    expect(back).toMatchObject({ enabled: true, priority: 5 });
    expect((await auditOf('monitoring.grade_rule_updated')).length).toBe(2);
  });

  it('lists channels with masked targets and delivery counts; edits and disables them', async () => {
    const robot = (
      await cp.post('/api/v1/opinion/channels', { kind: 'wecom', name: '值班群', url: 'https://qyapi.example/cgi-bin/webhook/send?key=SECRET' })
    ).json().id;
    const mail = (await cp.post('/api/v1/opinion/channels', { kind: 'email', name: '消保部', to: ['duty@xinghe-bank.example'] })).json().id;
    const items = (await cp.get('/api/v1/opinion/channels')).json().items as { id: string; target: string; enabled: boolean; sent: number }[];
    const r = items.find((c) => c.id === robot);
    expect(r?.target).toBe('qyapi.example/…');
    expect(JSON.stringify(items)).not.toMatch(/SECRET|duty@/);
    expect(items.find((c) => c.id === mail)).toMatchObject({ enabled: true, sent: 0 });
    expect((await put(cp, `/api/v1/opinion/channels/${mail}`, { url: 'https://x.example/hook' })).json().details[0]).toMatchObject({
      field: 'body.url',
      issue: 'email_channel_takes_to',
    });
    expect((await put(cp, `/api/v1/opinion/channels/${robot}`, { to: ['a@b.example'] })).statusCode).toBe(400);
    expect((await put(cp, `/api/v1/opinion/channels/${mail}`, { to: ['not-mail'] })).statusCode).toBe(400);
    expect((await put(cp, `/api/v1/opinion/channels/${robot}`, { enabled: false, url: 'https://oapi.example/robot/send?access_token=NEW' })).statusCode).toBe(
      204,
    );
    expect((await inspector.get('/api/v1/opinion/channels')).statusCode).toBe(403);
    const row = await t.rt.handle.db.selectFrom('monitor_channels').select(['url', 'enabled']).where('id', '=', robot).executeTakeFirstOrThrow();
    expect(row).toEqual({ url: 'https://oapi.example/robot/send?access_token=NEW', enabled: false });
    const audit = await auditOf('monitoring.channel_updated');
    expect(JSON.stringify(audit)).not.toMatch(/access_token|NEW/);
  });

  it('edits a feed, refuses a URL on a push source, and skips a disabled feed when polling', async () => {
    const feed = (
      await cp.post('/api/v1/opinion/sources', { code: 'feed-x', name: '某财经', url: 'http://127.0.0.1:9/none.xml', mediaTier: 'industry' })
    ).json().id;
    const sources = (await cp.get('/api/v1/opinion/sources')).json().items as { id: string; code: string; kind: string }[];
    const pushSource = sources.find((s) => s.code === 'vendor-s');
    expect((await put(cp, `/api/v1/opinion/sources/${pushSource?.id}`, { url: 'https://x.example/rss' })).json().details[0]).toMatchObject({
      field: 'body.url',
      issue: 'not_a_feed',
    });
    expect((await put(cp, `/api/v1/opinion/sources/${pushSource?.id}`, { mediaTier: 'national', name: '某舆情服务商' })).statusCode).toBe(204);
    expect((await put(cp, `/api/v1/opinion/sources/${feed}`, { pollMinutes: 0 })).statusCode).toBe(400);
    expect((await put(cp, `/api/v1/opinion/sources/${feed}`, { enabled: false, pollMinutes: 30 })).statusCode).toBe(204);
    expect(Object.keys(await pollDueSources(t.rt.deps, { all: true }))).not.toContain('feed-x');
    const after = (await cp.get('/api/v1/opinion/sources')).json().items as { code: string; enabled: boolean; mediaTier: string; name: string }[];
    expect(after.find((s) => s.code === 'feed-x')).toMatchObject({ enabled: false });
    expect(after.find((s) => s.code === 'vendor-s')).toMatchObject({ mediaTier: 'national', name: '某舆情服务商' });
    expect((await cp.get('/api/v1/opinion/push-api')).json()).toMatchObject({ endpoint: '/api/v1/integration/posts', scope: 'posts:write', maxBatch: 500 });
  });

  it('imports a file as a job with progress and a row-level report, and resumes a job whose worker died', async () => {
    const rows = ['externalId,publishedAt,text,reposts'];
    for (let i = 1; i <= 600; i++) {
      if (i === 100) rows.push(`f${i},yesterday,时间格式错误,1`);
      else if (i === 450) rows.push(`f${i},${iso(3600_000)},,1`);
      else rows.push(`f${i},${iso(3600_000 + i * 1000)},第${i}条：工行网点排队太久,${i}`);
    }
    rows.push(`f1,${iso(3600_000)},重复的第一条,1`);
    const start = await cp.post('/api/v1/opinion/imports/jobs', { format: 'csv', source: 'bbs-big', content: rows.join('\n'), fileName: '论坛导出.csv' });
    expect(start.statusCode).toBe(202);
    expect(start.json().total).toBe(601);
    const done = await waitForJob(start.json().id);
    expect(done).toMatchObject({ status: 'done', total: 601, processed: 601, accepted: 598, duplicate: 1, rejected: 2 });
    expect(done.errors.map((e) => [e.index, e.field])).toEqual([
      [100, 'publishedAt'],
      [450, 'text'],
    ]);
    const listed = (await cp.get('/api/v1/opinion/imports/jobs')).json().items;
    expect(listed[0]).toMatchObject({ fileName: '论坛导出.csv', status: 'done', errors: [] });
    const stored = await t.rt.handle.db.selectFrom('monitor_import_jobs').select('content').where('id', '=', start.json().id).executeTakeFirstOrThrow();
    expect(stored.content).toBe('');

    // Bad files are refused before any job exists.
    expect((await cp.post('/api/v1/opinion/imports/jobs', { format: 'csv', source: 'bbs-big', content: 'a,b\n"open' })).json().details[0].issue).toBe(
      'invalid_csv',
    );
    expect((await cp.post('/api/v1/opinion/imports/jobs', { format: 'jsonl', source: 'Bad Code', content: '{}' })).statusCode).toBe(400);
    expect((await inspector.post('/api/v1/opinion/imports/jobs', { format: 'jsonl', source: 'bbs-big', content: '{}' })).statusCode).toBe(403);
    expect((await inspector.get(`/api/v1/opinion/imports/jobs/${start.json().id}`)).statusCode).toBe(403);

    // Unparseable lines count as processed and rejected, so progress reaches the total.
    const mixed = [JSON.stringify({ externalId: 'm1', publishedAt: iso(0), text: '工行' }), '{oops', '["not an object"]'].join('\n');
    const mj = await waitForJob((await cp.post('/api/v1/opinion/imports/jobs', { format: 'jsonl', source: 'bbs-big', content: mixed })).json().id);
    expect(mj).toMatchObject({ status: 'done', total: 3, processed: 3, accepted: 1, rejected: 2 });
    expect(mj.errors.map((e) => [e.index, e.reason.split(':')[0]])).toEqual([
      [2, 'invalid_json'],
      [3, 'invalid_type'],
    ]);
    expect((await cp.post(`/api/v1/opinion/imports/jobs/${mj.id ?? ''}/resume`)).statusCode).toBe(409);

    // A worker that died after 250 rows: a stale heartbeat lets the resume job finish the rest exactly once.
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ externalId: `r${i}`, publishedAt: iso(7200_000), text: `续传第${i}条 工行` }));
    const job = (await cp.post('/api/v1/opinion/imports/jobs', { format: 'jsonl', source: 'bbs-resume', content: lines.join('\n') })).json();
    await waitForJob(job.id);
    await t.rt.handle.db
      .updateTable('monitor_import_jobs')
      .set({ status: 'running', processed: 250, accepted: 250, duplicate: 0, rejected: 0, errors: '[]', content: lines.join('\n'), finished_at: null })
      .set({ heartbeat_at: new Date(Date.now() - IMPORT_STALE_MS - 1000) })
      .where('id', '=', job.id)
      .execute();
    await t.rt.handle.db
      .deleteFrom('monitor_posts')
      .where(
        'external_id',
        'in',
        lines.slice(250).map((_, i) => `r${250 + i}`),
      )
      .execute();
    expect(await resumeImportJobs(t.rt.deps)).toBe(1);
    expect(await resumeImportJobs(t.rt.deps)).toBe(0);
    const resumed = (await cp.get(`/api/v1/opinion/imports/jobs/${job.id}`)).json();
    expect(resumed).toMatchObject({ status: 'done', processed: 400, accepted: 400, duplicate: 0 });
    const n = await t.rt.handle.db
      .selectFrom('monitor_posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('external_id', 'like', 'r%')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(400);
  });
});
