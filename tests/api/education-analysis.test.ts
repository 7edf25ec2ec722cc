import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

const csv = [
  'type,stem,A,B,answer,explanation,tags,difficulty',
  ...[1, 2, 3, 4].map((i) => `single,分析题 ${i}：能把验证码告诉别人吗？,能,不能,B,不能,right.info,2`),
].join('\n');

describe.each(testDialects())('education item analysis, knowledge gain and exports on %s', (dialect) => {
  let t: TestApp;
  let staff: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    staff = await t.login('cpadmin');
  });
  afterAll(async () => t?.close());

  it('reports facility and discrimination per question, the gain from a pre/post pair, and exports masked CSV/XLSX', async () => {
    await staff.post('/api/v1/edu/questions/import', { format: 'csv', content: csv, bank: 'analysis' });
    const qs = (await staff.get('/api/v1/edu/questions?bank=analysis')).json().items as { id: string; stem: string }[];
    const ids = qs.sort((a, b) => a.stem.localeCompare(b.stem)).map((q) => q.id);
    const quiz = async (title: string) => {
      const settings = { mode: 'fixed', questionIds: ids, timeLimitSec: 300, attemptsLimit: 2, feedback: 'deferred' };
      const q = (await staff.post('/api/v1/edu/quizzes', { title, settings })).json();
      await staff.request('PUT', `/api/v1/edu/quizzes/${q.id}`, { settings, status: 'open' });
      return q.id as string;
    };
    const pre = await quiz('前测');
    const post = await quiz('后测');
    // Person i answers the first k questions right (pre) and k+1 (post): question 1 is easiest.
    const take = async (quizId: string, device: string, right: number, phone?: string) => {
      const a = (
        await t.anonymous.post(`/api/v1/public/edu/quizzes/${quizId}/attempts`, { deviceId: device, nickname: '赵先生', ...(phone ? { phone } : {}) })
      ).json();
      const answers = Object.fromEntries(ids.map((id, j) => [id, [j < right ? 'B' : 'A']]));
      return (await t.anonymous.post(`/api/v1/public/edu/attempts/${a.id}/submit`, { deviceId: device, answers })).json().score as number;
    };
    const rights = [0, 1, 1, 2, 3, 3];
    for (const [i, k] of rights.entries()) {
      expect(await take(pre, `device-analysis-00${i}`, k, '13800138000')).toBe(k * 25);
      await take(post, `device-analysis-00${i}`, Math.min(4, k + 1));
    }
    await take(post, 'device-analysis-only-post', 4); // no pre-test: not in the pairs

    const ia = (await staff.get(`/api/v1/edu/quizzes/${pre}/item-analysis`)).json();
    expect(ia.attempts).toBe(6);
    const byId = Object.fromEntries(ia.items.map((x: { questionId: string }) => [x.questionId, x]));
    expect(byId[ids[0] as string]).toMatchObject({ n: 6, facility: 0.833 });
    expect(byId[ids[3] as string]).toMatchObject({ facility: 0, discrimination: 0, pointBiserial: null });
    // Top 27 % (2 attempts) got question 3 right, the bottom 2 did not.
    expect(byId[ids[2] as string]).toMatchObject({ facility: 0.333, discrimination: 1 });
    expect(byId[ids[2] as string].pointBiserial).toBeGreaterThan(0.8);
    expect(ia.items[0].facility).toBe(0); // hardest first

    const gain = (await staff.get(`/api/v1/edu/knowledge-gain?pre=${pre}&post=${post}`)).json();
    expect(gain).toMatchObject({ pairs: 6, meanPre: 41.7, meanPost: 66.7, meanGain: 25, improved: 6 });
    expect(gain.normalisedGain).toBeCloseTo(25 / 58.333, 2);
    expect((await staff.get(`/api/v1/edu/knowledge-gain?pre=${pre}&post=${pre}`)).json().details[0].issue).toBe('same_as_pre');

    const items = await staff.get(`/api/v1/edu/quizzes/${pre}/export?what=items&format=csv`);
    expect(items.headers['content-type']).toContain('text/csv');
    const lines = items.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('区分度 D(27%)');
    const attempts = await staff.get(`/api/v1/edu/quizzes/${pre}/export?what=attempts&format=csv`);
    expect(attempts.body).toContain('138****8000');
    expect(attempts.body).not.toContain('13800138000');
    expect(attempts.body).toContain('赵**');
    expect(attempts.body).not.toContain('赵先生');

    const xlsx = await staff.get(`/api/v1/edu/quizzes/${pre}/export?what=attempts&format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.rowCount).toBe(7);
    expect(ws?.getRow(2).getCell(3).value).toBe('138****8000');
    const exports = await t.rt.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'edu.export').execute();
    expect(exports).toHaveLength(3);

    const outlet = await t.login('staff.outlet01');
    expect((await outlet.get(`/api/v1/edu/quizzes/${pre}/item-analysis`)).statusCode).toBe(403);
    const ng = await t.login('cp.ng');
    expect((await ng.get(`/api/v1/edu/quizzes/${pre}/export?what=attempts`)).statusCode).toBe(404);
  });
});
