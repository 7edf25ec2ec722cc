import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import { requirePermission } from '../../../kernel/policy.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import { inScope } from '../../../platform/scope.ts';
import { listPushableContent } from '../../education/index.ts';
import { listOrgRefs } from '../../identity/index.ts';
import {
  ZChannel,
  ZChannelSettings,
  ZCustomer,
  ZCustomerInput,
  ZImportRequest,
  ZImportStatus,
  ZPolicySettings,
  ZPushInput,
  ZPushReport,
  ZRiskAlert,
  ZRiskAlertInput,
  ZRule,
  ZSegmentInput,
  ZSegmentPreview,
} from '../contract.ts';
import { outreachJobs } from './jobs.ts';
import { OUTREACH_PERMISSIONS } from './policy.ts';
import { listCustomers } from './queries/customers.ts';
import { evaluateSegment } from './queries/evaluate-segment.ts';
import { listPushes, listSegments, pushReport } from './queries/push-report.ts';
import { alertEffect, getRiskAlert, listRiskAlerts } from './queries/risk-alerts.ts';
import { getChannelSettings, getPolicySettings, saveSetting } from './settings.ts';
import { createPush } from './use-cases/create-push.ts';
import { getImportStatus, startCustomerImport } from './use-cases/import-customers.ts';
import { createCustomer, revealCustomer, setConsents } from './use-cases/manage-customers.ts';
import { archiveRiskAlert, createRiskAlert, reviewRiskAlert, submitRiskAlert, updateRiskAlert } from './use-cases/manage-risk-alert.ts';
import { saveSegment } from './use-cases/save-segment.ts';
import { startPush } from './use-cases/start-push.ts';

const tags = ['outreach 触达'];
const ZId = z.strictObject({ id: z.uuid() });
const actorOf = (req: { actor: Actor | null }) => req.actor as Actor;
const P = OUTREACH_PERMISSIONS;

/** Staff routes: customers and imports, segments with live count, pushes with report, risk alerts with 消保审查, settings. */
export const registerOutreachRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  app.get(
    '/api/v1/outreach/customers',
    {
      schema: {
        tags,
        summary: '客户名录（脱敏） Customers (masked)',
        querystring: z.strictObject({
          q: z.string().trim().max(40).optional(),
          ageBand: z.string().max(10).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(ZCustomer), total: z.number() }) },
      },
    },
    async (req) => listCustomers(deps.db, actorOf(req), req.query),
  );
  app.post(
    '/api/v1/outreach/customers',
    { schema: { tags, summary: '新增客户 Add a customer', body: ZCustomerInput, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => reply.status(201).send(await createCustomer(deps, actorOf(req), req.body)),
  );
  app.post(
    '/api/v1/outreach/customers/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看完整信息（留痕） Reveal (audited)',
        params: ZId,
        body: z.strictObject({ reason: z.string().trim().min(2).max(200) }),
        response: { 200: ZCustomer },
      },
    },
    async (req) => revealCustomer(deps, actorOf(req), req.params.id, req.body.reason),
  );
  app.put(
    '/api/v1/outreach/customers/:id/consents',
    { schema: { tags, summary: '授权渠道 Consents', params: ZId, body: z.strictObject({ consents: z.array(ZChannel).max(4) }) } },
    async (req) => {
      await setConsents(deps, actorOf(req), req.params.id, req.body.consents);
      return { ok: true };
    },
  );
  app.post(
    '/api/v1/outreach/imports',
    { bodyLimit: 16 * 1024 * 1024, schema: { tags, summary: '导入客户 CSV/XLSX Import', body: ZImportRequest, response: { 202: z.object({ id: z.uuid() }) } } },
    async (req, reply) => reply.status(202).send(await startCustomerImport(deps, actorOf(req), req.body)),
  );
  app.get(
    '/api/v1/outreach/imports/:id',
    { schema: { tags, summary: '导入进度与错误 Import progress', params: ZId, response: { 200: ZImportStatus } } },
    async (req) => getImportStatus(deps, actorOf(req), req.params.id),
  );

  app.get('/api/v1/outreach/segments', { schema: { tags, summary: '客户分群 Segments' } }, async (req) => ({
    items: await listSegments(deps.db, actorOf(req)),
  }));
  app.post(
    '/api/v1/outreach/segments/preview',
    { schema: { tags, summary: '实时人数与样本 Live count and sample', body: z.strictObject({ rule: ZRule }), response: { 200: ZSegmentPreview } } },
    async (req) => {
      requirePermission(actorOf(req), P.read);
      return evaluateSegment(deps.db, actorOf(req), req.body.rule, deps.clock.now());
    },
  );
  app.post('/api/v1/outreach/segments', { schema: { tags, summary: '新建分群 New segment', body: ZSegmentInput } }, async (req, reply) =>
    reply.status(201).send(await saveSegment(deps, actorOf(req), req.body)),
  );
  app.put('/api/v1/outreach/segments/:id', { schema: { tags, summary: '修改分群 Update segment', params: ZId, body: ZSegmentInput } }, async (req) =>
    saveSegment(deps, actorOf(req), req.body, req.params.id),
  );
  app.get(
    '/api/v1/outreach/segments/:id/preview',
    { schema: { tags, summary: '分群实时人数 Live count', params: ZId, response: { 200: ZSegmentPreview } } },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, P.read);
      const seg = await deps.db.selectFrom('outreach_segments').select(['rule']).where('id', '=', req.params.id).where(inScope(actor)).executeTakeFirst();
      if (!seg) throw new (await import('../../../kernel/errors.ts')).AppError('OUT_OF_SCOPE');
      return evaluateSegment(deps.db, actor, ZRule.parse(seg.rule), deps.clock.now());
    },
  );

  app.get('/api/v1/outreach/pushes', { schema: { tags, summary: '推送 Pushes' } }, async (req) => ({ items: await listPushes(deps.db, actorOf(req)) }));
  app.post(
    '/api/v1/outreach/pushes',
    { schema: { tags, summary: '新建推送 New push', body: ZPushInput, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => reply.status(201).send(await createPush(deps, actorOf(req), req.body)),
  );
  app.post(
    '/api/v1/outreach/pushes/:id/start',
    {
      schema: {
        tags,
        summary: '开始推送 Start',
        params: ZId,
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ queued: z.number(), skipped: z.number() }) },
      },
    },
    async (req) => startPush(deps, actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/outreach/pushes/:id/resume',
    { schema: { tags, summary: '恢复投递（崩溃后） Resume after a crash', params: ZId, body: z.strictObject({}).optional() } },
    async (req) => {
      requirePermission(actorOf(req), P.push);
      await pushReport(deps.db, actorOf(req), req.params.id);
      await deps.jobs.send(outreachJobs(deps).deliver, { pushId: req.params.id });
      return { ok: true };
    },
  );
  app.get(
    '/api/v1/outreach/pushes/:id/report',
    { schema: { tags, summary: '推送报告 Delivery report', params: ZId, response: { 200: ZPushReport } } },
    async (req) => pushReport(deps.db, actorOf(req), req.params.id),
  );
  app.get('/api/v1/outreach/content', { schema: { tags, summary: '可推送内容 Pushable content' } }, async (req) => {
    const actor = actorOf(req);
    requirePermission(actor, P.read);
    const [edu, events, alerts] = await Promise.all([
      listPushableContent(deps.db, { limit: 100 }),
      deps.db
        .selectFrom('outreach_event_invites')
        .select(['event_id', 'title', 'public_path'])
        .where(inScope(actor))
        .orderBy('starts_at', 'desc')
        .limit(50)
        .execute(),
      deps.db.selectFrom('outreach_risk_alerts').select(['id', 'title']).where('status', '=', 'published').orderBy('published_at', 'desc').limit(50).execute(),
    ]);
    return {
      items: [
        ...alerts.map((a) => ({ kind: 'risk_alert', id: a.id, title: a.title })),
        ...events.map((e) => ({ kind: 'event', id: e.event_id, title: e.title })),
        ...edu.map((c) => ({ kind: c.kind, id: c.id, title: c.title })),
      ],
    };
  });
  app.get('/api/v1/outreach/orgs', { schema: { tags, summary: '可选机构 Orgs for rules' } }, async (req) => {
    const actor = actorOf(req);
    requirePermission(actor, P.read);
    const orgs = await listOrgRefs(deps.db);
    return { items: orgs.filter((o) => o.path.startsWith(actor.orgPath) && o.type !== 'department') };
  });

  app.get('/api/v1/outreach/settings', { schema: { tags, summary: '渠道与策略 Settings' } }, async (req) => {
    requirePermission(actorOf(req), P.settings);
    const ch = await getChannelSettings(deps.db, deps.config);
    // Secrets never leave the server.
    return {
      policy: await getPolicySettings(deps.db),
      channels: {
        email: ch.email ? { ...ch.email, smtpUrl: ch.email.smtpUrl.replace(/\/\/[^@/]*@/, '//***@') } : null,
        sms: ch.sms ? { url: ch.sms.url, ratePerMinute: ch.sms.ratePerMinute, hasApiKey: Boolean(ch.sms.apiKey) } : null,
        wechat: ch.wechat
          ? { apiBase: ch.wechat.apiBase, appId: ch.wechat.appId, templateId: ch.wechat.templateId, ratePerMinute: ch.wechat.ratePerMinute }
          : null,
      },
    };
  });
  app.put(
    '/api/v1/outreach/settings',
    {
      schema: {
        tags,
        summary: '保存渠道与策略 Save settings',
        body: z.strictObject({ policy: ZPolicySettings.optional(), channels: ZChannelSettings.optional() }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, P.settings);
      await inTransaction(deps, actor, async (uow) => {
        if (req.body.policy) await saveSetting(uow.tx, 'policy', req.body.policy);
        if (req.body.channels) await saveSetting(uow.tx, 'channels', req.body.channels);
        await uow.audit({ action: 'outreach.settings.update', targetType: 'outreach_settings', note: { keys: Object.keys(req.body).join(',') } });
      });
      return { ok: true };
    },
  );

  app.get('/api/v1/outreach/alerts', { schema: { tags, summary: '风险提示 Risk alerts' } }, async (req) => ({
    items: await listRiskAlerts(deps.db, actorOf(req)),
  }));
  app.post(
    '/api/v1/outreach/alerts',
    { schema: { tags, summary: '撰写风险提示 New risk alert', body: ZRiskAlertInput, response: { 201: ZRiskAlert } } },
    async (req, reply) => {
      const { id } = await createRiskAlert(deps, actorOf(req), req.body);
      return reply.status(201).send(await getRiskAlert(deps.db, actorOf(req), id));
    },
  );
  app.get('/api/v1/outreach/alerts/:id', { schema: { tags, summary: '风险提示详情 Risk alert', params: ZId, response: { 200: ZRiskAlert } } }, async (req) =>
    getRiskAlert(deps.db, actorOf(req), req.params.id),
  );
  app.put(
    '/api/v1/outreach/alerts/:id',
    { schema: { tags, summary: '修改 Edit', params: ZId, body: ZRiskAlertInput, response: { 200: ZRiskAlert } } },
    async (req) => {
      await updateRiskAlert(deps, actorOf(req), req.params.id, req.body);
      return getRiskAlert(deps.db, actorOf(req), req.params.id);
    },
  );
  const alertAction = <S extends z.ZodType>(path: string, summary: string, body: S, run: (a: Actor, id: string, b: z.infer<S>) => Promise<unknown>) =>
    app.post(`/api/v1/outreach/alerts/:id/${path}`, { schema: { tags, summary, params: ZId, body, response: { 200: ZRiskAlert } } }, async (req) => {
      const id = (req.params as { id: string }).id;
      await run(actorOf(req), id, req.body as z.infer<S>);
      return getRiskAlert(deps.db, actorOf(req), id);
    });
  alertAction('submit', '提交消保审查 Submit for review', z.strictObject({}), (a, id) => submitRiskAlert(deps, a, id));
  alertAction('review', '消保审查 Review', z.strictObject({ approve: z.boolean(), comment: z.string().trim().max(500).optional() }), (a, id, b) =>
    reviewRiskAlert(deps, a, id, b.approve, b.comment),
  );
  alertAction('archive', '下线 Archive', z.strictObject({}), (a, id) => archiveRiskAlert(deps, a, id));
  app.get('/api/v1/outreach/alerts/:id/effect', { schema: { tags, summary: '发布前后投诉趋势 Effect', params: ZId } }, async (req) =>
    alertEffect(deps.db, actorOf(req), req.params.id),
  );
};
