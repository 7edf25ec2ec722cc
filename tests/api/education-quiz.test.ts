import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

const EXAM_BANK = new URL('../../../shared/data/anti_counterfeit_rmb_quiz/questions.json', import.meta.url);

/** 12 small questions tagged for a dedicated pool (CSV, quoted cells included). */
const poolCsv = () =>
  [
    'type,stem,A,B,C,D,answer,explanation,tags,difficulty',
    ...Array.from({ length: 12 }, (_, i) => `single,"池题 ${i + 1}：验证码能告诉""客服""吗？",能,不能,,,B,不能,fraud.game,2`),
  ].join('\n');

describe.each(testDialects())('education quiz engine and verifiable draws on %s', (dialect) => {
  let t: TestApp;
  let staff: Client;
  const clock = fixedClock(new Date());
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    staff = await t.login('cpadmin');
  });
  afterAll(async () => t?.close());

  const pub = () => t.anonymous;
  const start = (quizId: string, deviceId: string, nickname = '王大爷') =>
    pub().post(`/api/v1/public/edu/quizzes/${quizId}/attempts`, { deviceId, nickname, audience: 'elderly' });

  it('imports the whole 1,564-question anti-counterfeit exam bank (test data only)', async () => {
    const content = readFileSync(EXAM_BANK, 'utf8');
    const res = await staff.post('/api/v1/edu/questions/import', { format: 'json', content, bank: 'rmb-exam-test' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1564, valid: 1564, imported: 1564, errors: [] });
    expect(res.json().warnings.map((w: { row: number }) => w.row)).toEqual([1050, 1563]);
    const list = (await staff.get('/api/v1/edu/questions?bank=rmb-exam-test&limit=1')).json();
    expect(list.total).toBe(1564);
    const tf = (await staff.get(`/api/v1/edu/questions?bank=rmb-exam-test&q=${encodeURIComponent('只包括纸币')}`)).json();
    expect(tf.items[0]).toMatchObject({ type: 'truefalse', answer: ['F'] });
  });

  it('reports bad import rows by line and imports nothing unless asked to skip them', async () => {
    const csv = `${poolCsv()}\nsingle,坏题,甲,乙,,,E,,,\nessay,不支持的题型,,,,,x,,,\n`;
    const refused = await staff.post('/api/v1/edu/questions/import', { format: 'csv', content: csv, bank: 'pool-bad' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('EDU_IMPORT_INVALID');
    expect(refused.json().details.map((d: { field: string }) => d.field)).toEqual(['row 14: answer', 'row 15: type']);
    expect((await staff.get('/api/v1/edu/questions?bank=pool-bad')).json().total).toBe(0);
    const skipped = (await staff.post('/api/v1/edu/questions/import', { format: 'csv', content: csv, bank: 'pool-bad', skipInvalid: true })).json();
    expect(skipped).toMatchObject({ total: 14, imported: 12 });
    expect((await staff.post('/api/v1/edu/questions/import', { format: 'json', content: '{oops', bank: 'x1' })).json().details[0].issue).toBe('invalid_json');
  });

  it('draws random papers without repeats until the pool runs out, resumes, scores once, and enforces the attempt limit', async () => {
    await staff.post('/api/v1/edu/questions/import', { format: 'csv', content: poolCsv(), bank: 'pool' });
    const settings = { mode: 'random', bank: 'pool', tags: ['fraud.game'], count: 5, timeLimitSec: 300, attemptsLimit: 3, feedback: 'immediate' };
    const quiz = (await staff.post('/api/v1/edu/quizzes', { title: '池测验', settings })).json();
    expect((await start(quiz.id, 'device-aaaaaaaaaaaa01')).json().code).toBe('EDU_QUIZ_CLOSED');
    await staff.request('PUT', `/api/v1/edu/quizzes/${quiz.id}`, { settings, status: 'open' });

    const seen = new Set<string>();
    const papers: string[][] = [];
    for (let n = 0; n < 3; n++) {
      const a = (await start(quiz.id, 'device-aaaaaaaaaaaa01')).json();
      expect(a.questions).toHaveLength(5);
      expect(JSON.stringify(a.questions)).not.toContain('"answer"');
      // A second start (another tab, a reload) resumes the same attempt with its saved answers.
      const first = a.questions[0].id;
      await pub().request('PUT', `/api/v1/public/edu/attempts/${a.id}/answers`, { deviceId: 'device-aaaaaaaaaaaa01', answers: { [first]: ['B'] } });
      const resumed = (await start(quiz.id, 'device-aaaaaaaaaaaa01')).json();
      expect(resumed.id).toBe(a.id);
      expect(resumed.answers[first]).toEqual(['B']);
      const answers = Object.fromEntries(a.questions.slice(1, 3).map((q: { id: string }) => [q.id, ['B']]));
      const done = (await pub().post(`/api/v1/public/edu/attempts/${a.id}/submit`, { deviceId: 'device-aaaaaaaaaaaa01', answers })).json();
      expect(done.score).toBe(60);
      expect(done.feedback).toHaveLength(5);
      const twice = await pub().post(`/api/v1/public/edu/attempts/${a.id}/submit`, { deviceId: 'device-aaaaaaaaaaaa01' });
      expect(twice.json().code).toBe('EDU_ALREADY_SUBMITTED');
      papers.push(a.questions.map((q: { id: string }) => q.id));
    }
    for (const id of [...(papers[0] ?? []), ...(papers[1] ?? [])]) seen.add(id);
    expect(seen.size).toBe(10);
    // 12-question pool: the third paper has the 2 unseen questions plus 3 reused ones.
    expect((papers[2] ?? []).filter((id) => !seen.has(id))).toHaveLength(2);
    expect((await start(quiz.id, 'device-aaaaaaaaaaaa01')).json().code).toBe('EDU_ATTEMPTS_EXHAUSTED');

    const board = (await pub().get(`/api/v1/public/edu/quizzes/${quiz.id}/leaderboard`)).json();
    expect(board.items[0]).toMatchObject({ rank: 1, nickname: '王**', score: 60 });
  });

  it('enforces the time limit on the server and keeps running attempts on their settings version', async () => {
    const settings = { mode: 'random', bank: 'pool', count: 4, timeLimitSec: 60, attemptsLimit: 2, feedback: 'deferred' };
    const quiz = (await staff.post('/api/v1/edu/quizzes', { title: '限时', settings })).json();
    await staff.request('PUT', `/api/v1/edu/quizzes/${quiz.id}`, { settings, status: 'open' });
    const a = (await start(quiz.id, 'device-bbbbbbbbbbbb01')).json();
    const saved = await pub().request('PUT', `/api/v1/public/edu/attempts/${a.id}/answers`, {
      deviceId: 'device-bbbbbbbbbbbb01',
      answers: { [a.questions[0].id]: ['B'] },
    });
    expect(saved.statusCode).toBe(200);
    expect((await pub().request('PUT', `/api/v1/public/edu/attempts/${a.id}/answers`, { deviceId: 'device-zzzzzzzzzzzz01', answers: {} })).statusCode).toBe(
      404,
    );
    const foreign = await pub().request('PUT', `/api/v1/public/edu/attempts/${a.id}/answers`, {
      deviceId: 'device-bbbbbbbbbbbb01',
      answers: { '00000000-0000-4000-8000-000000000000': ['A'] },
    });
    expect(foreign.json().details[0].issue).toBe('not_in_this_attempt');

    // Settings change mid-attempt: a new version; the running attempt keeps version 2's paper and clock.
    const v = (await staff.request('PUT', `/api/v1/edu/quizzes/${quiz.id}`, { settings: { ...settings, count: 2, timeLimitSec: 600 } })).json();
    expect(v.version).toBe(3);
    const other = (await start(quiz.id, 'device-cccccccccccc01')).json();
    expect(other).toMatchObject({ quizVersion: 3 });
    expect(other.questions).toHaveLength(2);

    clock.advance(66_000);
    const late = await pub().post(`/api/v1/public/edu/attempts/${a.id}/submit`, { deviceId: 'device-bbbbbbbbbbbb01', answers: { [a.questions[1].id]: ['B'] } });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('EDU_TIME_UP');
    const row = await t.rt.deps.db.selectFrom('edu_attempts').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'expired', quiz_version: 2, score: 25 });
    expect(row.answers).toEqual({ [a.questions[0].id]: ['B'] });
    const other2 = (await pub().post(`/api/v1/public/edu/attempts/${other.id}/submit`, { deviceId: 'device-cccccccccccc01' })).json();
    expect(other2.feedback).toBeNull();
  });

  it('runs a prize draw anyone can verify, and detects tampering', async () => {
    const settings = { mode: 'random', bank: 'pool', count: 2, timeLimitSec: 300, attemptsLimit: 5 };
    const quiz = (await staff.post('/api/v1/edu/quizzes', { title: '抽奖测验', settings })).json();
    await staff.request('PUT', `/api/v1/edu/quizzes/${quiz.id}`, { settings, status: 'open' });
    const now = clock.now().getTime();
    const draw = (
      await staff.post('/api/v1/edu/draws', {
        quizId: quiz.id,
        title: '幸运抽奖',
        minScore: 100,
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 600_000).toISOString(),
        winners: 2,
      })
    ).json();
    const before = (await pub().get(`/api/v1/public/edu/draws/${draw.id}`)).json();
    expect(before.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(before.seed).toBeNull();

    const devices = Array.from({ length: 6 }, (_, i) => `device-draw-000000${i}`);
    for (const [i, d] of devices.entries()) {
      const a = (await start(quiz.id, d, `参与者${i}`)).json();
      const answers = Object.fromEntries(a.questions.map((q: { id: string }) => [q.id, [i === 5 ? 'A' : 'B']]));
      await pub().post(`/api/v1/public/edu/attempts/${a.id}/submit`, { deviceId: d, answers });
    }
    for (const d of devices.slice(0, 5)) expect((await pub().post(`/api/v1/public/edu/draws/${draw.id}/entries`, { deviceId: d })).statusCode).toBe(201);
    expect((await pub().post(`/api/v1/public/edu/draws/${draw.id}/entries`, { deviceId: devices[0] })).json().code).toBe('EDU_ALREADY_ENTERED');
    expect((await pub().post(`/api/v1/public/edu/draws/${draw.id}/entries`, { deviceId: devices[5] })).json().code).toBe('EDU_NOT_ELIGIBLE');
    expect((await staff.post(`/api/v1/edu/draws/${draw.id}/commit`)).json().code).toBe('EDU_INVALID_STATE');

    clock.advance(601_000);
    expect((await pub().post(`/api/v1/public/edu/draws/${draw.id}/entries`, { deviceId: 'device-late-00000001' })).json().code).toBe('EDU_NOT_ELIGIBLE');
    const committed = (await staff.post(`/api/v1/edu/draws/${draw.id}/commit`)).json();
    expect(committed).toMatchObject({ status: 'committed', seed: null });
    expect(committed.entryIds).toHaveLength(5);
    const drawn = (await staff.post(`/api/v1/edu/draws/${draw.id}/run`)).json();
    expect(drawn.status).toBe('drawn');
    expect(drawn.seedHash).toBe(before.seedHash);
    expect(drawn.winners).toHaveLength(2);
    expect((await staff.post(`/api/v1/edu/draws/${draw.id}/run`)).json().code).toBe('EDU_INVALID_STATE');

    expect((await pub().get(`/api/v1/public/edu/draws/${draw.id}/verify`)).json()).toMatchObject({
      valid: true,
      seedMatches: true,
      entriesMatch: true,
      winnersMatch: true,
    });
    const published = {
      seed: drawn.seed,
      seedHash: drawn.seedHash,
      entriesHash: drawn.entriesHash,
      entryIds: drawn.entryIds,
      winnersCount: 2,
      claimedWinners: drawn.winners.map((w: { entryId: string }) => w.entryId),
    };
    const verify = (body: unknown) => pub().post('/api/v1/public/edu/draws/verify', body);
    expect((await verify(published)).json().valid).toBe(true);
    expect((await verify({ ...published, seed: 'f'.repeat(64) })).json()).toMatchObject({ valid: false, seedMatches: false });
    expect((await verify({ ...published, entryIds: [...published.entryIds.slice(1), 'ffffffffffff'] })).json()).toMatchObject({
      valid: false,
      entriesMatch: false,
    });
    expect((await verify({ ...published, claimedWinners: [...published.claimedWinners].reverse() })).json()).toMatchObject({
      valid: false,
      winnersMatch: false,
    });
    expect((await verify({ ...published, extra: 1 })).statusCode).toBe(400);

    // Someone with database access swaps a winner: the public check no longer holds.
    const loser = published.entryIds.find((id: string) => !published.claimedWinners.includes(id));
    await t.rt.deps.db
      .updateTable('edu_draws')
      .set({ winners: [loser, published.claimedWinners[1]] })
      .where('id', '=', draw.id)
      .execute();
    expect((await pub().get(`/api/v1/public/edu/draws/${draw.id}/verify`)).json()).toMatchObject({ valid: false, winnersMatch: false });
  });
});
