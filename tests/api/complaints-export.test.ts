import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

const sheetRows = async (bytes: Buffer, sheet = 1): Promise<unknown[][]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[sheet - 1];
  const rows: unknown[][] = [];
  ws?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
};

describe.each(testDialects())('complaint exports (CSV/XLSX, masking, audit) and saved views on %s', (dialect) => {
  let t: TestApp;
  let handler: Client;
  let cpadmin: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    handler = await t.login('handler01');
    cpadmin = await t.login('cpadmin');
    const orgId = (await handler.get('/api/v1/orgs')).json().items.find((o: { code: string }) => o.code === 'CC-NG-2').id;
    for (const [phone, facts] of [
      ['13712340001', '导出测试：信用卡年费被扣收'],
      ['13712340002', '=HYPERLINK("http://x") 导出测试：理财赎回延迟'],
    ])
      expect((await handler.post('/api/v1/complaints', { channel: 'phone', orgId, complainantName: '陈导出', phone, facts, request: '处理' })).statusCode).toBe(
        201,
      );
  });
  afterAll(async () => t?.close());

  it('exports the filtered list as XLSX with personal data masked and the export audited', async () => {
    const res = await handler.get(`/api/v1/complaints/export?format=xlsx&q=${encodeURIComponent('导出测试')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]?.[0]).toBe('受理编号 Tracking code');
    expect(rows).toHaveLength(3);
    const phones = rows.slice(1).map((r) => r[5]);
    expect(phones.sort()).toEqual(['137****0001', '137****0002']);
    expect(JSON.stringify(rows)).not.toContain('13712340001');
    // Text that looks like a formula is written as text, never as a formula.
    expect(rows.some((r) => String(r[3]).startsWith("'=HYPERLINK"))).toBe(true);
    const audit = await t.rt.handle.db
      .selectFrom('audit_log')
      .select('diff')
      .where('action', '=', 'complaint.exported')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.diff).toMatchObject({ note: { rows: 2, format: 'xlsx' } });
  });

  it('shows names and phones in full only to holders of complaint.reveal_pii, with a reason that is audited', async () => {
    const refused = await handler.get(
      '/api/v1/complaints/export?format=xlsx&q=%E5%AF%BC%E5%87%BA%E6%B5%8B%E8%AF%95&revealReason=%E7%9B%91%E7%AE%A1%E6%A0%B8%E6%9F%A5',
    );
    expect(refused.statusCode).toBe(403);
    const res = await cpadmin.get(
      `/api/v1/complaints/export?format=csv&q=${encodeURIComponent('导出测试')}&revealReason=${encodeURIComponent('监管核查调阅')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('13712340001');
    const audit = await t.rt.handle.db.selectFrom('audit_log').select('diff').where('action', '=', 'complaint.exported_unmasked').executeTakeFirstOrThrow();
    expect(audit.diff).toMatchObject({ note: { rows: 2, reason: '监管核查调阅' } });
    const tooShort = await cpadmin.get('/api/v1/complaints/export?format=csv&revealReason=x');
    expect(tooShort.statusCode).toBe(400);
  });

  it('exports the quarterly regulatory table as a workbook whose totals match the report', async () => {
    const year = new Date().getFullYear();
    const quarter = Math.floor(new Date().getMonth() / 3) + 1;
    const report = (await cpadmin.get(`/api/v1/complaints/stats/regulatory?year=${year}&quarter=${quarter}`)).json();
    expect(report.total).toBeGreaterThanOrEqual(2);
    const res = await cpadmin.get(`/api/v1/complaints/stats/regulatory/export?year=${year}&quarter=${quarter}`);
    expect(res.statusCode, res.body).toBe(200);
    const summary = await sheetRows(res.rawPayload, 1);
    expect(summary.find((r) => String(r[0]).startsWith('投诉总量'))?.[1]).toBe(report.total);
    const matrix = await sheetRows(res.rawPayload, 2);
    expect(matrix.slice(1).reduce((s, r) => s + Number(r[2]), 0)).toBe(report.total);
    expect(await t.rt.handle.db.selectFrom('audit_log').select('seq').where('action', '=', 'complaint.stats_exported').executeTakeFirst()).toBeTruthy();
    const staff = await t.login('staff.outlet01');
    expect((await staff.get(`/api/v1/complaints/stats/regulatory/export?year=${year}`)).statusCode).toBe(403);
  });

  it('saves search views per user, shares them on request, and lets only the owner delete them', async () => {
    const mine = await handler.post('/api/v1/complaints/views', { name: '本网点年费', filters: { q: '年费', status: 'registered', view: 'all' } });
    expect(mine.statusCode, mine.body).toBe(201);
    const shared = await handler.post('/api/v1/complaints/views', { name: '监管转办', filters: { channel: 'regulator' }, shared: true });
    expect(shared.statusCode).toBe(201);
    const again = await handler.post('/api/v1/complaints/views', { name: '本网点年费', filters: { q: '年费 扣收' } });
    expect(again.json().id).toBe(mine.json().id);
    const own = (await handler.get('/api/v1/complaints/views')).json().items;
    expect(own.find((v: { name: string }) => v.name === '本网点年费')).toMatchObject({ isMine: true, filters: { q: '年费 扣收' } });
    const theirs = (await cpadmin.get('/api/v1/complaints/views')).json().items;
    expect(theirs.map((v: { name: string }) => v.name)).toEqual(['监管转办']);
    expect(theirs[0]).toMatchObject({ isMine: false, shared: true, filters: { channel: 'regulator' } });
    expect((await cpadmin.request('DELETE', `/api/v1/complaints/views/${shared.json().id}`)).statusCode).toBe(404);
    expect((await handler.request('DELETE', `/api/v1/complaints/views/${shared.json().id}`)).statusCode).toBe(204);
    expect((await cpadmin.get('/api/v1/complaints/views')).json().items).toEqual([]);
    const bad = await handler.post('/api/v1/complaints/views', { name: 'x', filters: { drop: 'table' } });
    expect(bad.statusCode).toBe(400);
    expect((await handler.post('/api/v1/complaints/views', { name: '', filters: {} })).statusCode).toBe(400);
  });
});
