import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/modules/identity/index.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

const HOUR = 3600_000;

/** A real robot-webhook receiver on loopback that answers like 企业微信/钉钉 ({ errcode: 0 }). */
const startReceiver = async () => {
  const received: { path: string; body: Record<string, unknown> }[] = [];
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(data) });
      if (req.url === '/fail') res.writeHead(500).end('{}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => new Promise((r) => server.close(r)) };
};

/** A real SMTP receiver on loopback (no TLS, no auth) that keeps what it receives. */
const startSmtp = async () => {
  const mails: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
};

describe.each(testDialects())('opinion spikes, alerts and the incident workflow on %s', (dialect) => {
  let t: TestApp;
  let cp: Client;
  let handler: Client;
  let hook: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let alertId: string;
  let incidentId: string;
  const push = (posts: unknown[]) => t.anonymous.request('POST', '/api/v1/integration/posts', { posts }, { 'x-api-key': DEMO_API_KEY });

  beforeAll(async () => {
    hook = await startReceiver();
    smtp = await startSmtp();
    t = await createTestApp(dialect, { config: { smtpUrl: smtp.url, smtpFrom: '舆情预警 <opinion@xinghe-bank.example>' } });
    cp = await t.login('cpadmin');
    handler = await t.login('handler01');
  });
  afterAll(async () => {
    await smtp?.close();
    await hook?.close();
    await t?.close();
  });

  it('raises one explained, throttled spike alert and delivers it to 企业微信 and 钉钉 robots and by e-mail', async () => {
    for (const [kind, path] of [
      ['wecom', '/wecom'],
      ['dingtalk', '/dingtalk'],
      ['wecom', '/fail'],
    ])
      expect((await cp.post('/api/v1/opinion/channels', { kind, name: path, url: `${hook.base}${path}` })).statusCode).toBe(201);
    expect(
      (await cp.post('/api/v1/opinion/channels', { kind: 'email', name: 'mail', to: ['duty@xinghe-bank.example', 'cp@xinghe-bank.example'] })).statusCode,
    ).toBe(201);
    expect((await cp.post('/api/v1/opinion/channels', { kind: 'email', name: 'mail', to: ['not-an-address'] })).json().details[0].field).toMatch(/^body\.to/);
    const wl = await cp.post('/api/v1/opinion/watchlists', {
      name: 'ATM 吞卡',
      kind: 'topic',
      query: '吞卡 (atm OR 取款机) -招聘',
      spikeK: 3,
      spikeMinCount: 5,
    });
    expect(wl.statusCode).toBe(201);
    const bad = await cp.post('/api/v1/opinion/watchlists', { name: 'x', kind: 'topic', query: '(吞卡 OR' });
    expect(bad.json().details[0]).toMatchObject({ field: 'body.query', issue: 'unexpected_end' });

    // Baseline: one or two posts a day over the past week, then ten in the last hour.
    const now = Date.now();
    const history = Array.from({ length: 10 }, (_, i) => ({
      source: 'vendor-s',
      externalId: `h${i}`,
      publishedAt: new Date(now - (i + 1) * 15 * HOUR).toISOString(),
      text: `第${i}天：ATM吞卡的事情偶尔发生，网点处理还算及时。`,
    }));
    expect((await push(history)).json().accepted).toBe(10);
    expect((await t.anonymous.get('/api/v1/opinion/alerts')).statusCode).toBe(401);
    expect((await cp.get('/api/v1/opinion/alerts')).json().items).toHaveLength(0);
    const burst = Array.from({ length: 10 }, (_, i) => ({
      source: 'vendor-s',
      externalId: `b${i}`,
      publishedAt: new Date(now - (i + 1) * 4 * 60_000).toISOString(),
      text: `工行ATM取款机吞卡，等了两个小时没人管，太气人了！${i % 2 ? '转发扩散' : ''}`,
      reposts: 100 * i,
    }));
    // The alert exists as soon as the push is answered (latency is measured by the opinion bench).
    expect((await push(burst)).json().accepted).toBe(10);
    const alerts = (await cp.get('/api/v1/opinion/alerts')).json().items as { kind: string; subjectName: string }[];
    const spike = alerts.find((a) => a.kind === 'spike' && a.subjectName === 'ATM 吞卡') as unknown as {
      id: string;
      count: number;
      threshold: number;
      explanation: { topTerms: { key: string }[]; topSources: { key: string }[]; samples: { excerpt: string }[]; sentimentMix: Record<string, number> };
      deliveries: { channel: string; status: string; lastError: string | null }[];
    };
    expect(spike).toBeDefined();
    expect(spike.count).toBe(10);
    expect(spike.threshold).toBeGreaterThanOrEqual(5);
    expect(spike.explanation.topSources[0]?.key).toBe('vendor-s');
    expect(spike.explanation.topTerms.map((x) => x.key)).toContain('吞卡');
    expect(spike.explanation.samples[0]?.excerpt).toMatch(/转发扩散/);
    expect(spike.explanation.sentimentMix.negative).toBeGreaterThan(5);
    alertId = spike.id;

    const wecom = hook.received.find((r) => r.path === '/wecom')?.body as { msgtype: string; markdown: { content: string } };
    const ding = hook.received.find((r) => r.path === '/dingtalk')?.body as { msgtype: string; markdown: { title: string; text: string } };
    expect(wecom.msgtype).toBe('markdown');
    expect(wecom.markdown.content).toMatch(/舆情突增.*ATM 吞卡/);
    expect(ding.markdown.title).toMatch(/ATM 吞卡/);
    expect(ding.markdown.text).toMatch(/近1小时 10 条/);
    const deliveries = Object.fromEntries(spike.deliveries.map((d) => [d.channel, d]));
    expect(deliveries['/wecom']?.status).toBe('sent');
    expect(deliveries['/fail']).toMatchObject({ status: 'pending', lastError: 'HTTP 500' });
    expect(deliveries.mail?.status).toBe('sent');
    // One mail per alert (the watchlist spike and, here, the story spike too).
    expect(smtp.mails).toHaveLength(alerts.length);
    expect(smtp.mails[0]?.to.sort()).toEqual(['cp@xinghe-bank.example', 'duty@xinghe-bank.example']);
    expect(smtp.mails[0]?.raw).toMatch(/Subject: /);
    expect(smtp.mails[0]?.raw).toMatch(/From: .*opinion@xinghe-bank\.example/);

    // More posts in the same hour: no second alert for the same watchlist (throttled, de-duplicated).
    await push(burst.map((b, i) => ({ ...b, externalId: `c${i}` })));
    await cp.post('/api/v1/opinion/spike-check');
    const after = (await cp.get('/api/v1/opinion/alerts'))
      .json()
      .items.filter((a: { kind: string; subjectName: string }) => a.kind === 'spike' && a.subjectName === 'ATM 吞卡');
    expect(after).toHaveLength(1);
  });

  it('lets a person acknowledge an alert, once', async () => {
    const other = (await cp.get('/api/v1/opinion/alerts?status=open')).json().items.find((a: { id: string }) => a.id !== alertId);
    if (other) {
      expect((await cp.post(`/api/v1/opinion/alerts/${other.id}/acknowledge`)).statusCode).toBe(204);
      expect((await cp.post(`/api/v1/opinion/alerts/${other.id}/acknowledge`)).json().code).toBe('OPINION_ALERT_HANDLED');
    }
    const inspector = await t.login('inspector01');
    expect((await inspector.post(`/api/v1/opinion/alerts/${alertId}/acknowledge`)).statusCode).toBe(403);
  });

  it('runs an incident: clocks, findings, decision, clarification, watch, review; referrals and linked complaints; audited', async () => {
    const opened = await handler.post('/api/v1/opinion/incidents', { alertId, title: 'ATM 吞卡集中投诉', grade: 'I' });
    expect(opened.statusCode).toBe(201);
    incidentId = opened.json().id;
    expect((await handler.post('/api/v1/opinion/incidents', { alertId, title: 'again', grade: 'I' })).json().code).toBe('OPINION_ALERT_HANDLED');
    const url = `/api/v1/opinion/incidents/${incidentId}`;
    let inc = (await handler.get(url)).json();
    expect(inc.status).toBe('investigating');
    expect(inc.clocks.map((c: { key: string; state: string }) => [c.key, c.state])).toEqual([
      ['leadership', 'running'],
      ['regulator_phone', 'running'],
      ['regulator_written', 'running'],
    ]);
    expect(Date.parse(inc.clocks[1].dueAt) - Date.parse(inc.openedAt)).toBe(HOUR);
    expect(inc.allowedActions).not.toContain('decide');

    const act = (body: unknown) => handler.post(`${url}/actions`, body);
    expect((await act({ action: 'decide', verdict: 'false', reason: 'x' })).json().code).toBe('OPINION_ACTION_NOT_ALLOWED');
    expect((await act({ action: 'complete_clock', key: 'leadership', note: '已电话报告分管副行长' })).statusCode).toBe(200);
    expect((await act({ action: 'complete_clock', key: 'leadership', note: 'again' })).json().details[0].issue).toBe('no_running_clock');
    expect(
      (await act({ action: 'record_findings', findings: '经核查，ATM 故障已于当日修复，吞卡均已当日退还。', evidence: ['维修工单 WX-1'] })).statusCode,
    ).toBe(200);
    expect((await act({ action: 'decide', verdict: 'true', reason: 'x' })).json().details[0].field).toBe('body.rectification');
    expect((await act({ action: 'decide', verdict: 'maybe', reason: 'x' })).statusCode).toBe(400);
    expect((await act({ action: 'decide', verdict: 'false', reason: '网传"无人处理"不实' })).statusCode).toBe(200);
    expect((await act({ action: 'publish_response', kind: 'apology', text: '致歉', channel: '官方微博' })).json().details[0].issue).toBe(
      'expected_clarification',
    );

    // Complaints on the same topic: create two through the complaints integration API, find and link them.
    const codes: string[] = [];
    for (const [i, facts] of ['ATM吞卡后无人处理', 'ATM 吞卡，等待两小时'].entries()) {
      const r = await t.anonymous.request(
        'POST',
        '/api/v1/integration/complaints',
        { complainantName: '市民', phone: `1370000${1000 + i}`, facts, request: '退卡并道歉', channel: 'phone' },
        { 'x-api-key': DEMO_API_KEY, 'idempotency-key': `opinion-link-${i}-${dialect}` },
      );
      expect(r.statusCode).toBe(201);
      codes.push(r.json().trackingCode);
    }
    const found = (await handler.get(`/api/v1/opinion/complaint-refs?q=${encodeURIComponent('吞卡')}`)).json().items as { id: string; trackingCode: string }[];
    expect(found.map((f) => f.trackingCode).sort()).toEqual([...codes].sort());
    for (const f of found) expect((await handler.post(`${url}/complaints`, { complaintId: f.id })).statusCode).toBe(204);
    expect((await handler.post(`${url}/complaints`, { complaintId: found[0]?.id })).statusCode).toBe(409);
    expect((await handler.post(`${url}/complaints`, { complaintId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    // The complaint page reads the link back through the monitoring API.
    const back = (await handler.get(`/api/v1/opinion/complaints/${found[0]?.id}/incidents`)).json();
    expect(back.items).toEqual([expect.objectContaining({ id: incidentId, grade: 'I', statusLabel: { zh: '已研判', en: 'Decided' } })]);

    const ref = await handler.post(`${url}/referrals`, {
      partnerKind: 'regulator',
      partner: '国家金融监督管理总局XX监管分局',
      shared: '事件经过与处置进展',
      reference: 'JG-2026-001',
    });
    expect(ref.statusCode).toBe(201);
    expect((await handler.post(`${url}/referrals`, { partnerKind: 'army', partner: 'x', shared: 'y' })).statusCode).toBe(400);

    expect(
      (await act({ action: 'publish_response', kind: 'clarification', text: '关于网传ATM吞卡无人处理的情况说明……', channel: '官方微博' })).statusCode,
    ).toBe(200);
    expect((await act({ action: 'start_watch', note: '观察48小时' })).statusCode).toBe(200);
    inc = (await act({ action: 'close', review: '故障响应及时，但舆情回应晚于2小时，需改进。' })).json();
    expect(inc.status).toBe('closed');
    expect(inc.complaints).toHaveLength(2);
    expect(inc.referrals[0]).toMatchObject({ partnerKind: 'regulator', reference: 'JG-2026-001' });
    expect(inc.timeline.map((e: { type: string }) => e.type)).toEqual([
      'opened',
      'complete_clock',
      'record_findings',
      'decide',
      'link_complaint',
      'link_complaint',
      'add_referral',
      'publish_response',
      'start_watch',
      'close',
    ]);
    expect(inc.allowedActions).toEqual(['view']);
    expect((await act({ action: 'start_watch' })).json().code).toBe('OPINION_ACTION_NOT_ALLOWED');

    const audit = await t.rt.handle.db.selectFrom('audit_log').select('action').where('target_id', '=', incidentId).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toContain('monitoring.incident.close');
    expect(audit).toHaveLength(10);

    const list = (await cp.get('/api/v1/opinion/incidents?open=true')).json().items;
    expect(list.find((i: { id: string }) => i.id === incidentId)).toBeUndefined();
    const dash = (await cp.get('/api/v1/opinion/dashboard')).json();
    expect(dash.volume.reduce((s: number, v: { negative: number }) => s + v.negative, 0)).toBeGreaterThan(5);
    expect(dash.wordCloud.map((w: { word: string }) => w.word)).toContain('吞卡');
  });

  it('keeps incidents out of reach of roles without the permission and of other branches', async () => {
    const inspector = await t.login('inspector01');
    expect((await inspector.get(`/api/v1/opinion/incidents/${incidentId}`)).statusCode).toBe(200);
    expect((await inspector.post('/api/v1/opinion/incidents', { title: 'x', grade: 'III' })).statusCode).toBe(403);
    const ops = await t.login('ops01');
    expect((await ops.get('/api/v1/opinion/posts')).statusCode).toBe(403);
    const outlet = await t.login('cp.kc');
    expect((await outlet.get(`/api/v1/opinion/incidents/${incidentId}`)).statusCode).toBe(404);
  });
});
