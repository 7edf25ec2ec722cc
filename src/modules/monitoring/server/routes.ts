import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import { requirePermission } from '../../../kernel/policy.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import { searchComplaintRefs } from '../../complaints/index.ts';
import {
  GRADE_LABELS,
  INCIDENT_STATUS_LABELS,
  ZChannelInput,
  ZGradeRuleInput,
  ZImportRequest,
  ZIncidentAction,
  ZIngestResult,
  ZLinkComplaint,
  ZLinkedIncident,
  ZOpenIncident,
  ZPostListQuery,
  ZReferralInput,
  ZSourceInput,
  ZWatchlistInput,
} from '../contract.ts';
import { detectSpikes } from './alerts.ts';
import { pollSource } from './feeds.ts';
import { MONITORING_PERMISSIONS } from './policy.ts';
import { getDashboard } from './queries/get-dashboard.ts';
import { getIncident, incidentsForComplaint, listIncidents } from './queries/get-incident.ts';
import { listAlerts } from './queries/list-alerts.ts';
import { listPosts } from './queries/list-posts.ts';
import { listSources } from './queries/list-sources.ts';
import { acknowledgeAlert } from './use-cases/acknowledge-alert.ts';
import { actOnIncident } from './use-cases/act-on-incident.ts';
import { addReferral } from './use-cases/add-referral.ts';
import { createChannel } from './use-cases/create-channel.ts';
import { createGradeRule } from './use-cases/create-grade-rule.ts';
import { createSource } from './use-cases/create-source.ts';
import { createWatchlist } from './use-cases/create-watchlist.ts';
import { importPosts } from './use-cases/import-posts.ts';
import { linkComplaint } from './use-cases/link-complaint.ts';
import { openIncident } from './use-cases/open-incident.ts';

const tags = ['opinion 舆情'];
const ZId = z.strictObject({ id: z.uuid() });
const ZCreated = z.object({ id: z.uuid() });
const actorOf = (req: { actor: Actor | null }) => req.actor as Actor;
const P = MONITORING_PERMISSIONS;

/** Staff routes: sources, watchlists, rules, posts, dashboard, alerts and incidents. */
export const registerMonitoringRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  const base = '/api/v1/opinion';
  app.get(`${base}/sources`, { schema: { tags, summary: '信息源与健康 Sources and health' } }, async (req) => listSources(deps, actorOf(req)));
  app.post(
    `${base}/sources`,
    { schema: { tags, summary: '添加 RSS/Atom 源 Add a feed', body: ZSourceInput, response: { 201: ZCreated } } },
    async (req, reply) => reply.status(201).send(await createSource(deps, actorOf(req), req.body)),
  );
  app.post(`${base}/sources/:id/poll`, { schema: { tags, summary: '立即抓取 Poll now', params: ZId } }, async (req) => {
    requirePermission(actorOf(req), P.manage);
    const { items } = await listSources(deps, actorOf(req));
    if (!items.some((s) => s.id === req.params.id && s.kind === 'rss')) return { ok: false, accepted: 0, error: 'not_a_feed_in_scope' };
    return pollSource(deps, req.params.id, actorOf(req));
  });
  app.post(
    `${base}/watchlists`,
    { schema: { tags, summary: '新建监测方案 Create a watchlist', body: ZWatchlistInput, response: { 201: ZCreated } } },
    async (req, reply) => reply.status(201).send(await createWatchlist(deps, actorOf(req), req.body)),
  );
  app.post(
    `${base}/grade-rules`,
    { schema: { tags, summary: '新增分级规则 Add a grading rule', body: ZGradeRuleInput, response: { 201: ZCreated } } },
    async (req, reply) => reply.status(201).send(await createGradeRule(deps, actorOf(req), req.body)),
  );
  app.post(
    `${base}/channels`,
    { schema: { tags, summary: '预警推送渠道 Add a robot webhook', body: ZChannelInput, response: { 201: ZCreated } } },
    async (req, reply) => reply.status(201).send(await createChannel(deps, actorOf(req), req.body)),
  );
  app.post(
    `${base}/imports`,
    { schema: { tags, summary: '文件导入 Import CSV / JSON Lines', body: ZImportRequest, response: { 200: ZIngestResult } } },
    async (req) => importPosts(deps, actorOf(req), req.body),
  );
  app.get(`${base}/posts`, { schema: { tags, summary: '帖文 Posts', querystring: ZPostListQuery } }, async (req) => listPosts(deps, actorOf(req), req.query));
  app.get(
    `${base}/dashboard`,
    { schema: { tags, summary: '看板 Dashboard', querystring: z.strictObject({ days: z.coerce.number().int().min(1).max(30).default(7) }) } },
    async (req) => getDashboard(deps, actorOf(req), req.query.days),
  );
  app.post(`${base}/spike-check`, { schema: { tags, summary: '立即检测突增 Run spike detection now' } }, async (req) => {
    requirePermission(actorOf(req), P.manage);
    return { raised: await detectSpikes(deps) };
  });
  app.get(
    `${base}/alerts`,
    { schema: { tags, summary: '预警收件箱 Alert inbox', querystring: z.strictObject({ status: z.enum(['open', 'acknowledged']).optional() }) } },
    async (req) => listAlerts(deps, actorOf(req), req.query),
  );
  app.post(`${base}/alerts/:id/acknowledge`, { schema: { tags, summary: '确认预警 Acknowledge', params: ZId } }, async (req, reply) => {
    await acknowledgeAlert(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });
  app.get(
    `${base}/incidents`,
    { schema: { tags, summary: '舆情事件 Incidents', querystring: z.strictObject({ open: z.stringbool().optional() }) } },
    async (req) => listIncidents(deps, actorOf(req), req.query),
  );
  app.post(
    `${base}/incidents`,
    { schema: { tags, summary: '启动应急 Open an incident', body: ZOpenIncident, response: { 201: ZCreated } } },
    async (req, reply) => reply.status(201).send(await openIncident(deps, actorOf(req), req.body)),
  );
  app.get(`${base}/incidents/:id`, { schema: { tags, summary: '事件详情 Incident page', params: ZId } }, async (req) =>
    getIncident(deps, actorOf(req), req.params.id),
  );
  // For the complaint page: the incidents this complaint was linked to (the complaints module never reads our tables).
  app.get(
    `${base}/complaints/:id/incidents`,
    {
      schema: {
        tags,
        summary: '投诉关联的舆情事件 Incidents linked to a complaint',
        params: ZId,
        response: { 200: z.object({ items: z.array(ZLinkedIncident) }) },
      },
    },
    async (req) => {
      requirePermission(actorOf(req), P.read);
      const rows = await incidentsForComplaint(deps.db, actorOf(req), req.params.id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          grade: r.grade,
          gradeLabel: GRADE_LABELS[r.grade],
          status: r.status,
          statusLabel: INCIDENT_STATUS_LABELS[r.status],
        })),
      };
    },
  );
  app.post(`${base}/incidents/:id/actions`, { schema: { tags, summary: '事件处置 Act on an incident', params: ZId, body: ZIncidentAction } }, async (req) => {
    await actOnIncident(deps, actorOf(req), req.params.id, req.body);
    return getIncident(deps, actorOf(req), req.params.id);
  });
  app.post(
    `${base}/incidents/:id/referrals`,
    { schema: { tags, summary: '移送监管/公安 Referral', params: ZId, body: ZReferralInput, response: { 201: ZCreated } } },
    async (req, reply) => reply.status(201).send(await addReferral(deps, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    `${base}/incidents/:id/complaints`,
    { schema: { tags, summary: '关联投诉 Link a complaint', params: ZId, body: ZLinkComplaint } },
    async (req, reply) => {
      await linkComplaint(deps, actorOf(req), req.params.id, req.body.complaintId);
      return reply.status(204).send();
    },
  );
  app.get(
    `${base}/complaint-refs`,
    { schema: { tags, summary: '同主题投诉检索 Search complaints to link', querystring: z.strictObject({ q: z.string().trim().min(1).max(100) }) } },
    async (req) => {
      requirePermission(actorOf(req), P.respond);
      return { items: await searchComplaintRefs(deps.db, actorOf(req), { text: req.query.q }) };
    },
  );
};
