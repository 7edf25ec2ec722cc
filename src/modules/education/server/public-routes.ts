import { z } from 'zod';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import {
  ZAttemptView,
  ZContentKind,
  ZDrawPublic,
  ZMobile,
  ZSaveAnswers,
  ZStartAttempt,
  ZSubmitAttempt,
  ZTopicTag,
  ZVerifyDraw,
  ZVerifyResult,
} from '../contract.ts';
import { verifyDraw } from './domain/draw.ts';
import { getPublicContent, listPublicContents } from './queries/contents.ts';
import { getPublicDraw, verifyStoredDraw } from './queries/draws.ts';
import { leaderboard, listPublicQuizzes } from './queries/quizzes.ts';
import { enrolCourse, getPublicCourse, saveProgress, verifyCertificate } from './use-cases/learn-course.ts';
import { enterDraw } from './use-cases/manage-draw.ts';
import { myPrize } from './use-cases/redeem-prize.ts';
import { saveAnswers, startAttempt, submitAttempt } from './use-cases/take-quiz.ts';

const tags = ['public 公众'];
const ZId = z.strictObject({ id: z.uuid() });
const deviceId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const minute = 60_000;
const meta = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });

/** The portal's education API: no sign-in; a device id (kept in the browser) stands for the person. */
export const registerPublicEducationRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  // Per-IP limits scale with the configured global limit (600/min by default → 600 reads, 120 writes).
  const perMinute = deps.config.rateLimitPerMinute;
  const read = { public: true, rateLimit: { max: perMinute, timeWindow: minute } };
  const write = { public: true, rateLimit: { max: Math.max(10, Math.floor(perMinute / 5)), timeWindow: minute } };
  const frequent = { public: true, rateLimit: { max: perMinute, timeWindow: minute } };

  app.get(
    '/api/v1/public/edu/contents',
    {
      config: read,
      schema: {
        tags,
        summary: '宣教文章与视频 Articles and videos',
        querystring: z.strictObject({
          q: z.string().trim().max(100).optional(),
          kind: ZContentKind.optional(),
          tag: ZTopicTag.optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
          offset: z.coerce.number().int().min(0).max(10_000).default(0),
        }),
      },
    },
    async (req) => listPublicContents(deps.db, req.query),
  );
  app.get('/api/v1/public/edu/contents/:id', { config: read, schema: { tags, summary: '文章详情 Article', params: ZId } }, async (req) =>
    getPublicContent(deps.db, req.params.id),
  );

  app.get('/api/v1/public/edu/quizzes', { config: read, schema: { tags, summary: '答题活动 Open quizzes' } }, async () => listPublicQuizzes(deps.db));
  app.post(
    '/api/v1/public/edu/quizzes/:id/attempts',
    { config: write, schema: { tags, summary: '开始或继续答题 Start or resume', params: ZId, body: ZStartAttempt, response: { 200: ZAttemptView } } },
    async (req) => startAttempt(deps, req.params.id, req.body, meta(req)),
  );
  app.put(
    '/api/v1/public/edu/attempts/:id/answers',
    {
      config: frequent,
      schema: { tags, summary: '自动保存 Autosave', params: ZId, body: ZSaveAnswers, response: { 200: ZAttemptView } },
    },
    async (req) => saveAnswers(deps, req.params.id, req.body.deviceId, req.body.answers, meta(req)),
  );
  app.post(
    '/api/v1/public/edu/attempts/:id/submit',
    { config: write, schema: { tags, summary: '交卷 Submit', params: ZId, body: ZSubmitAttempt, response: { 200: ZAttemptView } } },
    async (req) => submitAttempt(deps, req.params.id, req.body.deviceId, req.body.answers ?? {}, meta(req), req.body.phone),
  );
  app.get('/api/v1/public/edu/quizzes/:id/leaderboard', { config: read, schema: { tags, summary: '排行榜 Leaderboard', params: ZId } }, async (req) =>
    leaderboard(deps.db, req.params.id),
  );

  app.get(
    '/api/v1/public/edu/draws/:id',
    { config: read, schema: { tags, summary: '抽奖公示 Draw', params: ZId, response: { 200: ZDrawPublic } } },
    async (req) => getPublicDraw(deps.db, req.params.id),
  );
  app.post(
    '/api/v1/public/edu/draws/:id/entries',
    {
      config: write,
      schema: { tags, summary: '参加抽奖 Enter', params: ZId, body: z.strictObject({ deviceId }), response: { 201: z.object({ entryId: z.string() }) } },
    },
    async (req, reply) => reply.status(201).send(await enterDraw(deps, req.params.id, req.body.deviceId, meta(req))),
  );
  app.get(
    '/api/v1/public/edu/draws/:id/my-prize',
    { config: read, schema: { tags, summary: '我的奖品与兑奖码 My prize and code', params: ZId, querystring: z.strictObject({ deviceId }) } },
    async (req) => myPrize(deps.db, req.params.id, req.query.deviceId),
  );
  app.get(
    '/api/v1/public/edu/draws/:id/verify',
    { config: read, schema: { tags, summary: '验证开奖 Verify a draw', params: ZId, response: { 200: ZVerifyResult } } },
    async (req) => verifyStoredDraw(deps.db, req.params.id),
  );
  app.post(
    '/api/v1/public/edu/draws/verify',
    {
      config: read,
      bodyLimit: 4 * 1024 * 1024,
      schema: { tags, summary: '用任意数据验证 Verify any published data', body: ZVerifyDraw, response: { 200: ZVerifyResult } },
    },
    async (req) => verifyDraw(req.body),
  );

  app.get('/api/v1/public/edu/courses', { config: read, schema: { tags, summary: '课程 Courses' } }, async () => ({
    items: await deps.db.selectFrom('edu_courses').select(['id', 'title', 'summary']).where('status', '=', 'published').orderBy('created_at').execute(),
  }));
  app.get(
    '/api/v1/public/edu/courses/:id',
    {
      config: read,
      schema: { tags, summary: '课程详情与进度 Course and progress', params: ZId, querystring: z.strictObject({ deviceId: deviceId.optional() }) },
    },
    async (req) => getPublicCourse(deps, req.params.id, req.query.deviceId),
  );
  app.post(
    '/api/v1/public/edu/courses/:id/enrol',
    {
      config: write,
      schema: {
        tags,
        summary: '报名 Enrol',
        params: ZId,
        body: z.strictObject({ deviceId, name: z.string().trim().min(1).max(20), phone: ZMobile.optional() }),
      },
    },
    async (req) => enrolCourse(deps, req.params.id, req.body.deviceId, req.body.name, meta(req), req.body.phone),
  );
  app.put(
    '/api/v1/public/edu/courses/:id/progress',
    {
      config: frequent,
      schema: {
        tags,
        summary: '保存进度 Save progress',
        params: ZId,
        body: z.strictObject({ deviceId, lessonId: z.string().max(64), positionSec: z.number().int().min(0).max(86_400), completed: z.boolean().optional() }),
      },
    },
    async (req) => saveProgress(deps, req.params.id, req.body.deviceId, req.body, meta(req)),
  );
  app.get(
    '/api/v1/public/edu/certificates/:code',
    { config: read, schema: { tags, summary: '证书验证 Verify a certificate', params: z.strictObject({ code: z.string().regex(/^[0-9A-Za-z]{12}$/) }) } },
    async (req) => verifyCertificate(deps, req.params.code),
  );
};
