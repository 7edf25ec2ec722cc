import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import { type Column, toCsv, toXlsx } from './export-table.ts';
import { attemptRows, itemAnalysis, knowledgeGainOf } from './queries/item-analysis.ts';

const tags = ['education 宣教'];
const ZId = z.strictObject({ id: z.uuid() });
const actorOf = (req: { actor: Actor | null }) => req.actor as Actor;

const ITEM_COLUMNS: Column[] = [
  { key: 'questionId', header: '题目ID question id', width: 38 },
  { key: 'stem', header: '题干 stem', width: 60 },
  { key: 'type', header: '题型 type' },
  { key: 'difficulty', header: '难度 difficulty' },
  { key: 'n', header: '作答数 n' },
  { key: 'facility', header: '通过率 facility' },
  { key: 'discrimination', header: '区分度 D(27%)' },
  { key: 'pointBiserial', header: '点二列相关 r_pb' },
];
const ATTEMPT_COLUMNS: Column[] = [
  { key: 'id', header: '答题ID attempt id', width: 38 },
  { key: 'nickname', header: '昵称 nickname（脱敏）' },
  { key: 'phone', header: '手机 phone（脱敏）' },
  { key: 'audience', header: '人群 audience' },
  { key: 'status', header: '状态 status' },
  { key: 'version', header: '设置版本 version' },
  { key: 'startedAt', header: '开始 started', width: 26 },
  { key: 'submittedAt', header: '交卷 submitted', width: 26 },
  { key: 'score', header: '得分 score' },
];

/** Item analysis, knowledge gain and exports (CSV/XLSX) for staff with edu.stats. */
export const registerEducationAnalysisRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  app.get('/api/v1/edu/quizzes/:id/item-analysis', { schema: { tags, summary: '题目分析 Item analysis', params: ZId } }, async (req) =>
    itemAnalysis(deps.db, actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/edu/knowledge-gain',
    { schema: { tags, summary: '前后测知识增益 Knowledge gain (pre/post)', querystring: z.strictObject({ pre: z.uuid(), post: z.uuid() }) } },
    async (req) => knowledgeGainOf(deps.db, actorOf(req), req.query.pre, req.query.post),
  );
  app.get(
    '/api/v1/edu/quizzes/:id/export',
    {
      schema: {
        tags,
        summary: '导出题目分析或答题记录（脱敏、留痕）Export item stats or attempts (masked, audited)',
        params: ZId,
        querystring: z.strictObject({ what: z.enum(['items', 'attempts']), format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { what, format } = req.query;
      const [columns, rows, title] =
        what === 'items'
          ? await itemAnalysis(deps.db, actor, req.params.id).then((r) => [ITEM_COLUMNS, r.items, r.quizTitle] as const)
          : [ATTEMPT_COLUMNS, await attemptRows(deps.db, actor, req.params.id), 'attempts'];
      await inTransaction(deps, actor, ({ audit }) =>
        audit({ action: 'edu.export', targetType: 'edu_quiz', targetId: req.params.id, note: { what, format, rows: rows.length } }),
      );
      const name = `quiz-${req.params.id.slice(0, 8)}-${what}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
      const data = rows as unknown as Record<string, string | number | null>[];
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(columns, data));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(title, columns, data));
    },
  );
};
