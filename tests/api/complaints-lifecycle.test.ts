import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { computeClock } from '../../src/modules/complaints/index.ts';
import { clockEventsOf } from '../../src/modules/complaints/server/complaint-store.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

const DAY = 86_400_000;

describe.each(testDialects())('the complaint lifecycle and its statutory clock on %s', (dialect) => {
  let t: TestApp;
  const clock = fixedClock(new Date('2026-03-02T01:30:00Z')); // 09:30 Beijing, 2 March
  let orgs: Map<string, string>;
  let staff: Client;
  let handler: Client;
  let cpadmin: Client;

  beforeAll(async () => {
    // Sessions must outlive the weeks this test moves the clock forward.
    t = await createTestApp(dialect, { clock, config: { sessionTtlMs: 365 * DAY } });
    const admin = await t.login('admin');
    orgs = new Map(((await admin.get('/api/v1/orgs')).json().items as { id: string; code: string }[]).map((o) => [o.code, o.id]));
    staff = await t.login('staff.outlet01');
    handler = await t.login('handler01');
    cpadmin = await t.login('cpadmin');
  });
  afterAll(async () => t?.close());

  const register = async (c: Client, extra: Record<string, unknown> = {}) => {
    const res = await c.post('/api/v1/complaints', {
      channel: 'phone',
      orgId: orgs.get('CC-NG-1'),
      complainantName: '张三',
      phone: '13900000001',
      facts: '信用卡年费被扣收，办卡时承诺免年费。',
      request: '退还年费',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; trackingCode: string; deadline: string };
  };
  const act = async (c: Client, id: string, path: string, body: unknown = {}) => {
    const res = await c.post(`/api/v1/complaints/${id}/${path}`, body);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    return res.json();
  };

  it('runs from counter registration through hand-over, extension, notice and closure', async () => {
    const created = await register(staff);
    expect(created.trackingCode).toMatch(/^TS20260302\d{6}$/);
    expect(created.deadline).toBe('2026-03-17');

    let c = (await staff.get(`/api/v1/complaints/${created.id}`)).json();
    expect(c.firstResponderName).toContain('徐一');
    expect(c.phoneMasked).toBe('139****0001');
    expect(c.allowedActions).toContain('handover');

    const handlers = (await staff.get(`/api/v1/complaints/${created.id}/handlers`)).json().items as { id: string; name: string }[];
    const chen = handlers.find((h) => h.name === '陈晓');
    c = await act(staff, created.id, 'handover', { toUserId: chen?.id, reason: '需消保部专人处理' });
    expect(c.pendingHandover.toName).toBe('陈晓');
    // Until the hand-over is accepted, the first responder still owns the case.
    expect(c.ownerName).toContain('徐一');
    const awaiting = (await handler.get('/api/v1/complaints?view=awaiting_my_acceptance')).json();
    expect(awaiting.items.map((i: { id: string }) => i.id)).toContain(created.id);
    c = await act(handler, created.id, 'handover/accept');
    expect(c.ownerName).toBe('陈晓');

    c = await act(handler, created.id, 'accept');
    expect(c.status).toBe('accepted');
    clock.advance(11 * DAY);
    c = await act(handler, created.id, 'extension', { limitDays: 30, reason: '需调取交易流水' });
    expect(c.allowedActions).not.toContain('decide_extension');
    const approverView = (await cpadmin.get(`/api/v1/complaints/${created.id}`)).json();
    expect(approverView.allowedActions).toContain('decide_extension');
    c = await act(cpadmin, created.id, 'extension/decide', { approve: true, comment: '同意' });
    expect(c.clock).toMatchObject({ limitDays: 30, deadline: '2026-04-01' });
    await act(handler, created.id, 'notices', { kind: 'extension', method: 'sms', sentAt: clock.now().toISOString(), evidence: '短信回执 #1' });

    clock.advance(5 * DAY);
    c = await act(handler, created.id, 'decision', {
      verifiedFacts: '核实属实',
      basis: '合同第5条',
      outcome: '退还年费',
      remedies: ['review', 'mediation', 'arbitration', 'litigation'],
    });
    expect(c.status).toBe('decision_drafted');
    expect(c.allowedActions).toContain('notify_decision');
    c = await act(handler, created.id, 'notices', { kind: 'decision', method: 'phone', sentAt: clock.now().toISOString(), evidence: '通话录音 REC-1' });
    expect(c.status).toBe('notified');
    expect(c.clock.stage).toBe('met');
    expect(c.notices.find((n: { kind: string }) => n.kind === 'decision').inTime).toBe(true);

    const notice = await handler.get(`/api/v1/complaints/${created.id}/decision-notice`);
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain('投诉处理意见告知书');
    expect(notice.body).toContain('核查');
    expect(notice.body).toContain('30日内');
    expect(notice.body).toContain(created.trackingCode);

    const badCode = await handler.post(`/api/v1/complaints/${created.id}/close`, { rootCause: 'x', rectification: 'y', businessCategory: 'B77', cause: 'C11' });
    expect(badCode.statusCode).toBe(400);
    c = await act(handler, created.id, 'close', { rootCause: '营销话术不规范', rectification: '修订话术并培训', businessCategory: 'B04', cause: 'C11' });
    expect(c.status).toBe('closed');
    expect(c.timeline.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'handover_requested',
      'handover_accepted',
      'accepted',
      'extension_requested',
      'extended',
      'notice_sent',
      'decision_drafted',
      'notice_sent',
      'stopped',
      'closed',
    ]);
  });

  it('recomputes every stored deadline from the case event history alone', async () => {
    const rows = await t.rt.handle.db.selectFrom('complaints').select(['id', 'deadline']).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(computeClock(await clockEventsOf(t.rt.handle.db, r.id), clock.now()).deadline).toBe(r.deadline);
  });

  it('excludes paused days and restarts the clock on new facts', async () => {
    const { id } = await register(handler);
    await act(handler, id, 'accept');
    clock.advance(2 * DAY);
    let c = await act(handler, id, 'pause', { reason: 'appraisal', note: '委托第三方鉴定' });
    expect(c.status).toBe('paused');
    clock.advance(6 * DAY);
    c = await act(handler, id, 'resume', {});
    expect(c.clock.pausedDays).toBe(6);
    expect(c.clock.daysUsed).toBe(2);
    clock.advance(DAY);
    c = await act(handler, id, 'new-facts', { facts: '客户补充提供了扣款短信截图' });
    expect(c.clock).toMatchObject({ limitDays: 15, pausedDays: 0, daysUsed: 0, daysLeft: 15 });
  });

  it('makes regulator transfers pass quality review by someone other than the drafter', async () => {
    const missing = await handler.post('/api/v1/complaints', {
      channel: 'regulator',
      orgId: orgs.get('CC-NG-1'),
      complainantName: '李四',
      phone: '13900000002',
      facts: '理财亏损',
      request: '赔偿',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details[0].field).toBe('body.regulatorTicket');
    const { id } = await register(handler, { channel: 'regulator', regulatorTicket: '12378-2026-0001', phone: '13900000002' });
    await act(handler, id, 'accept');
    let c = await act(handler, id, 'decision', { verifiedFacts: '核实<script>alert(1)</script>', basis: '规定', outcome: '解释说明', remedies: ['review'] });
    const printable = (await handler.get(`/api/v1/complaints/${id}/decision-notice`)).body;
    expect(printable).toContain('核实&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(printable).not.toContain('<script>alert');
    expect(c.flags).toContain('regulator');
    expect(c.allowedActions).not.toContain('notify_decision');
    const early = await handler.post(`/api/v1/complaints/${id}/notices`, {
      kind: 'decision',
      method: 'phone',
      sentAt: clock.now().toISOString(),
      evidence: 'x',
    });
    expect(early.statusCode).toBe(403);
    c = await act(handler, id, 'review/submit');
    expect(c.status).toBe('in_review');
    expect((await handler.post(`/api/v1/complaints/${id}/review`, { approve: true, comment: '自己复核' })).statusCode).toBe(403);
    c = await act(cpadmin, id, 'review', { approve: true, comment: '答复规范' });
    expect(c.allowedActions).toBeDefined();
    c = await act(handler, id, 'notices', { kind: 'decision', method: 'letter', sentAt: clock.now().toISOString(), evidence: 'EMS 1234567890' });
    expect(c.status).toBe('notified');
  });

  it('keeps the owner when a hand-over is declined, and flags in-person groups of 20 as major', async () => {
    const { id } = await register(staff);
    const chen = ((await staff.get(`/api/v1/complaints/${id}/handlers`)).json().items as { id: string; name: string }[]).find((h) => h.name === '陈晓');
    await act(staff, id, 'handover', { toUserId: chen?.id, reason: '移交' });
    const c = await act(handler, id, 'handover/decline', { comment: '应由网点先行处理' });
    expect(c.ownerName).toContain('徐一');
    expect(c.pendingHandover).toBeNull();
    const major = await register(staff, { groupSize: 25, inPersonGroup: true, phone: '13900000003' });
    const m = (await staff.get(`/api/v1/complaints/${major.id}`)).json();
    expect(m.flags).toEqual(expect.arrayContaining(['group', 'major']));
  });

  it('merges a repeat complaint into the open case of the same complainant and stops its clock', async () => {
    const first = await register(handler, { phone: '13900000005' });
    const repeat = await register(handler, { phone: '13900000005', facts: '同一事项再次来电投诉' });
    const other = await register(handler, { phone: '13900000006' });
    const r = (await handler.get(`/api/v1/complaints/${repeat.id}`)).json();
    expect(r.flags).toContain('repeat');
    expect((await handler.post(`/api/v1/complaints/${repeat.id}/merge`, { intoTrackingCode: other.trackingCode })).statusCode).toBe(400);
    const merged = await act(handler, repeat.id, 'merge', { intoTrackingCode: first.trackingCode });
    expect(merged.status).toBe('merged');
    expect(merged.clock.isPaused).toBe(false);
    expect(merged.allowedActions).toEqual(['view']);
    const target = (await handler.get(`/api/v1/complaints/${first.id}`)).json();
    expect(target.timeline.at(-1)).toMatchObject({ type: 'merged_from', data: { from: repeat.trackingCode } });
  });

  it('walks open cases up the escalation ladder (warning → escalated → overdue) exactly once each', async () => {
    const { escalateComplaintClocks } = await import('../../src/modules/complaints/server/jobs.ts');
    const { id } = await register(handler, { phone: '13900000007' });
    await escalateComplaintClocks(t.rt.deps);
    clock.advance(11 * DAY);
    await escalateComplaintClocks(t.rt.deps);
    await escalateComplaintClocks(t.rt.deps);
    clock.advance(3 * DAY);
    await escalateComplaintClocks(t.rt.deps);
    clock.advance(3 * DAY);
    await escalateComplaintClocks(t.rt.deps);
    const c = (await handler.get(`/api/v1/complaints/${id}`)).json();
    expect(c.timeline.map((e: { type: string }) => e.type).filter((x: string) => x.startsWith('clock_'))).toEqual([
      'clock_warning',
      'clock_escalated',
      'clock_overdue',
    ]);
    expect(c.stage).toBe('overdue');
    const overdue = (await handler.get('/api/v1/complaints?view=overdue&pageSize=100')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('exports the filtered list as CSV with personal data masked, and audits the export', async () => {
    const res = await handler.get('/api/v1/complaints/export?q=%E5%B9%B4%E8%B4%B9');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(res.body).toContain('139****0001');
    expect(res.body).not.toContain('13900000001');
    const audit = await t.rt.handle.db.selectFrom('audit_log').select('diff').where('action', '=', 'complaint.exported').executeTakeFirstOrThrow();
    expect(audit.diff).toMatchObject({ note: { rows: expect.any(Number) } });
  });

  it('builds the quarterly regulatory table by JR/T 0169 codes with intensity and timeliness', async () => {
    const leader = await t.login('leader01');
    const r = (await leader.get('/api/v1/complaints/stats/regulatory?year=2026&quarter=1&personalCustomers=2000000')).json();
    const total = Number(
      (
        await t.rt.handle.db
          .selectFrom('complaints')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '!=', 'merged')
          .where('received_at', '<', new Date('2026-04-01T00:00:00+08:00'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(r.total).toBe(total);
    expect(r.matrix.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(total);
    expect(r.intensity.outlets).toBe(40);
    expect(r.intensity.per10MillionCustomers).toBeCloseTo((total / 2_000_000) * 10_000_000);
    expect(r.productBuckets.credit_card).toBeGreaterThanOrEqual(1);
    expect(r.timeliness.decided).toBeGreaterThanOrEqual(2);
    // The triggers' monthly counts equal a recount from the cases after every kind of change this
    // file made (intake, coding at closure, merges, decision notices).
    const recount = await sql<
      Record<string, unknown>
    >`with nc as (select complaint_id, count(*) as d from complaint_notices where kind = 'decision' group by complaint_id)
      select (date_trunc('month', c.received_at at time zone 'Asia/Shanghai'))::date::text as month, c.org_path, coalesce(c.business_category, 'B99') as b,
        coalesce(c.cause, 'C99') as c, count(*)::int as n, coalesce(sum(nc.d), 0)::int as decided
      from complaints c left join nc on nc.complaint_id = c.id where c.status <> 'merged' group by 1, 2, 3, 4 order by 1, 2, 3, 4`.execute(t.rt.handle.db);
    const rollup = await sql<Record<string, unknown>>`select month::text as month, org_path, business_category as b, cause as c, complaints as n, decided
      from complaint_monthly_counts where complaints <> 0 or decided <> 0 order by 1, 2, 3, 4`.execute(t.rt.handle.db);
    expect(rollup.rows).toEqual(recount.rows);
    expect(recount.rows.some((x) => Number(x.decided) > 0)).toBe(true);
    expect((await staff.get('/api/v1/complaints/stats/regulatory?year=2026')).statusCode).toBe(403);
  });

  it("hides another outlet's complaints from outlet staff", async () => {
    const { id } = await register(handler, { orgId: orgs.get('CC-KC-2'), phone: '13900000004' });
    const res = await staff.get(`/api/v1/complaints/${id}`);
    expect(res.statusCode).toBe(404);
    const list = (await staff.get('/api/v1/complaints?pageSize=100')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await staff.post(`/api/v1/complaints/${id}/withdraw`, { note: 'x' })).statusCode).toBe(404);
  });
});
