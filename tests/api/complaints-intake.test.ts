import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvePow } from '../../src/modules/complaints/server/pow.ts';
import { DEMO_API_KEY } from '../../src/modules/identity/index.ts';
import { verifyAuditChain } from '../../src/platform/audit/verify.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

describe.each(testDialects())('complaint intake: public portal, integration API and bad input on %s', (dialect) => {
  let t: TestApp;
  let handler: Client;
  let orgId: string;
  const count = async () =>
    Number(
      (
        await t.rt.handle.db
          .selectFrom('complaints')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const integration = (key: string | null, body: unknown, apiKey = DEMO_API_KEY) =>
    t.anonymous.request('POST', '/api/v1/integration/complaints', body, { 'x-api-key': apiKey, ...(key ? { 'idempotency-key': key } : {}) });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    handler = await t.login('handler01');
    orgId = (await handler.get('/api/v1/orgs')).json().items.find((o: { code: string }) => o.code === 'CC-NG-2').id;
  });
  afterAll(async () => t?.close());

  it('files on the public portal only with a solved proof of work, and tracks with code + phone', async () => {
    const body = { complainantName: '赵六', phone: '13700001234', facts: '手机银行转账失败，资金未到账。', request: '尽快到账' };
    const refused = await t.anonymous.post('/api/v1/public/complaints', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0]).toMatchObject({ field: 'body.pow', issue: 'proof_of_work_required' });
    const { challenge, required } = (await t.anonymous.get('/api/v1/public/pow')).json();
    expect(required).toBe(true);
    const res = await t.anonymous.post('/api/v1/public/complaints', { ...body, pow: { challenge, nonce: solvePow(challenge) } });
    expect(res.statusCode).toBe(201);
    const { trackingCode, deadline } = res.json();
    expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const tracked = await t.anonymous.get(`/api/v1/public/complaints/${trackingCode}?phoneLast4=1234`);
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ trackingCode, status: 'registered', deadline });
    const wrongPhone = await t.anonymous.get(`/api/v1/public/complaints/${trackingCode}?phoneLast4=9999`);
    const wrongCode = await t.anonymous.get('/api/v1/public/complaints/TS20990101000001?phoneLast4=1234');
    expect(wrongPhone.statusCode).toBe(404);
    expect(wrongPhone.json().message).toBe(wrongCode.json().message);
    // Routed to a handler; nobody at the receiving counter owns it.
    const list = (await handler.get(`/api/v1/complaints?q=${trackingCode}`)).json();
    expect(list.items[0].ownerName).toBeTruthy();
  });

  it('creates exactly one complaint per Idempotency-Key and refuses a key reused with another body', async () => {
    const body = { complainantName: '钱七', phone: '13700005678', facts: 'ATM吞卡', request: '退卡', channel: 'regulator', regulatorTicket: '12378-2026-88' };
    const before = await count();
    const first = await integration('call-0001-abc', body);
    expect(first.statusCode).toBe(201);
    const again = await integration('call-0001-abc', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().trackingCode).toBe(first.json().trackingCode);
    const parallel = await Promise.all([integration('call-0002-abc', body), integration('call-0002-abc', body), integration('call-0002-abc', body)]);
    expect(new Set(parallel.map((r) => r.json().trackingCode)).size).toBe(1);
    expect(await count()).toBe(before + 2);
    const reused = await integration('call-0001-abc', { ...body, facts: '别的事' });
    expect(reused.statusCode).toBe(409);
    expect((await integration(null, body)).statusCode).toBe(400);
    expect((await integration('call-0003-abc', body, 'xb_wrong_key')).statusCode).toBe(401);
  });

  it('group-commits concurrent pushes: every one answered, one bad key refused alone, audit chain intact', async () => {
    const body = (i: number) => ({ complainantName: `并发${i}`, phone: '13700007777', facts: `批量写入测试第${i}件`, request: '处理', channel: 'phone' });
    expect((await integration('group-key-00', body(0))).statusCode).toBe(201);
    const before = await count();
    const res = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => integration(`group-key-${i + 1}`, body(i + 1))),
      integration('group-key-00', { ...body(0), facts: '不同的内容' }),
      integration('group-key-00', body(0)),
    ]);
    expect(res.slice(0, 20).map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(res[20]?.statusCode).toBe(409);
    expect(res[21]?.statusCode).toBe(200);
    expect(new Set(res.slice(0, 20).map((r) => r.json().trackingCode)).size).toBe(20);
    expect(await count()).toBe(before + 20);
    // The same phone within a year: every later case of the group is flagged as a repeat.
    const flags = await t.rt.handle.db.selectFrom('complaints').select('flags').where('phone', '=', '13700007777').execute();
    expect(flags.filter((f) => f.flags.includes('repeat'))).toHaveLength(20);
    expect(await verifyAuditChain(t.rt.handle.db)).toMatchObject({ ok: true });
  });

  it('normalises the phone and emits complaint.registered with the agreed payload', async () => {
    const body = {
      complainantName: '冯十二',
      phone: '+86 137-0000-4321',
      facts: '信用卡分期手续费未告知',
      request: '退还手续费',
      businessCategory: 'B04',
      channel: 'phone',
    };
    const res = await integration('call-phone-norm-1', body);
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.rt.handle.db
      .selectFrom('complaints')
      .select(['id', 'phone'])
      .where('tracking_code', '=', res.json().trackingCode)
      .executeTakeFirstOrThrow();
    expect(row.phone).toBe('13700004321');
    const events = await t.rt.handle.db.selectFrom('domain_events').select('payload').where('name', '=', 'complaint.registered').execute();
    const mine = events.map((e) => e.payload).find((p) => p.complaintId === row.id);
    expect(mine).toMatchObject({ complaintId: row.id, phone: '13700004321', businessCategory: 'B04', channel: 'phone', flags: [] });
    expect(typeof mine?.orgId).toBe('string');
    const bad = await integration('call-phone-norm-2', { ...body, phone: '+1 415 555 0100' });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const base = { channel: 'counter', orgId, complainantName: '孙八', phone: '13700009999', facts: '柜员态度差', request: '道歉' };
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: '1370000999' }, 'body.phone'],
      [{ idNumber: '220102199001011235' }, 'body.idNumber'],
      [{ facts: '很'.repeat(5001) }, 'body.facts'],
      [{ complainantName: '' }, 'body.complainantName'],
      [{ channel: 'pigeon' }, 'body.channel'],
      [{ party: { role: 'agent' } }, 'body.party.agentDocument'],
    ];
    for (const [patch, field] of cases) {
      const res = await handler.post('/api/v1/complaints', { ...base, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await count()).toBe(before);
    const ok = await handler.post('/api/v1/complaints', { ...base, idNumber: '11010519491231002x', facts: '<script>alert("x")</script> 柜员态度差' });
    expect(ok.statusCode, ok.body).toBe(201);
    const c = (await handler.get(`/api/v1/complaints/${ok.json().id}`)).json();
    expect(c.facts).toBe('<script>alert("x")</script> 柜员态度差');
    expect(c.idNumberMasked).toBe('1101**********002X');
  });

  it('accepts evidence by its bytes only, with a sanitised name, and audits downloads', async () => {
    const res = await handler.post('/api/v1/complaints', {
      channel: 'counter',
      orgId,
      complainantName: '郑十一',
      phone: '13600000010',
      facts: '附件测试',
      request: '处理',
    });
    const id = res.json().id as string;
    const upload = (bytes: Buffer, name: string) =>
      handler.request('POST', `/api/v1/complaints/${id}/attachments`, bytes, {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      });
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]);
    const ok = await upload(png, '../../etc/扣款截图<script>.exe');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ mime: 'image/png', name: '扣款截图script.png' });
    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'evidence.pdf');
    expect(html.statusCode).toBe(415);
    expect((await upload(Buffer.alloc(0), 'x.pdf')).statusCode).toBe(400);
    const big = await upload(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 1)]), 'big.pdf');
    expect(big.statusCode).toBe(413);
    const c = (await handler.get(`/api/v1/complaints/${id}`)).json();
    expect(c.attachments).toHaveLength(1);
    const dl = await handler.get(`/api/v1/complaints/${id}/attachments/${c.attachments[0].id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.rawPayload.equals(png)).toBe(true);
    const audited = await t.rt.handle.db.selectFrom('audit_log').select('action').where('target_id', '=', id).execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['complaint.attachment_added', 'complaint.attachment_read']));
  });

  it('suggests JR/T 0169 codes from the text until staff confirm them', async () => {
    const res = await handler.post('/api/v1/complaints', {
      channel: 'phone',
      orgId,
      complainantName: '吴十',
      phone: '13600000009',
      facts: '催收人员多次给我父母打电话，言语威胁',
      request: '停止骚扰',
    });
    const c = (await handler.get(`/api/v1/complaints/${res.json().id}`)).json();
    expect(c.businessCategory).toBeNull();
    expect(c.suggestedCoding).toMatchObject({ businessCategory: 'B08', cause: 'C12' });
    const codes = (await handler.get('/api/v1/complaints/codes')).json().items.map((x: { code: string }) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['B08', 'C12']));
  });

  it('finds two-character words and long phrases with exact substring semantics', async () => {
    const mk = (facts: string, phone: string) =>
      handler.post('/api/v1/complaints', { channel: 'phone', orgId, complainantName: '周九', phone, facts, request: '处理' });
    await mk('信用卡年费被重复扣收', '13600000001');
    await mk('征信出现异议，需要处理', '13600000002');
    await mk('征信异议处理超期', '13600000003');
    const q = async (s: string) =>
      (await handler.get(`/api/v1/complaints?q=${encodeURIComponent(s)}&pageSize=100`)).json().items.map((i: { title: string }) => i.title);
    expect((await q('年费')).some((x: string) => x.includes('年费'))).toBe(true);
    const phrase = await q('征信异议');
    expect(phrase).toHaveLength(1);
    expect(phrase[0]).toContain('征信异议');
  });
});
