import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/kernel/actor.ts';
import { recordEvent } from '../../src/platform/events/events.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { type SmsFake, type SmtpFake, startSmsFake, startSmtpFake, startWechatFake, type WechatFake } from '../support/outreach-fakes.ts';

/**
 * Customers, live segments, pushes over real loopback peers (SMTP receiver, JSON SMS gateway,
 * WeChat OA API), consent and opt-out, retries/timeouts, risk alerts with 消保审查.
 */
const CSV = [
  '姓名,手机号,邮箱,微信openid,年龄段,性别,职业,归属网点,授权渠道',
  '张桂兰,13900000001,zgl@example.com,oWX000000001,60+,女,离退休人员,CC-NG-1,站内信|短信|邮件|微信',
  '李国强,139 0000 0002,lgq@example.com,,60+,男,离退休人员,CC-NG-2,短信|邮件',
  '王小明,13900000003,wxm@example.com,,30-44,男,外卖骑手,CC-NG-1,短信|邮件',
  '赵老太,13900000004,,,60+,女,离退休人员,CC-CY-1,短信',
  '钱不愿,13900000005,qby@example.com,,60+,男,离退休人员,CC-NG-3,站内信',
  '坏号码,1234,bad@example.com,,60+,男,其他,CC-NG-1,短信',
  '坏邮箱,13900000007,not-an-email,,60+,男,其他,CC-NG-1,邮件',
  '重复行,13900000001,dup@example.com,,60+,女,其他,CC-NG-1,短信',
  '无网点,13900000009,,,60+,女,其他,XX-404,短信',
].join('\n');

const emit = async (t: TestApp, name: string, payload: Record<string, unknown>) => {
  await t.rt.deps.db.transaction().execute((tx) => recordEvent(tx, systemActor('test'), name, payload));
  await t.rt.deps.dispatcher.kick();
};

describe.each(testDialects())('outreach on %s', (dialect) => {
  let t: TestApp;
  let cp: Client;
  let deputy: Client;
  let smtp: SmtpFake;
  let sms: SmsFake;
  let wx: WechatFake;

  beforeAll(async () => {
    [smtp, sms, wx] = await Promise.all([startSmtpFake(), startSmsFake(), startWechatFake()]);
    t = await createTestApp(dialect);
    cp = await t.login('cpadmin');
    deputy = await t.login('cp.deputy');
    const res = await cp.request('PUT', '/api/v1/outreach/settings', {
      policy: { quietStart: '00:00', quietEnd: '00:00', frequencyCapPerWeek: 3, maxAttempts: 3, backoffSeconds: 0.05, timeoutMs: 500, leaseSeconds: 60 },
      channels: {
        email: { smtpUrl: smtp.url, from: 'xiaobao@bank.test' },
        sms: { url: sms.url },
        wechat: { apiBase: wx.base, appId: 'wx-test', secret: 'wx-secret', templateId: 'TPL-RISK' },
      },
    });
    expect(res.statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([smtp?.close(), sms?.close(), wx?.close()]);
  });

  it('imports a CSV with a row-level report: bad phones, bad e-mails, duplicates and unknown outlets are refused row by row', async () => {
    const res = await cp.post('/api/v1/outreach/imports', { fileName: 'customers.csv', format: 'csv', content: CSV });
    expect(res.statusCode).toBe(202);
    const status = (await cp.get(`/api/v1/outreach/imports/${res.json().id}`)).json();
    expect(status).toMatchObject({ status: 'done', total: 9, processed: 9, imported: 5, duplicates: 1 });
    const issues = status.errors.map((e: { row: number; field: string; issue: string }) => `${e.row}:${e.field}:${e.issue}`);
    expect(issues).toEqual(['7:mobile:invalid_mobile', '8:email:invalid_email', '9:mobile:duplicate_in_file:row_2', '10:homeOrgCode:unknown_org']);
    // Importing the same file again: every valid row is now a duplicate of an existing customer.
    const again = (
      await cp.get(`/api/v1/outreach/imports/${(await cp.post('/api/v1/outreach/imports', { fileName: 'again.csv', format: 'csv', content: CSV })).json().id}`)
    ).json();
    expect(again.imported).toBe(0);
    expect(again.errors.filter((e: { issue: string }) => e.issue === 'duplicate_existing_customer')).toHaveLength(5);
  });

  it('refuses an unreadable or column-less file with OUTREACH_IMPORT_INVALID in both languages', async () => {
    const res = await cp.post('/api/v1/outreach/imports', { fileName: 'x.csv', format: 'csv', content: 'foo,bar\n1,2' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('OUTREACH_IMPORT_INVALID');
    expect(res.json().message).toContain('导入文件');
    const xlsx = await cp.post('/api/v1/outreach/imports', { fileName: 'x.xlsx', format: 'xlsx', content: Buffer.from('not a zip').toString('base64') });
    expect(xlsx.json().code).toBe('OUTREACH_IMPORT_INVALID');
    const en = await cp.request('POST', '/api/v1/outreach/imports', { fileName: 'x.csv', format: 'csv', content: 'a\n1' }, { 'x-locale': 'en-US' });
    expect(en.json().message).toMatch(/import file/i);
  });

  it('imports XLSX, masks personal data in lists and audits a reveal', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['name', 'mobile', 'email', 'age_band', 'gender', 'occupation', 'home_org_code', 'consents']);
    ws.addRow(['孙骑手', '13900000011', 'sqs@example.com', '18-29', 'M', '外卖骑手', 'CC-CY-2', 'sms,email']);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const id = (await cp.post('/api/v1/outreach/imports', { fileName: 'c.xlsx', format: 'xlsx', content })).json().id;
    expect((await cp.get(`/api/v1/outreach/imports/${id}`)).json()).toMatchObject({ status: 'done', imported: 1 });
    const list = (await cp.get('/api/v1/outreach/customers?q=13900000011')).json();
    expect(list.items[0]).toMatchObject({ mobile: '139****0011', masked: true, occupation: '外卖骑手' });
    expect(list.items[0].name).not.toBe('孙骑手');
    const reveal = await cp.post(`/api/v1/outreach/customers/${list.items[0].id}/reveal`, { reason: '核实授权' });
    expect(reveal.json()).toMatchObject({ mobile: '13900000011', name: '孙骑手', masked: false });
    const audit = await t.rt.deps.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'outreach.customer.reveal').execute();
    expect(audit.map((a) => a.target_id)).toContain(list.items[0].id);
    const dup = await cp.post('/api/v1/outreach/customers', { name: '重复', mobile: '13900000011', ageBand: '30-44', homeOrgCode: 'CC-CY-2' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('OUTREACH_DUPLICATE_CUSTOMER');
    const badPhone = await cp.post('/api/v1/outreach/customers', { name: '坏', mobile: '12345', ageBand: '30-44', homeOrgCode: 'CC-CY-2' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().details[0].field).toContain('mobile');
  });

  it('segments count live, follow behaviour events and explain a rule that matches nothing', async () => {
    const elderlyNg = {
      type: 'all',
      rules: [
        { type: 'ageBand', values: ['60+'] },
        { type: 'homeOrg', orgCode: 'CC-NG' },
      ],
    };
    const p1 = (await cp.post('/api/v1/outreach/segments/preview', { rule: elderlyNg })).json();
    expect(p1.count).toBe(3); // 张桂兰, 李国强, 钱不愿 (赵老太 is under 朝阳)
    expect(p1.sample[0].mobile).toMatch(/\*{4}/);
    const quizLow = { type: 'quizScore', below: 60 };
    expect((await cp.post('/api/v1/outreach/segments/preview', { rule: quizLow })).json().count).toBe(0);
    await emit(t, 'education.attempt_submitted', {
      attemptId: 'a1',
      quizId: 'q-fraud',
      quizTitle: '防诈骗答题',
      score: 40,
      maxScore: 100,
      phone: '13900000003',
    });
    await emit(t, 'education.attempt_submitted', {
      attemptId: 'a2',
      quizId: 'q-fraud',
      quizTitle: '防诈骗答题',
      score: 90,
      maxScore: 100,
      phone: '13900000001',
    });
    await emit(t, 'campaigns.attendance_recorded', {
      eventId: 'ev-1',
      campaignId: 'c1',
      eventTitle: '反诈讲座',
      orgId: 'o',
      phone: '139 0000 0004',
      name: '赵',
      walkIn: true,
      checkedInAt: new Date().toISOString(),
    });
    await emit(t, 'complaint.registered', { complaintId: 'cmp-1', orgId: 'o', flags: [], channel: 'phone', phone: '13900000002', businessCategory: '信用卡' });
    await emit(t, 'education.course_completed', { courseId: 'course-1', courseTitle: '老年人防骗课', phone: '13900000005' });
    expect((await cp.post('/api/v1/outreach/segments/preview', { rule: { type: 'quizScore', quizId: 'q-fraud', below: 60 } })).json().count).toBe(1);
    expect((await cp.post('/api/v1/outreach/segments/preview', { rule: { type: 'attended', eventId: 'ev-1' } })).json().count).toBe(1);
    expect((await cp.post('/api/v1/outreach/segments/preview', { rule: { type: 'complained', category: '信用卡' } })).json().count).toBe(1);
    expect((await cp.post('/api/v1/outreach/segments/preview', { rule: { type: 'completedCourse', courseId: 'course-1' } })).json().count).toBe(1);
    const none = (
      await cp.post('/api/v1/outreach/segments/preview', {
        rule: {
          type: 'all',
          rules: [
            { type: 'ageBand', values: ['18-29'] },
            { type: 'homeOrg', orgCode: 'CC-NG' },
          ],
        },
      })
    ).json();
    expect(none).toMatchObject({ count: 0, isEmpty: true });
    expect(none.explain.map((e: { count: number }) => e.count)).toEqual([1, 4]);
    const unknownOrg = await cp.post('/api/v1/outreach/segments/preview', { rule: { type: 'homeOrg', orgCode: 'NOPE' } });
    expect(unknownOrg.json().code).toBe('OUTREACH_RULE_INVALID');
    const badRule = await cp.post('/api/v1/outreach/segments/preview', { rule: { type: 'ageBand', values: ['99+'] } });
    expect(badRule.statusCode).toBe(400);
    const empty = (await cp.post('/api/v1/outreach/segments', { name: '空分群', rule: none ? { type: 'ageBand', values: ['45-59'] } : {} })).json();
    const push = await cp.post('/api/v1/outreach/pushes', { title: 't', body: 'b', contentKind: 'notice', segmentId: empty.id, channels: ['sms'] });
    const start = await cp.post(`/api/v1/outreach/pushes/${push.json().id}/start`);
    expect(start.statusCode).toBe(409);
    expect(start.json().code).toBe('OUTREACH_SEGMENT_EMPTY');
    expect(await t.rt.deps.db.selectFrom('outreach_deliveries').select('id').where('push_id', '=', push.json().id).execute()).toHaveLength(0);
  });

  it('writes a risk alert, passes review by someone else, pushes it on four channels with consent, tracking and unsubscribe', async () => {
    const alert = await cp.post('/api/v1/outreach/alerts', {
      fraudType: '养老诈骗',
      title: '警惕以养老为名的高息骗局',
      whatHappens: '不法分子以养老公寓床位预售为名，承诺高额回报。',
      howToProtect: '高息承诺往往是陷阱，转账前与家人商量。',
      keywords: ['养老', '高息'],
    });
    expect(alert.statusCode).toBe(201);
    const id = alert.json().id;
    expect(alert.json().whereToReport).toContain('96110');
    await cp.post(`/api/v1/outreach/alerts/${id}/submit`, {});
    const self = await cp.post(`/api/v1/outreach/alerts/${id}/review`, { approve: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('OUTREACH_SELF_REVIEW');
    const early = await cp.post('/api/v1/outreach/pushes', {
      title: 'x',
      body: 'y',
      contentKind: 'risk_alert',
      contentRef: id,
      segmentId: '00000000-0000-4000-8000-000000000000',
      channels: ['sms'],
    });
    expect(early.statusCode).toBe(404);
    expect((await deputy.post(`/api/v1/outreach/alerts/${id}/review`, { approve: true, comment: '同意' })).json().status).toBe('published');
    const pub = (await t.anonymous.get('/api/v1/public/outreach/alerts')).json();
    expect(pub.items.map((a: { id: string }) => a.id)).toContain(id);

    const seg = (
      await cp.post('/api/v1/outreach/segments', {
        name: '南关支行长者',
        rule: {
          type: 'all',
          rules: [
            { type: 'ageBand', values: ['60+'] },
            { type: 'homeOrg', orgCode: 'CC-NG' },
          ],
        },
      })
    ).json();
    const push = (
      await cp.post('/api/v1/outreach/pushes', {
        title: '风险提示：养老骗局',
        body: '请勿轻信高息养老项目。',
        contentKind: 'risk_alert',
        contentRef: id,
        segmentId: seg.id,
        channels: ['inbox', 'email', 'sms', 'wechat'],
      })
    ).json();
    const started = await cp.post(`/api/v1/outreach/pushes/${push.id}/start`);
    expect(started.statusCode).toBe(200);
    const report = (await cp.get(`/api/v1/outreach/pushes/${push.id}/report`)).json();
    expect(report.status).toBe('done');
    const by = Object.fromEntries(report.byChannel.map((c: { channel: string }) => [c.channel, c]));
    // 张桂兰: all four; 李国强: sms+email; 钱不愿: inbox only.
    expect(by.email).toMatchObject({ delivered: 2, skipped: 1, failed: 0, queued: 0 });
    expect(by.sms).toMatchObject({ delivered: 2, skipped: 1 });
    expect(by.wechat).toMatchObject({ sent: 1, skipped: 2 });
    expect(by.inbox).toMatchObject({ delivered: 2, skipped: 1 });
    expect(report.skipReasons.find((r: { channel: string; reason: string }) => r.channel === 'wechat' && r.reason === 'no_consent')?.count).toBe(2);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(['lgq@example.com', 'zgl@example.com']);
    expect(smtp.messages[0]?.raw).toContain('List-Unsubscribe');
    expect([...sms.sent.values()].map((m) => m.to).sort()).toEqual(['13900000001', '13900000002']);
    expect(wx.messages).toHaveLength(1);
    expect(wx.messages[0]).toMatchObject({ touser: 'oWX000000001', template_id: 'TPL-RISK' });
    expect(wx.messages[0]?.url).toContain('/api/v1/public/outreach/t/');

    // Open pixel and click redirect (to the alert's portal page only).
    const raw = (smtp.messages[0]?.raw ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const pixel = /\/api\/v1\/public\/outreach\/t\/([\w.-]+)\/open\.gif/.exec(raw)?.[1] as string;
    expect((await t.anonymous.get(`/api/v1/public/outreach/t/${pixel}/open.gif`)).headers['content-type']).toBe('image/gif');
    const click = await t.anonymous.get(`/api/v1/public/outreach/t/${pixel}/click`);
    expect(click.statusCode).toBe(302);
    expect(click.headers.location).toBe(`/portal/risk-alerts/${id}`);
    const after = (await cp.get(`/api/v1/outreach/pushes/${push.id}/report`)).json();
    expect(after.byChannel.find((c: { channel: string }) => c.channel === 'email')).toMatchObject({ opened: 1, clicked: 1 });
    expect((await t.anonymous.get(`/api/v1/public/outreach/t/${pixel.slice(0, -2)}xx/click`)).json().code).toBe('OUTREACH_TOKEN_INVALID');

    // Unsubscribe from e-mail through the signed link: the next push skips that address.
    const unsub = /unsubscribe\?t=([\w.-]+)/.exec(raw)?.[1] as string;
    expect((await t.anonymous.post('/api/v1/public/outreach/unsubscribe', { token: unsub })).json().channel).toBe('email');
    expect((await t.anonymous.post('/api/v1/public/outreach/unsubscribe', { token: `${unsub}x` })).statusCode).toBe(400);
    const again = (
      await cp.post('/api/v1/outreach/pushes', { title: '再次提示', body: '再次提醒。', contentKind: 'notice', segmentId: seg.id, channels: ['email'] })
    ).json();
    await cp.post(`/api/v1/outreach/pushes/${again.id}/start`);
    const r2 = (await cp.get(`/api/v1/outreach/pushes/${again.id}/report`)).json();
    expect(r2.skipReasons.map((r: { reason: string }) => r.reason)).toContain('opted_out');
    expect(r2.byChannel[0].delivered).toBe(1);
  });

  it('refuses a push where no one consented, and sends nothing', async () => {
    const seg = (
      await cp.post('/api/v1/outreach/segments', {
        name: '只授权站内信',
        rule: {
          type: 'all',
          rules: [
            { type: 'ageBand', values: ['60+'] },
            { type: 'homeOrg', orgCode: 'CC-NG-3' },
          ],
        },
      })
    ).json();
    const push = (
      await cp.post('/api/v1/outreach/pushes', { title: 't', body: 'b', contentKind: 'notice', segmentId: seg.id, channels: ['sms', 'wechat'] })
    ).json();
    const before = sms.requests.length;
    const res = await cp.post(`/api/v1/outreach/pushes/${push.id}/start`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('OUTREACH_NO_CONSENT');
    expect(sms.requests.length).toBe(before);
    expect((await cp.get(`/api/v1/outreach/pushes/${push.id}/report`)).json().byChannel).toEqual([]);
  });

  it('retries a failing gateway with back-off, times out a hanging one, and ends every row failed (nothing lost, nothing sent twice)', async () => {
    const seg = (await cp.post('/api/v1/outreach/segments', { name: '短信客户', rule: { type: 'reachable', channel: 'sms' } })).json();
    const count = (await cp.get(`/api/v1/outreach/segments/${seg.id}/preview`)).json().count;
    for (const mode of ['error', 'hang'] as const) {
      const bad = await startSmsFake(mode);
      try {
        await cp.request('PUT', '/api/v1/outreach/settings', {
          channels: { sms: { url: bad.url }, email: { smtpUrl: smtp.url } },
          policy: { quietStart: '00:00', quietEnd: '00:00', frequencyCapPerWeek: 50, maxAttempts: 3, backoffSeconds: 0.05, timeoutMs: 300, leaseSeconds: 60 },
        });
        const push = (
          await cp.post('/api/v1/outreach/pushes', { title: `故障 ${mode}`, body: 'b', contentKind: 'notice', segmentId: seg.id, channels: ['sms'] })
        ).json();
        await cp.post(`/api/v1/outreach/pushes/${push.id}/start`);
        const r = (await cp.get(`/api/v1/outreach/pushes/${push.id}/report`)).json();
        expect(r.status).toBe('done');
        expect(r.byChannel[0]).toMatchObject({ channel: 'sms', failed: count, delivered: 0, queued: 0, sending: 0 });
        expect(r.errors[0].error).toBe(mode === 'hang' ? 'timeout' : 'HTTP 503: gateway busy');
        // Three attempts per recipient, each with the same idempotency key.
        expect(bad.requests).toHaveLength(count * 3);
        expect(new Set(bad.requests.map((q) => q.key)).size).toBe(count);
      } finally {
        await bad.close();
      }
    }
    // WeChat is not configured in these settings: the push is refused before anything is queued.
    const wx = (await cp.post('/api/v1/outreach/pushes', { title: '微信', body: 'b', contentKind: 'notice', segmentId: seg.id, channels: ['wechat'] })).json();
    const refused = await cp.post(`/api/v1/outreach/pushes/${wx.id}/start`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('OUTREACH_CHANNEL_NOT_CONFIGURED');
  }, 60_000);

  it('keeps event invitations from campaigns.event_published and pushes them', async () => {
    const ng = await t.rt.deps.db.selectFrom('orgs').select(['id', 'path']).where('code', '=', 'CC-NG').executeTakeFirstOrThrow();
    await emit(t, 'campaigns.event_published', {
      eventId: 'ev-42',
      campaignId: 'c-1',
      title: '3·15 金融知识进社区',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      venueName: '南关社区服务中心',
      orgId: ng.id,
      orgPath: ng.path,
      publicPath: '/portal/events/ev-42',
    });
    const content = (await cp.get('/api/v1/outreach/content')).json();
    expect(content.items.find((c: { kind: string }) => c.kind === 'event')).toMatchObject({ id: 'ev-42', title: '3·15 金融知识进社区' });
    const seg = (await cp.post('/api/v1/outreach/segments', { name: '站内信客户', rule: { type: 'reachable', channel: 'inbox' } })).json();
    const push = await cp.post('/api/v1/outreach/pushes', {
      title: '活动邀请',
      body: '欢迎参加',
      contentKind: 'event',
      contentRef: 'ev-42',
      segmentId: seg.id,
      channels: ['inbox'],
    });
    expect(push.statusCode).toBe(201);
    const missing = await cp.post('/api/v1/outreach/pushes', {
      title: '活动邀请',
      body: '欢迎参加',
      contentKind: 'event',
      contentRef: 'ev-404',
      segmentId: seg.id,
      channels: ['inbox'],
    });
    expect(missing.json().code).toBe('OUTREACH_CONTENT_NOT_FOUND');
  });
});
