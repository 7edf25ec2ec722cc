import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

/** Prize inventory per draw, one redemption code per winner, redeemed once at an outlet in scope. */
describe.each(testDialects())('education prize redemption on %s', (dialect) => {
  let t: TestApp;
  let cpNg: Client;
  const clock = fixedClock(new Date());
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    cpNg = await t.login('cp.ng');
  });
  afterAll(async () => t?.close());

  it('issues codes by rank and prize, lets an outlet of the running office redeem each once, and refuses bad, used and foreign codes', async () => {
    const settings = { mode: 'random', bank: 'seed', count: 2, timeLimitSec: 300, attemptsLimit: 5 };
    const quiz = (await cpNg.post('/api/v1/edu/quizzes', { title: '南关支行有奖答题', settings })).json();
    await cpNg.request('PUT', `/api/v1/edu/quizzes/${quiz.id}`, { settings, status: 'open' });
    const now = clock.now().getTime();
    const base = {
      quizId: quiz.id,
      title: '南关支行抽奖',
      minScore: 0,
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 60_000).toISOString(),
    };
    const mismatch = await cpNg.post('/api/v1/edu/draws', { ...base, winners: 3, prizes: [{ name: '保温杯', quantity: 1 }] });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().details[0].field).toBe('body.prizes');
    const draw = (
      await cpNg.post('/api/v1/edu/draws', {
        ...base,
        winners: 3,
        prizes: [
          { name: '一等奖：保温杯', quantity: 1 },
          { name: '二等奖：帆布袋', quantity: 2 },
        ],
      })
    ).json();
    const devices = Array.from({ length: 5 }, (_, i) => `device-prize-00000${i}`);
    for (const d of devices) {
      const a = (await t.anonymous.post(`/api/v1/public/edu/quizzes/${quiz.id}/attempts`, { deviceId: d, nickname: `客户${d.slice(-1)}` })).json();
      await t.anonymous.post(`/api/v1/public/edu/attempts/${a.id}/submit`, { deviceId: d });
      expect((await t.anonymous.post(`/api/v1/public/edu/draws/${draw.id}/entries`, { deviceId: d })).statusCode).toBe(201);
    }
    clock.advance(61_000);
    await cpNg.post(`/api/v1/edu/draws/${draw.id}/commit`);
    const drawn = (await cpNg.post(`/api/v1/edu/draws/${draw.id}/run`)).json();
    expect(drawn.winners.map((w: { prize: string }) => w.prize)).toEqual(['一等奖：保温杯', '二等奖：帆布袋', '二等奖：帆布袋']);
    expect(drawn.prizes).toEqual([
      { name: '一等奖：保温杯', quantity: 1, remaining: 1 },
      { name: '二等奖：帆布袋', quantity: 2, remaining: 2 },
    ]);

    // Each winner finds their code with their device; losers have none.
    const mine: { rank: number; code: string; device: string }[] = [];
    for (const d of devices) {
      const r = await t.anonymous.get(`/api/v1/public/edu/draws/${draw.id}/my-prize?deviceId=${d}`);
      if (r.statusCode === 200) mine.push({ ...r.json(), device: d });
      else expect(r.statusCode).toBe(404);
    }
    expect(mine.map((m) => m.rank).sort()).toEqual([1, 2, 3]);
    const first = mine.find((m) => m.rank === 1);
    if (!first) throw new Error('no first prize');
    expect(first.code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);

    const outlet = await t.login('staff.outlet01'); // an outlet of 南关支行
    const otherOutlet = await t.login('staff.outlet02'); // an outlet of another sub-branch
    expect((await otherOutlet.post('/api/v1/edu/redemptions', { code: first.code })).json().code).toBe('OUT_OF_SCOPE');
    const looked = (await outlet.get(`/api/v1/edu/redemptions/${first.code.toLowerCase()}`)).json();
    expect(looked).toMatchObject({ status: 'issued', prize: '一等奖：保温杯', rank: 1 });
    expect(looked.nickname).toMatch(/^客\*+$/);

    const redeemed = await outlet.post('/api/v1/edu/redemptions', { code: `${first.code.slice(0, 5)}-${first.code.slice(5)}` });
    expect(redeemed.statusCode).toBe(200);
    expect(redeemed.json()).toMatchObject({ status: 'redeemed', redeemedBy: 'staff.outlet01' });
    const again = await outlet.post('/api/v1/edu/redemptions', { code: first.code });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('EDU_CODE_USED');
    expect((await outlet.post('/api/v1/edu/redemptions', { code: '2222222222' })).json().code).toBe('EDU_CODE_INVALID');
    expect((await outlet.post('/api/v1/edu/redemptions', { code: 'O0I1L' })).statusCode).toBe(400);
    const leader = await t.login('leader01');
    expect((await leader.post('/api/v1/edu/redemptions', { code: first.code })).statusCode).toBe(403);

    const after = (await t.anonymous.get(`/api/v1/public/edu/draws/${draw.id}`)).json();
    expect(after.prizes[0]).toEqual({ name: '一等奖：保温杯', quantity: 1, remaining: 0 });
    expect((await t.anonymous.get(`/api/v1/public/edu/draws/${draw.id}/my-prize?deviceId=${first.device}`)).json().status).toBe('redeemed');
    const list = (await outlet.get('/api/v1/edu/redemptions')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].code).toMatch(/^\w{3}\*{7}$/);
    expect((await otherOutlet.get('/api/v1/edu/redemptions')).json().items).toHaveLength(0);
    const audit = await t.rt.deps.db.selectFrom('audit_log').select(['action', 'actor_name']).where('action', '=', 'edu.prize.redeem').execute();
    expect(audit).toEqual([{ action: 'edu.prize.redeem', actor_name: 'staff.outlet01' }]);
  });

  it('refuses a redemption when the prize stock has run out, and writes nothing', async () => {
    const row = await t.rt.deps.db
      .selectFrom('edu_redemptions')
      .select(['code', 'prize_id'])
      .where('status', '=', 'issued')
      .where('rank', '=', 2)
      .executeTakeFirstOrThrow();
    // Stock counted at the outlet turned out short (e.g. damaged items written off).
    await t.rt.deps.db.updateTable('edu_draw_prizes').set({ remaining: 0 }).where('id', '=', row.prize_id).execute();
    const outlet = await t.login('staff.outlet01');
    expect((await outlet.post('/api/v1/edu/redemptions', { code: row.code })).json().code).toBe('EDU_PRIZE_OUT_OF_STOCK');
    expect((await outlet.get(`/api/v1/edu/redemptions/${row.code}`)).json().status).toBe('issued');
  });
});
