import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/modules/identity/index.ts';
import { replayDemoPosts } from '../../src/modules/monitoring/server/demo-replay.ts';
import { loadDemoTexts } from '../../src/modules/monitoring/server/demo-source.ts';
import { pollDueSources } from '../../src/modules/monitoring/server/feeds.ts';
import { DEFAULT_SHARED_DATA } from '../../src/platform/config/env.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

/** Real feed servers on loopback: a good RSS feed with ETag, HTML, broken XML, 10 MB and one that never answers. */
const startFeedServer = async () => {
  const hits: { path: string; ifNoneMatch: string | undefined }[] = [];
  const hanging: ServerResponse[] = [];
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>财经快讯</title>
    <item><guid>n-1</guid><title>工商银行网点排长队</title><link>https://news.example/1</link><pubDate>${new Date(Date.now() - 7200_000).toUTCString()}</pubDate><description><![CDATA[<p>有网友称<b>工商银行</b>某网点排长队，服务态度差，多人投诉。</p>]]></description></item>
    <item><guid>n-2</guid><title>银行理财新规发布</title><link>https://news.example/2</link><pubDate>${new Date(Date.now() - 3 * 3600_000).toUTCString()}</pubDate><description>监管发布理财新规。</description></item>
  </channel></rss>`;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    hits.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] as string | undefined });
    if (req.url === '/good.xml') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': new Date().toUTCString() }).end(rss);
    } else if (req.url === '/html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>登录后查看</body></html>');
    } else if (req.url === '/broken.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' }).end('<rss><channel><item><title>unclosed');
    } else if (req.url === '/huge.xml') {
      // 10 MB streamed without a content-length: the byte cap must stop reading.
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.write('<?xml version="1.0"?><rss><channel>');
      const chunk = `<item><title>${'x'.repeat(64_000)}</title></item>`;
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('</channel></rss>');
      };
      pump();
    } else if (req.url === '/never') {
      hanging.push(res);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    close: async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
};

describe.each(testDialects())('opinion monitoring ingest: push API, feeds, file import on %s', (dialect) => {
  let t: TestApp;
  let cp: Client;
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  const push = (body: unknown, key = DEMO_API_KEY) => t.anonymous.request('POST', '/api/v1/integration/posts', body, { 'x-api-key': key });
  const postCount = async () =>
    Number(
      (
        await t.rt.handle.db
          .selectFrom('monitor_posts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    // Long enough for the 10 MB feed to hit the byte cap first on a busy machine, short for the silent one.
    t = await createTestApp(dialect, { config: { feedTimeoutMs: 4000 } });
    cp = await t.login('cpadmin');
    feeds = await startFeedServer();
  });
  afterAll(async () => {
    await feeds?.close();
    await t?.close();
  });

  it('accepts a batch with per-item verdicts, is idempotent on source + external id, and analyses each post', async () => {
    const good = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
      source: 'vendor-a',
      externalId: id,
      publishedAt: iso(600_000),
      text,
      ...extra,
    });
    const body = {
      posts: [
        good('p1', '工行手机银行又崩了，转账失败还乱扣费，太垃圾了，要去维权！', { reposts: 12, mediaTier: 'social', url: 'https://weibo.example/p1' }),
        good('p2', '工行手机银行又崩了，转账失败还乱扣费，太垃圾了，要去维权！！', { author: '网友B' }),
        good('p3', '今天天气很好，去公园散步。'),
        good('p1', '同一批里重复的帖子'),
        { source: 'vendor-a', externalId: 'bad-1', publishedAt: 'yesterday', text: '时间不对' },
        { source: 'vendor-a', externalId: 'bad-2', publishedAt: iso(0), text: '' },
        { source: 'Bad Source!', externalId: 'bad-3', publishedAt: iso(0), text: '来源编码不合法' },
        { source: 'vendor-a', externalId: 'bad-4', publishedAt: iso(0), text: '多余字段', isAdmin: true },
        'not an object',
      ],
    };
    const res = await push(body);
    expect(res.statusCode).toBe(202);
    const r = res.json();
    expect(r).toMatchObject({ accepted: 3, duplicate: 1, rejected: 5 });
    expect(r.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [4, 'publishedAt'],
      [5, 'text'],
      [6, 'source'],
      [7, ''],
      [8, ''],
    ]);
    expect(r.errors[3].reason).toMatch(/unrecognized_keys/);

    const again = (await push(body)).json();
    expect(again).toMatchObject({ accepted: 0, duplicate: 4, rejected: 5 });
    const parallel = await Promise.all([1, 2, 3].map(() => push({ posts: [good('race-1', '并发推送同一帖子：工行网点排队两小时')] })));
    expect(parallel.map((p) => p.json().accepted).reduce((a: number, b: number) => a + b)).toBe(1);

    const list = (await cp.get('/api/v1/opinion/posts?q=乱扣费')).json();
    expect(list.total).toBe(2);
    const [a, b] = list.items;
    expect(a.storyId).toBe(b.storyId);
    expect(a.watchlistIds.length).toBeGreaterThan(0);
    expect(a.sentiment).toBe('negative');
    expect(a.grade).toBe('II');
    expect(a.gradeRule).toMatch(/敏感词.*terms 维权/);
    expect(a.keywords.length).toBeGreaterThan(0);
    const calm = (await cp.get('/api/v1/opinion/posts?q=公园散步')).json().items[0];
    expect(calm).toMatchObject({ grade: null, watchlistIds: [] });
  });

  it('refuses bad batches whole, wrong keys and sessions, and writes nothing', async () => {
    const before = await postCount();
    const one = { source: 'vendor-a', externalId: 'x', publishedAt: iso(0), text: '工行' };
    expect((await push({ posts: [] })).statusCode).toBe(400);
    expect((await push({ posts: Array.from({ length: 501 }, (_, i) => ({ ...one, externalId: `x${i}` })) })).json().code).toBe('VALIDATION_FAILED');
    expect((await push({ items: [one] })).statusCode).toBe(400);
    expect((await push({ posts: [one] }, 'xb_wrong')).statusCode).toBe(401);
    const bySession = await cp.post('/api/v1/integration/posts', { posts: [one] });
    expect(bySession.statusCode).toBe(403);
    const malformed = await t.anonymous.request('POST', '/api/v1/integration/posts', '{"posts": [', {
      'x-api-key': DEMO_API_KEY,
      'content-type': 'application/json',
    });
    expect(malformed.statusCode).toBe(400);
    expect(await postCount()).toBe(before);
  });

  it('polls feeds concurrently with conditional GET; HTML, broken XML, 10 MB and silence are marked and block nobody', async () => {
    for (const [code, path] of [
      ['feed-good', '/good.xml'],
      ['feed-html', '/html'],
      ['feed-broken', '/broken.xml'],
      ['feed-huge', '/huge.xml'],
      ['feed-never', '/never'],
      ['feed-404', '/missing'],
    ]) {
      const res = await cp.post('/api/v1/opinion/sources', { code, name: code, url: `${feeds.base}${path}`, mediaTier: 'industry' });
      expect(res.statusCode).toBe(201);
    }
    expect((await cp.post('/api/v1/opinion/sources', { code: 'feed-good', name: 'x', url: `${feeds.base}/x`, mediaTier: 'industry' })).statusCode).toBe(409);
    expect((await cp.post('/api/v1/opinion/sources', { code: 'feed-ftp', name: 'x', url: 'ftp://x/y', mediaTier: 'industry' })).json().details[0].field).toBe(
      'body.url',
    );

    const started = Date.now();
    const results = await pollDueSources(t.rt.deps);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(results['feed-good']).toMatchObject({ ok: true, accepted: 2 });
    expect(results['feed-html']?.error).toBe('FEED_NOT_XML');
    expect(results['feed-broken']?.error).toBe('FEED_INVALID');
    expect(results['feed-huge']?.error).toBe('FEED_TOO_LARGE');
    expect(results['feed-never']?.error).toBe('FEED_TIMEOUT');
    expect(results['feed-404']?.error).toBe('FEED_HTTP');

    const sources = (await cp.get('/api/v1/opinion/sources')).json().items as {
      code: string;
      health: string;
      lastError: string;
      nextPollAt: string;
      consecutiveFailures: number;
    }[];
    const by = Object.fromEntries(sources.map((s) => [s.code, s]));
    expect(by['feed-good']?.health).toBe('ok');
    expect(by['feed-never']).toMatchObject({ health: 'failing', consecutiveFailures: 1 });
    expect(by['feed-html']?.lastError).toMatch(/HTML/);
    // Backoff: a failing feed waits longer than its normal interval.
    expect(Date.parse(by['feed-never']?.nextPollAt as string) - Date.now()).toBeGreaterThan(15 * 60_000);

    // Second poll of the good feed: If-None-Match sent, 304, nothing new, still healthy.
    const good = sources.find((s) => s.code === 'feed-good') as unknown as { id: string };
    const again = (await cp.post(`/api/v1/opinion/sources/${good.id}/poll`)).json();
    expect(again).toMatchObject({ ok: true, accepted: 0 });
    expect(feeds.hits.filter((h) => h.path === '/good.xml').at(-1)?.ifNoneMatch).toBe('"v1"');
    const post = (await cp.get('/api/v1/opinion/posts?q=排长队')).json().items[0];
    expect(post).toMatchObject({ externalId: 'n-1', url: 'https://news.example/1', mediaTier: 'industry', source: { code: 'feed-good' } });
    expect(post.text).not.toMatch(/<b>/);
  });

  it('imports CSV and JSON Lines with a row-level error report', async () => {
    const csv = [
      'externalId,publishedAt,title,text,reposts,url',
      `c1,${iso(86_400_000)},标题一,工行信用卡年费乱收,5,https://bbs.example/c1`,
      `c2,not-a-date,标题二,正文,1,`,
      `c3,${iso(86_400_000)},,"带逗号,的正文：工行",abc,`,
      `c4,${iso(86_400_000)},,,0,`,
    ].join('\n');
    const r = (await cp.post('/api/v1/opinion/imports', { format: 'csv', source: 'bbs-import', content: csv })).json();
    expect(r).toMatchObject({ accepted: 1, rejected: 3 });
    expect(r.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [2, 'publishedAt'],
      [3, 'reposts'],
      [4, 'text'],
    ]);
    const jsonl = [
      JSON.stringify({ externalId: 'j1', publishedAt: iso(0), text: '工行客服电话打不通' }),
      '{broken',
      '',
      JSON.stringify({ externalId: 'j1', publishedAt: iso(0), text: '重复' }),
    ].join('\n');
    const j = (await cp.post('/api/v1/opinion/imports', { format: 'jsonl', source: 'bbs-import', content: jsonl })).json();
    expect(j).toMatchObject({ accepted: 1, duplicate: 1, rejected: 1, errors: [{ index: 2, reason: 'invalid_json' }] });
    const bad = await cp.post('/api/v1/opinion/imports', { format: 'csv', source: 'bbs-import', content: 'a,b\n"unclosed' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ field: 'body.content', issue: 'invalid_csv' });
    expect((await cp.post('/api/v1/opinion/imports', { format: 'xlsx', source: 'bbs-import', content: 'x' })).statusCode).toBe(400);
    const inspector = await t.login('inspector01');
    expect((await inspector.post('/api/v1/opinion/imports', { format: 'jsonl', source: 'bbs-import', content: jsonl })).statusCode).toBe(403);
  });

  it.skipIf(loadDemoTexts(1, DEFAULT_SHARED_DATA).length === 0)('replays real public posts on the demo sources, once per minute', async () => {
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
    expect(await replayDemoPosts(t.rt.deps, 3, minute)).toBe(3);
    expect(await replayDemoPosts(t.rt.deps, 3, new Date(minute.getTime() + 30_000))).toBe(0);
    const sources = (await cp.get('/api/v1/opinion/sources')).json().items as { kind: string; postCount: number }[];
    expect(sources.filter((s) => s.kind === 'demo').reduce((n, s) => n + s.postCount, 0)).toBe(3);
  });
});
