import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import { requirePermission } from '../../../kernel/policy.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import { assertInScope, inScope } from '../../../platform/scope.ts';
import {
  AUDIENCES,
  TOPIC_TAGS,
  ZContentDetail,
  ZContentInput,
  ZContentListQuery,
  ZContentSummary,
  ZContentUpdate,
  ZCourseInput,
  ZDrawCreate,
  ZImportReport,
  ZImportRequest,
  ZQuestionInput,
  ZQuizCreate,
  ZQuizUpdate,
  ZRedemption,
  ZRedemptionCode,
  ZReviewDecision,
  ZTopicTag,
} from '../contract.ts';
import { EDU_PERMISSIONS } from './policy.ts';
import { getContent, listContents } from './queries/contents.ts';
import { getPublicDraw } from './queries/draws.ts';
import { listQuestions } from './queries/questions.ts';
import { educationStats, listQuizzes } from './queries/quizzes.ts';
import { createContent } from './use-cases/create-content.ts';
import { createQuestion, importQuestions } from './use-cases/import-questions.ts';
import { createCourse, listCourses, updateCourse } from './use-cases/manage-course.ts';
import { commitDraw, createDraw, runDraw } from './use-cases/manage-draw.ts';
import { createQuiz, updateQuiz } from './use-cases/manage-quiz.ts';
import { listRedemptions, lookupRedemption, redeemPrize } from './use-cases/redeem-prize.ts';
import { archiveContent, reviewContent, submitContent } from './use-cases/review-content.ts';
import { updateContent } from './use-cases/update-content.ts';

const tags = ['education 宣教'];
const ZId = z.strictObject({ id: z.uuid() });
const actorOf = (req: { actor: Actor | null }) => req.actor as Actor;

/** Staff routes: content library with 消保审查, question bank and import, quiz setup, draws, analytics. */
export const registerEducationRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  app.get(
    '/api/v1/edu/contents',
    {
      schema: {
        tags,
        summary: '内容库 Content library',
        querystring: ZContentListQuery,
        response: { 200: z.object({ items: z.array(ZContentSummary), total: z.number() }) },
      },
    },
    async (req) => listContents(deps.db, actorOf(req), req.query),
  );
  app.post(
    '/api/v1/edu/contents',
    { schema: { tags, summary: '新建内容 New draft', body: ZContentInput, response: { 201: ZContentDetail } } },
    async (req, reply) => {
      const { id } = await createContent(deps, actorOf(req), req.body);
      return reply.status(201).send(await getContent(deps.db, actorOf(req), id));
    },
  );
  app.get('/api/v1/edu/contents/:id', { schema: { tags, summary: '内容详情 Content', params: ZId, response: { 200: ZContentDetail } } }, async (req) =>
    getContent(deps.db, actorOf(req), req.params.id),
  );
  app.put(
    '/api/v1/edu/contents/:id',
    { schema: { tags, summary: '保存新版本 Save a version', params: ZId, body: ZContentUpdate, response: { 200: ZContentDetail } } },
    async (req) => {
      await updateContent(deps, actorOf(req), req.params.id, req.body);
      return getContent(deps.db, actorOf(req), req.params.id);
    },
  );
  const contentAction = <S extends z.ZodType>(path: string, summary: string, body: S, run: (a: Actor, id: string, b: z.infer<S>) => Promise<unknown>) =>
    app.post(`/api/v1/edu/contents/:id/${path}`, { schema: { tags, summary, params: ZId, body, response: { 200: ZContentDetail } } }, async (req) => {
      const id = (req.params as { id: string }).id;
      await run(actorOf(req), id, req.body as z.infer<S>);
      return getContent(deps.db, actorOf(req), id);
    });
  contentAction('submit', '提交消保审查 Submit for review', z.strictObject({}), (a, id) => submitContent(deps, a, id));
  contentAction('review', '消保审查 Review', ZReviewDecision, (a, id, b) => reviewContent(deps, a, id, b.approve, b.comment));
  contentAction('archive', '归档 Archive', z.strictObject({}), (a, id) => archiveContent(deps, a, id));

  app.get(
    '/api/v1/edu/questions',
    {
      schema: {
        tags,
        summary: '题库 Question bank',
        querystring: z.strictObject({
          q: z.string().trim().max(100).optional(),
          bank: z.string().max(40).optional(),
          tag: ZTopicTag.optional(),
          difficulty: z.coerce.number().int().min(1).max(3).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => listQuestions(deps.db, actorOf(req), req.query),
  );
  app.post(
    '/api/v1/edu/questions',
    { schema: { tags, summary: '新建题目 New question', body: ZQuestionInput, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => reply.status(201).send(await createQuestion(deps, actorOf(req), req.body)),
  );
  app.post(
    '/api/v1/edu/questions/import',
    { bodyLimit: 8 * 1024 * 1024, schema: { tags, summary: '导入题库 Import CSV/JSON', body: ZImportRequest, response: { 200: ZImportReport } } },
    async (req) => importQuestions(deps, actorOf(req), req.body),
  );

  app.get('/api/v1/edu/quizzes', { schema: { tags, summary: '答题活动 Quizzes' } }, async (req) => listQuizzes(deps.db, actorOf(req)));
  app.post(
    '/api/v1/edu/quizzes',
    { schema: { tags, summary: '新建答题 New quiz', body: ZQuizCreate, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => reply.status(201).send(await createQuiz(deps, actorOf(req), req.body)),
  );
  app.put(
    '/api/v1/edu/quizzes/:id',
    {
      schema: {
        tags,
        summary: '修改设置（新版本） Change settings (new version)',
        params: ZId,
        body: ZQuizUpdate,
        response: { 200: z.object({ id: z.uuid(), version: z.number() }) },
      },
    },
    async (req) => updateQuiz(deps, actorOf(req), req.params.id, req.body),
  );

  app.get('/api/v1/edu/draws', { schema: { tags, summary: '抽奖 Draws' } }, async (req) => {
    const actor = actorOf(req);
    requirePermission(actor, EDU_PERMISSIONS.read);
    const rows = await deps.db
      .selectFrom('edu_draws')
      .select(['id', 'title', 'status', 'quiz_id', 'closes_at'])
      .where(inScope(actor))
      .orderBy('created_at', 'desc')
      .execute();
    return { items: rows.map((r) => ({ id: r.id, title: r.title, status: r.status, quizId: r.quiz_id, closesAt: new Date(r.closes_at).toISOString() })) };
  });
  app.post(
    '/api/v1/edu/draws',
    { schema: { tags, summary: '新建抽奖 New draw', body: ZDrawCreate, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => reply.status(201).send(await createDraw(deps, actorOf(req), req.body)),
  );
  const drawAction = (path: string, summary: string, run: (a: Actor, id: string) => Promise<unknown>) =>
    app.post(`/api/v1/edu/draws/:id/${path}`, { schema: { tags, summary, params: ZId, body: z.strictObject({}).optional() } }, async (req) => {
      const id = (req.params as { id: string }).id;
      const row = await deps.db.selectFrom('edu_draws').select('org_path').where('id', '=', id).executeTakeFirst();
      assertInScope(actorOf(req), row);
      await run(actorOf(req), id);
      return getPublicDraw(deps.db, id);
    });
  drawAction('commit', '公布承诺 Publish the commitment', (a, id) => commitDraw(deps, a, id));
  drawAction('run', '开奖 Draw and reveal the seed', (a, id) => runDraw(deps, a, id));

  app.get('/api/v1/edu/redemptions', { schema: { tags, summary: '本网点兑奖记录 Redemptions in my scope' } }, async (req) =>
    listRedemptions(deps.db, actorOf(req)),
  );
  app.get(
    '/api/v1/edu/redemptions/:code',
    { schema: { tags, summary: '查询兑奖码 Look up a code', params: z.strictObject({ code: ZRedemptionCode }), response: { 200: ZRedemption } } },
    async (req) => lookupRedemption(deps.db, actorOf(req), req.params.code),
  );
  app.post(
    '/api/v1/edu/redemptions',
    { schema: { tags, summary: '网点兑奖 Redeem at the outlet', body: z.strictObject({ code: ZRedemptionCode }), response: { 200: ZRedemption } } },
    async (req) => redeemPrize(deps, actorOf(req), req.body.code),
  );

  app.get('/api/v1/edu/courses', { schema: { tags, summary: '系列课程 Courses' } }, async (req) => listCourses(deps.db, actorOf(req)));
  app.post(
    '/api/v1/edu/courses',
    { schema: { tags, summary: '新建课程（系列→章→课时）New course', body: ZCourseInput, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => reply.status(201).send(await createCourse(deps, actorOf(req), req.body)),
  );
  app.put(
    '/api/v1/edu/courses/:id',
    { schema: { tags, summary: '修改课程 Edit a course', params: ZId, body: ZCourseInput, response: { 200: z.object({ id: z.uuid() }) } } },
    async (req) => updateCourse(deps, actorOf(req), req.params.id, req.body),
  );

  app.get('/api/v1/edu/stats', { schema: { tags, summary: '宣教统计 Analytics' } }, async (req) => educationStats(deps.db, actorOf(req)));
  app.get('/api/v1/edu/tags', { schema: { tags, summary: '标签 Tags' } }, async () => ({ topics: TOPIC_TAGS, audiences: AUDIENCES }));
};
