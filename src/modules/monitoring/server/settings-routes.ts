import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import { requirePermission } from '../../../kernel/policy.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import {
  MAX_PUSH_BATCH,
  ZChannelUpdate,
  ZGradeRuleUpdate,
  ZImportJob,
  ZImportJobRequest,
  ZQueryPreview,
  ZSourceUpdate,
  ZWatchlistUpdate,
} from '../contract.ts';
import { claimImportJob, processImportJob, runImportJob } from './import-runner.ts';
import { MONITORING_PERMISSIONS } from './policy.ts';
import { getImportJob, listImportJobs } from './queries/get-import.ts';
import { listChannels } from './queries/list-channels.ts';
import { listGradeRules } from './queries/list-grade-rules.ts';
import { listWatchlists } from './queries/list-watchlists.ts';
import { previewQuery } from './queries/preview-query.ts';
import { startImport } from './use-cases/start-import.ts';
import { updateChannel } from './use-cases/update-channel.ts';
import { updateGradeRule } from './use-cases/update-grade-rule.ts';
import { updateSource } from './use-cases/update-source.ts';
import { updateWatchlist } from './use-cases/update-watchlist.ts';

const tags = ['opinion 舆情'];
const ZId = z.strictObject({ id: z.uuid() });
const actorOf = (req: { actor: Actor | null }) => req.actor as Actor;

/** Admin screens' routes: lists with their health/usage, edits and disabling (nothing is deleted), query preview. */
export const registerSettingsRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  const base = '/api/v1/opinion';
  app.put(
    `${base}/sources/:id`,
    { schema: { tags, summary: '修改/停用信息源 Edit or disable a source', params: ZId, body: ZSourceUpdate } },
    async (req, reply) => {
      await updateSource(deps, actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
  app.get(`${base}/watchlists`, { schema: { tags, summary: '监测方案 Watchlists' } }, async (req) => listWatchlists(deps, actorOf(req)));
  app.put(
    `${base}/watchlists/:id`,
    { schema: { tags, summary: '修改/停用监测方案 Edit or disable a watchlist', params: ZId, body: ZWatchlistUpdate } },
    async (req, reply) => {
      await updateWatchlist(deps, actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
  app.post(`${base}/watchlists/preview`, { schema: { tags, summary: '试运行检索式 Test a query on recent posts', body: ZQueryPreview } }, async (req) =>
    previewQuery(deps, actorOf(req), req.body),
  );
  app.get(`${base}/grade-rules`, { schema: { tags, summary: '分级规则 Grading rules' } }, async (req) => listGradeRules(deps, actorOf(req)));
  app.put(
    `${base}/grade-rules/:id`,
    { schema: { tags, summary: '修改/停用分级规则 Edit or disable a rule', params: ZId, body: ZGradeRuleUpdate } },
    async (req, reply) => {
      await updateGradeRule(deps, actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
  app.get(`${base}/channels`, { schema: { tags, summary: '预警推送渠道 Alert channels' } }, async (req) => listChannels(deps, actorOf(req)));
  app.put(
    `${base}/channels/:id`,
    { schema: { tags, summary: '修改/停用推送渠道 Edit or disable a channel', params: ZId, body: ZChannelUpdate } },
    async (req, reply) => {
      await updateChannel(deps, actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
  app.get(`${base}/push-api`, { schema: { tags, summary: '推送接口说明 Push API facts' } }, async (req) => {
    requirePermission(actorOf(req), MONITORING_PERMISSIONS.read);
    return {
      endpoint: '/api/v1/integration/posts',
      header: 'x-api-key',
      scope: 'posts:write',
      maxBatch: MAX_PUSH_BATCH,
      idempotency: 'source + externalId',
    };
  });
  // Files up to 5 M characters (Chinese text is ~3 bytes a character) whatever the general body limit.
  const importBodyLimit = Math.max(deps.config.bodyLimitBytes, 16 * 1024 * 1024);
  app.post(
    `${base}/imports/jobs`,
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags,
        summary: '文件导入（后台任务）Import a file as a job',
        body: ZImportJobRequest,
        response: { 202: z.object({ id: z.uuid(), total: z.number() }) },
      },
    },
    async (req, reply) => {
      const job = await startImport(deps, actorOf(req), req.body);
      // Runs after the answer; the import-resume job picks it up if this process dies (or this run fails to claim it).
      setImmediate(() => void runImportJob(deps, job.id).catch(() => {}));
      return reply.status(202).send(job);
    },
  );
  app.get(`${base}/imports/jobs`, { schema: { tags, summary: '导入记录 Recent imports' } }, async (req) => listImportJobs(deps, actorOf(req)));
  app.get(
    `${base}/imports/jobs/:id`,
    { schema: { tags, summary: '导入进度与错误行 Import progress and report', params: ZId, response: { 200: ZImportJob } } },
    async (req) => getImportJob(deps, actorOf(req), req.params.id),
  );
  app.post(
    `${base}/imports/jobs/:id/resume`,
    { schema: { tags, summary: '继续中断的导入 Resume an import whose worker died', params: ZId, response: { 202: z.object({ id: z.uuid() }) } } },
    async (req, reply) => {
      await getImportJob(deps, actorOf(req), req.params.id);
      const job = await claimImportJob(deps, req.params.id);
      if (!job) throw new AppError('CONFLICT', [{ field: 'id', issue: 'import_not_resumable', message: 'finished, or its worker is alive' }]);
      setImmediate(() => void processImportJob(deps, job).catch(() => {}));
      return reply.status(202).send({ id: job.id });
    },
  );
};
