import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

const article = (over: Record<string, unknown> = {}) => ({
  kind: 'article',
  title: '警惕“高息养老项目”',
  summary: '养老钱要守好',
  bodyHtml:
    '<h2>要点</h2><p onclick="steal()">高息承诺<script>alert(1)</script>都是陷阱<img src="https://img.example/a.png" onerror="x()"><a href="javascript:alert(1)">链接</a></p>',
  tags: ['fraud.pension', 'topic.elderly'],
  audiences: ['elderly'],
  ...over,
});

describe.each(testDialects())('education content library and courses on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('seeds original content: ≥10 articles, 3 videos, a course and the question bank', async () => {
    const admin = await t.login('cpadmin');
    const articles = (await admin.get('/api/v1/edu/contents?kind=article&limit=100')).json();
    const videos = (await admin.get('/api/v1/edu/contents?kind=video')).json();
    expect(articles.total).toBeGreaterThanOrEqual(10);
    expect(videos.total).toBe(3);
    const bank = (await admin.get('/api/v1/edu/questions?bank=seed&limit=1')).json();
    // The test-size demo seeds a quarter of the 120-question bank (the full bank is checked in seed-demo.test.ts).
    expect(bank.total).toBeGreaterThanOrEqual(30);
    for (const tag of ['right.know', 'aml.no_rental', 'fraud.rebate', 'topic.elderly'])
      expect((await admin.get(`/api/v1/edu/questions?bank=seed&tag=${tag}&limit=1`)).json().total, tag).toBeGreaterThan(0);
    expect((await t.anonymous.get('/api/v1/public/edu/courses')).json().items).toHaveLength(1);
  });

  it('runs 消保审查: sanitised draft → returned with comments → new version → approved by another person → on the portal', async () => {
    const author = await t.login('handler01');
    const reviewer = await t.login('cpadmin');
    const created = await author.post('/api/v1/edu/contents', article());
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c.status).toBe('draft');
    expect(c.bodyHtml).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(c.bodyHtml).toContain('<img src="https://img.example/a.png" />');
    expect(c.allowedActions).toEqual(expect.arrayContaining(['edit', 'submit']));

    expect((await author.post(`/api/v1/edu/contents/${c.id}/submit`, {})).json().status).toBe('in_review');
    // The author lacks the review permission; a reviewer cannot review their own work either.
    expect((await author.post(`/api/v1/edu/contents/${c.id}/review`, { approve: true })).json().code).toBe('FORBIDDEN');
    const returned = await reviewer.post(`/api/v1/edu/contents/${c.id}/review`, { approve: false, comment: '请补充求助电话' });
    expect(returned.json()).toMatchObject({ status: 'draft', reviewComment: '请补充求助电话' });
    expect((await t.anonymous.get(`/api/v1/public/edu/contents/${c.id}`)).statusCode).toBe(404);

    const stale = await author.request('PUT', `/api/v1/edu/contents/${c.id}`, { ...article(), kind: undefined, expectedVersion: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('EDU_STALE_VERSION');
    const { kind: _k, ...body } = article({ title: '警惕“高息养老项目”（修订）', bodyHtml: '<p>求助请拨打 96110</p>' });
    const v2 = await author.request('PUT', `/api/v1/edu/contents/${c.id}`, { ...body, expectedVersion: 1 });
    expect(v2.json().version).toBe(2);
    await author.post(`/api/v1/edu/contents/${c.id}/submit`, {});
    const approved = (await reviewer.post(`/api/v1/edu/contents/${c.id}/review`, { approve: true, comment: '同意发布' })).json();
    expect(approved).toMatchObject({ status: 'published', reviewerName: 'cpadmin' });
    expect(approved.versions.map((v: { note: string }) => v.note)).toEqual(['approved by cpadmin', 'returned by cpadmin']);

    const pub = await t.anonymous.get(`/api/v1/public/edu/contents/${c.id}`);
    expect(pub.json().title).toBe('警惕“高息养老项目”（修订）');
    const found = (await t.anonymous.get(`/api/v1/public/edu/contents?q=${encodeURIComponent('高息养老')}`)).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(c.id);

    // Revising published content does not change the portal until the revision passes review.
    await author.request('PUT', `/api/v1/edu/contents/${c.id}`, { ...body, title: '未审查的修改', expectedVersion: 2 });
    expect((await t.anonymous.get(`/api/v1/public/edu/contents/${c.id}`)).json().title).toBe('警惕“高息养老项目”（修订）');

    const audit = await t.rt.deps.db.selectFrom('audit_log').select(['action', 'actor_name']).where('target_id', '=', c.id).orderBy('seq').execute();
    expect(audit.filter((a) => a.action === 'edu.content.review').map((a) => a.actor_name)).toEqual(['cpadmin', 'cpadmin']);

    expect((await reviewer.post(`/api/v1/edu/contents/${c.id}/archive`, {})).json().status).toBe('archived');
    expect((await t.anonymous.get(`/api/v1/public/edu/contents/${c.id}`)).statusCode).toBe(404);
  });

  it('refuses self-review, unknown fields, bad tags and actions in the wrong state', async () => {
    const admin = await t.login('cp.deputy');
    const c = (await admin.post('/api/v1/edu/contents', article({ title: '自己写自己审' }))).json();
    await admin.post(`/api/v1/edu/contents/${c.id}/submit`, {});
    const self = await admin.post(`/api/v1/edu/contents/${c.id}/review`, { approve: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('EDU_SELF_REVIEW');
    const again = await admin.post(`/api/v1/edu/contents/${c.id}/submit`, {});
    expect(again.json().code).toBe('EDU_INVALID_STATE');
    const unknown = await admin.post('/api/v1/edu/contents', { ...article(), isPublished: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].field).toBe('body.isPublished');
    expect((await admin.post('/api/v1/edu/contents', article({ tags: ['nonsense'] }))).json().code).toBe('VALIDATION_FAILED');
    const count = await t.rt.deps.db
      .selectFrom('edu_contents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('title', '=', '自己写自己审')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('resumes a course at the saved lesson and video position and issues a verifiable certificate', async () => {
    const course = (await t.anonymous.get('/api/v1/public/edu/courses')).json().items[0];
    const dev = 'device-course-0001';
    const enrolled = (await t.anonymous.post(`/api/v1/public/edu/courses/${course.id}/enrol`, { deviceId: dev, name: '张阿姨' })).json();
    const lessons = enrolled.outline.flatMap((ch: { lessons: { id: string; durationSec: number; keyPoints: unknown[] }[] }) => ch.lessons);
    expect(lessons.length).toBe(7);
    expect(lessons.some((l: { keyPoints: unknown[] }) => l.keyPoints.length > 0)).toBe(true);
    await t.anonymous.request('PUT', `/api/v1/public/edu/courses/${course.id}/progress`, { deviceId: dev, lessonId: lessons[2].id, positionSec: 75 });
    const resumed = (await t.anonymous.get(`/api/v1/public/edu/courses/${course.id}?deviceId=${dev}`)).json();
    expect(resumed.enrolment.lastLessonId).toBe(lessons[2].id);
    expect(resumed.enrolment.progress[lessons[2].id]).toEqual({ positionSec: 75, completed: false });
    expect(resumed.enrolment.certificateCode).toBeNull();
    const bad = await t.anonymous.request('PUT', `/api/v1/public/edu/courses/${course.id}/progress`, { deviceId: dev, lessonId: 'nope', positionSec: 1 });
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    let last = resumed;
    for (const l of lessons)
      last = (
        await t.anonymous.request('PUT', `/api/v1/public/edu/courses/${course.id}/progress`, { deviceId: dev, lessonId: l.id, positionSec: l.durationSec })
      ).json();
    const code = last.enrolment.certificateCode;
    expect(code).toMatch(/^[2-9A-Z]{12}$/);
    const cert = (await t.anonymous.get(`/api/v1/public/edu/certificates/${code}`)).json();
    expect(cert).toMatchObject({ course: course.title, learner: '张**' });
    expect((await t.anonymous.get('/api/v1/public/edu/certificates/AAAAAAAAAAAA')).statusCode).toBe(404);
  });
});
