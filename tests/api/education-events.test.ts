import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

/** The cross-module contracts: education.attempt_submitted and education.course_completed (with the optional phone). */
describe.each(testDialects())('education events on %s', (dialect) => {
  let t: TestApp;
  let staff: Client;
  const clock = fixedClock(new Date());
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    staff = await t.login('cpadmin');
  });
  afterAll(async () => t?.close());

  const events = async (name: string) =>
    (await t.rt.deps.db.selectFrom('domain_events').select('payload').where('name', '=', name).orderBy('id').execute()).map(
      (r) => r.payload as Record<string, unknown>,
    );
  const openQuiz = async (title: string, timeLimitSec = 300) => {
    const settings = { mode: 'random', bank: 'seed', count: 3, timeLimitSec, attemptsLimit: 3 };
    const quiz = (await staff.post('/api/v1/edu/quizzes', { title, settings })).json();
    await staff.request('PUT', `/api/v1/edu/quizzes/${quiz.id}`, { settings, status: 'open' });
    return quiz.id as string;
  };

  it('emits attempt_submitted with quiz title, max score and the normalised phone when given; refuses bad phones', async () => {
    const quizId = await openQuiz('八大权利小测');
    const dev = 'device-event-000001';
    const bad = await t.anonymous.post(`/api/v1/public/edu/quizzes/${quizId}/attempts`, { deviceId: dev, phone: '12345678901' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('body.phone');
    const a = (await t.anonymous.post(`/api/v1/public/edu/quizzes/${quizId}/attempts`, { deviceId: dev, phone: '+86 138-0013-8000' })).json();
    expect(a.maxScore).toBe(100);
    const done = (await t.anonymous.post(`/api/v1/public/edu/attempts/${a.id}/submit`, { deviceId: dev, answers: {} })).json();
    expect(done.status).toBe('submitted');
    const e = (await events('education.attempt_submitted')).find((p) => p.attemptId === a.id);
    expect(e).toEqual({ attemptId: a.id, quizId, score: done.score, quizTitle: '八大权利小测', maxScore: 100, phone: '13800138000' });

    // Anonymous taker: no phone field at all; the phone may also come with the submission.
    const b = (await t.anonymous.post(`/api/v1/public/edu/quizzes/${quizId}/attempts`, { deviceId: 'device-event-000002' })).json();
    await t.anonymous.post(`/api/v1/public/edu/attempts/${b.id}/submit`, { deviceId: 'device-event-000002' });
    const eb = (await events('education.attempt_submitted')).find((p) => p.attemptId === b.id);
    expect(eb).toBeDefined();
    expect(eb).not.toHaveProperty('phone');
    const c = (await t.anonymous.post(`/api/v1/public/edu/quizzes/${quizId}/attempts`, { deviceId: 'device-event-000003' })).json();
    await t.anonymous.post(`/api/v1/public/edu/attempts/${c.id}/submit`, { deviceId: 'device-event-000003', phone: '13912345678' });
    expect((await events('education.attempt_submitted')).find((p) => p.attemptId === c.id)?.phone).toBe('13912345678');
  });

  it('emits attempt_submitted once when a timed-out attempt is closed', async () => {
    const quizId = await openQuiz('限时小测', 30);
    const dev = 'device-event-000010';
    const a = (await t.anonymous.post(`/api/v1/public/edu/quizzes/${quizId}/attempts`, { deviceId: dev, phone: '13700001111' })).json();
    clock.advance(40_000);
    expect((await t.anonymous.post(`/api/v1/public/edu/attempts/${a.id}/submit`, { deviceId: dev })).json().code).toBe('EDU_TIME_UP');
    const mine = (await events('education.attempt_submitted')).filter((p) => p.attemptId === a.id);
    expect(mine).toEqual([{ attemptId: a.id, quizId, score: 0, quizTitle: '限时小测', maxScore: 100, phone: '13700001111' }]);
  });

  it('emits course_completed once, with the phone given at enrolment', async () => {
    const course = (await t.anonymous.get('/api/v1/public/edu/courses')).json().items[0];
    const dev = 'device-event-course1';
    expect((await t.anonymous.post(`/api/v1/public/edu/courses/${course.id}/enrol`, { deviceId: dev, name: '刘阿姨', phone: '1380013' })).statusCode).toBe(400);
    const enrolled = (await t.anonymous.post(`/api/v1/public/edu/courses/${course.id}/enrol`, { deviceId: dev, name: '刘阿姨', phone: '13600001234' })).json();
    const lessons = enrolled.outline.flatMap((ch: { lessons: { id: string; durationSec: number }[] }) => ch.lessons);
    for (const l of lessons)
      await t.anonymous.request('PUT', `/api/v1/public/edu/courses/${course.id}/progress`, { deviceId: dev, lessonId: l.id, positionSec: l.durationSec });
    await t.anonymous.request('PUT', `/api/v1/public/edu/courses/${course.id}/progress`, { deviceId: dev, lessonId: lessons[0].id, positionSec: 1 });
    const mine = (await events('education.course_completed')).filter((p) => p.courseId === course.id && p.phone === '13600001234');
    expect(mine).toEqual([{ courseId: course.id, courseTitle: course.title, phone: '13600001234' }]);
  });
});
