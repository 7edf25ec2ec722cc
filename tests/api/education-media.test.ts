import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

const CLIP = readFileSync(new URL('../../src/modules/education/server/demo-media/placeholder-2.webm', import.meta.url));
const POSTER = readFileSync(new URL('../../src/modules/education/server/demo-media/poster-2.png', import.meta.url));
/** The smallest thing file-type recognises as MP4: an ftyp box, then filler. */
const MP4 = Buffer.concat([Buffer.from('00000018667479706d703432000000006d70343269736f6d', 'hex'), Buffer.alloc(4000, 7)]);
const VTT = 'WEBVTT\n\n00:00.000 --> 00:03.000\n陌生来电要转账，先挂断再核实。\n';

describe.each(testDialects())('education short videos on %s', (dialect) => {
  let t: TestApp;
  let editor: Client;
  let reviewer: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    editor = await t.login('handler01');
    reviewer = await t.login('cpadmin');
  });
  afterAll(async () => t?.close());

  const upload = (id: string, role: string, body: Buffer | string, type: string) =>
    editor.request('PUT', `/api/v1/edu/contents/${id}/media/${role}`, body, { 'content-type': type });

  it('uploads a video, poster and subtitles (sniffed, size-limited) and streams the video with byte ranges after review', async () => {
    const draft = (
      await editor.post('/api/v1/edu/contents', {
        kind: 'video',
        title: '消保小剧场：测试短片',
        bodyHtml: '<p>短片</p>',
        video: { durationSec: 150, mediaUrl: null, posterUrl: null, subtitles: null, keyPoints: [{ atSec: 95, label: '垫资' }] },
      })
    ).json();
    // Wrong types refused by their bytes, whatever the header claims.
    const fake = await upload(draft.id, 'video', Buffer.from('<html><script>alert(1)</script></html>'), 'video/mp4');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await upload(draft.id, 'video', POSTER, 'video/webm')).statusCode).toBe(415);
    expect((await upload(draft.id, 'poster', CLIP, 'image/png')).statusCode).toBe(415);
    expect((await upload(draft.id, 'subtitles', 'SRT 1\n00:00:01,000 --> 00:00:02,000\nhi', 'text/vtt')).json().details[0].issue).toBe('not_webvtt');
    expect((await upload(draft.id, 'poster', Buffer.concat([POSTER, Buffer.alloc(2 * 1024 * 1024)]), 'image/png')).statusCode).toBe(413);
    expect((await upload(draft.id, 'video', Buffer.alloc(51 * 1024 * 1024, 1), 'video/mp4')).statusCode).toBe(413);
    expect((await t.anonymous.request('PUT', `/api/v1/edu/contents/${draft.id}/media/video`, CLIP, { 'content-type': 'video/webm' })).statusCode).toBe(401);

    expect((await upload(draft.id, 'video', MP4, 'video/mp4')).json()).toMatchObject({ mime: 'video/mp4', size: MP4.length });
    const video = (await upload(draft.id, 'video', CLIP, 'video/webm')).json();
    expect(video).toMatchObject({ role: 'video', mime: 'video/webm', size: CLIP.length });
    expect((await upload(draft.id, 'poster', POSTER, 'image/png')).json().mime).toBe('image/png');
    expect((await upload(draft.id, 'subtitles', VTT, 'text/vtt')).statusCode).toBe(200);
    const detail = (await editor.get(`/api/v1/edu/contents/${draft.id}`)).json();
    expect(detail.video).toMatchObject({ mediaUrl: `/api/v1/public/edu/media/${video.id}`, subtitles: VTT, keyPoints: [{ atSec: 95, label: '垫资' }] });

    // Not on the portal before 消保审查; staff can preview.
    expect((await t.anonymous.get(detail.video.mediaUrl)).statusCode).toBe(404);
    expect((await editor.get(`/api/v1/edu/media/${video.id}`)).rawPayload.equals(CLIP)).toBe(true);
    await editor.post(`/api/v1/edu/contents/${draft.id}/submit`);
    expect((await reviewer.post(`/api/v1/edu/contents/${draft.id}/review`, { approve: true })).json().status).toBe('published');

    const url = detail.video.mediaUrl as string;
    const get = (range?: string) => t.anonymous.request('GET', url, undefined, range ? { range } : {});
    const whole = await get();
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-type']).toBe('video/webm');
    expect(Number(whole.headers['content-length'])).toBe(CLIP.length);
    expect(whole.rawPayload.equals(CLIP)).toBe(true);

    const first = await get('bytes=0-1023');
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-1023/${CLIP.length}`);
    expect(first.rawPayload.equals(CLIP.subarray(0, 1024))).toBe(true);
    const mid = await get('bytes=100000-100099');
    expect(mid.rawPayload.equals(CLIP.subarray(100_000, 100_100))).toBe(true);
    const open = await get('bytes=200000-');
    expect(open.headers['content-range']).toBe(`bytes 200000-${CLIP.length - 1}/${CLIP.length}`);
    expect(open.rawPayload.equals(CLIP.subarray(200_000))).toBe(true);
    const tail = await get('bytes=-500');
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(CLIP.subarray(CLIP.length - 500))).toBe(true);
    const beyond = await get(`bytes=${CLIP.length - 10}-${CLIP.length + 5000}`);
    expect(beyond.headers['content-range']).toBe(`bytes ${CLIP.length - 10}-${CLIP.length - 1}/${CLIP.length}`);

    for (const bad of [`bytes=${CLIP.length}-`, 'bytes=500-100', 'bytes=x-y']) {
      const r = await get(bad);
      expect(r.statusCode, bad).toBe(416);
      expect(r.headers['content-range']).toBe(`bytes */${CLIP.length}`);
      expect(r.json().code).toBe('EDU_RANGE_NOT_SATISFIABLE');
    }
    // Several ranges: a full 200 is a valid answer; a stale If-Range gets the whole file too.
    expect((await get('bytes=0-1,5-9')).statusCode).toBe(200);
    expect((await t.anonymous.request('GET', url, undefined, { range: 'bytes=0-9', 'if-range': '"stale"' })).statusCode).toBe(200);

    const pub = (await t.anonymous.get(`/api/v1/public/edu/contents/${draft.id}`)).json();
    expect(pub.video.subtitlesUrl).toBe(`/api/v1/public/edu/contents/${draft.id}/subtitles.vtt`);
    const vtt = await t.anonymous.get(pub.video.subtitlesUrl);
    expect(vtt.headers['content-type']).toContain('text/vtt');
    expect(vtt.body).toBe(VTT);
    const audit = await t.rt.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', draft.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['edu.media.video', 'edu.media.poster', 'edu.media.subtitles']));
  });

  it('seeds the 消保小剧场 records with playable placeholder clips that course lessons point at', async () => {
    const course = (await t.anonymous.get('/api/v1/public/edu/courses')).json().items[0];
    const detail = (await t.anonymous.get(`/api/v1/public/edu/courses/${course.id}`)).json();
    const lesson = detail.outline.flatMap((c: { lessons: unknown[] }) => c.lessons).find((l: { title: string }) => l.title.includes('理赔'));
    expect(lesson.mediaUrl).toMatch(/^\/api\/v1\/public\/edu\/media\//);
    expect(lesson.subtitlesUrl).toMatch(/subtitles\.vtt$/);
    const head = await t.anonymous.request('GET', lesson.mediaUrl, undefined, { range: 'bytes=0-3' });
    expect(head.statusCode).toBe(206);
    expect(head.rawPayload.toString('hex')).toBe('1a45dfa3'); // the EBML magic of a WebM file
    expect((await t.anonymous.get(lesson.posterUrl)).headers['content-type']).toBe('image/png');
  });
});
