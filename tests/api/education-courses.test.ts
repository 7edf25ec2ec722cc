import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

/** Staff build series → chapters → lessons (with key points); learners' progress survives edits. */
describe.each(testDialects())('education course authoring on %s', (dialect) => {
  let t: TestApp;
  let editor: Client;
  let reviewer: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    editor = await t.login('handler01');
    reviewer = await t.login('cpadmin');
  });
  afterAll(async () => t?.close());

  it('creates a draft course, refuses bad outlines, publishes only with review rights, and keeps lesson ids on edit', async () => {
    const video = (await t.anonymous.get('/api/v1/public/edu/contents?kind=video')).json().items[0];
    const body = {
      title: '反洗钱入门微课',
      summary: '两章三课',
      chapters: [
        { title: '第一章 认识洗钱', lessons: [{ title: '什么是洗钱', durationSec: 120, keyPoints: [{ atSec: 30, label: '三个阶段' }] }] },
        {
          title: '第二章 守好账户',
          lessons: [
            { title: '银行卡借不得', contentId: video.id, durationSec: 165 },
            { title: '小结', durationSec: 60 },
          ],
        },
      ],
    };
    const bad = await editor.post('/api/v1/edu/courses', {
      ...body,
      chapters: [{ title: '第一章', lessons: [{ title: '越界', durationSec: 60, keyPoints: [{ atSec: 90, label: 'x' }] }] }],
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await editor.post('/api/v1/edu/courses', {
      ...body,
      chapters: [{ title: '第一章', lessons: [{ title: '不存在', contentId: '00000000-0000-4000-8000-000000000000', durationSec: 60 }] }],
    });
    expect(unknown.json().details[0]).toMatchObject({ field: 'body.chapters.0.lessons.0.contentId', issue: 'unknown_content' });
    expect((await editor.post('/api/v1/edu/courses', { ...body, status: 'published' })).statusCode).toBe(403);

    const { id } = (await editor.post('/api/v1/edu/courses', body)).json();
    expect((await t.anonymous.get(`/api/v1/public/edu/courses/${id}`)).statusCode).toBe(404);
    const staffList = (await editor.get('/api/v1/edu/courses')).json().items;
    const mine = staffList.find((c: { id: string }) => c.id === id);
    expect(mine).toMatchObject({ status: 'draft', enrolled: 0 });
    const lessons = mine.outline.flatMap((c: { lessons: { id: string }[] }) => c.lessons);
    expect(lessons).toHaveLength(3);

    // Publish (reviewer), a learner starts, then the editor renames a chapter: progress stays on the lesson.
    const withIds = {
      ...body,
      chapters: body.chapters.map((ch, i) => ({ ...ch, lessons: ch.lessons.map((l, j) => ({ ...l, id: mine.outline[i].lessons[j].id })) })),
    };
    expect((await reviewer.request('PUT', `/api/v1/edu/courses/${id}`, { ...withIds, status: 'published' })).statusCode).toBe(200);
    const dev = 'device-author-00001';
    await t.anonymous.post(`/api/v1/public/edu/courses/${id}/enrol`, { deviceId: dev, name: '小周' });
    await t.anonymous.request('PUT', `/api/v1/public/edu/courses/${id}/progress`, { deviceId: dev, lessonId: lessons[1].id, positionSec: 40 });
    expect((await editor.request('PUT', `/api/v1/edu/courses/${id}`, { ...withIds, status: 'published' })).statusCode).toBe(403);
    const renamed = { ...withIds, status: 'published', chapters: withIds.chapters.map((ch, i) => (i === 1 ? { ...ch, title: '第二章 账户安全' } : ch)) };
    expect((await reviewer.request('PUT', `/api/v1/edu/courses/${id}`, renamed)).statusCode).toBe(200);
    const view = (await t.anonymous.get(`/api/v1/public/edu/courses/${id}?deviceId=${dev}`)).json();
    expect(view.outline[1].title).toBe('第二章 账户安全');
    expect(view.enrolment.progress[lessons[1].id]).toMatchObject({ positionSec: 40 });
    expect(view.outline[1].lessons[0].mediaUrl).toMatch(/\/media\//);
  });
});
