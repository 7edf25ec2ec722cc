import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import { requirePermission } from '../../../kernel/policy.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import { findStaffCovering } from '../../identity/index.ts';
import { ZAction, ZCode, ZComplaintDetail, ZComplaintListQuery, ZComplaintSummary, ZRegisterComplaint, ZSavedView, ZSaveView } from '../contract.ts';
import { loadCase } from './complaint-store.ts';
import { COMPLAINT_PERMISSIONS } from './policy.ts';
import { exportComplaints, XLSX_TYPE } from './queries/export-complaints.ts';
import { exportRegulatoryReport } from './queries/export-regulatory-report.ts';
import { getComplaint } from './queries/get-complaint.ts';
import { getRegulatoryReport } from './queries/get-regulatory-report.ts';
import { getComplaintStats } from './queries/get-stats.ts';
import { listComplaints } from './queries/list-complaints.ts';
import { listViews } from './queries/list-views.ts';
import { renderDecisionNotice } from './queries/render-decision-notice.ts';
import { acceptComplaint } from './use-cases/accept-complaint.ts';
import { addNewFacts } from './use-cases/add-new-facts.ts';
import { attachEvidence, MAX_ATTACHMENT_BYTES, readEvidence } from './use-cases/attach-evidence.ts';
import { closeComplaint, mergeComplaint, withdrawComplaint } from './use-cases/close-complaint.ts';
import { acceptHandover, decideExtension, decideNotAccepted, declineHandover } from './use-cases/decide-request.ts';
import { draftDecision, reviewDecision, submitForReview } from './use-cases/draft-decision.ts';
import { pauseComplaint, resumeComplaint } from './use-cases/pause-complaint.ts';
import { recordNotice } from './use-cases/record-notice.ts';
import { registerComplaint } from './use-cases/register-complaint.ts';
import { requestExtension } from './use-cases/request-extension.ts';
import { requestHandover } from './use-cases/request-handover.ts';
import { requestNotAccepted } from './use-cases/request-not-accepted.ts';
import { deleteView, saveView } from './use-cases/save-view.ts';

const tags = ['complaints 投诉'];
const ZId = z.strictObject({ id: z.uuid() });
const actorOf = (req: { actor: Actor | null }) => req.actor as Actor;

/** Staff routes: register, search, the case page and every action on a case. */
export const registerComplaintRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  app.post(
    '/api/v1/complaints',
    {
      schema: {
        tags,
        summary: '登记投诉 Register a complaint',
        body: ZRegisterComplaint,
        response: { 201: z.object({ id: z.uuid(), trackingCode: z.string(), deadline: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await registerComplaint(deps, actorOf(req), req.body)),
  );
  app.get(
    '/api/v1/complaints',
    {
      schema: {
        tags,
        summary: '投诉列表/检索 List and search',
        querystring: ZComplaintListQuery,
        response: { 200: z.object({ items: z.array(ZComplaintSummary), total: z.number(), totalCapped: z.boolean() }) },
      },
    },
    async (req) => listComplaints(deps, actorOf(req), req.query),
  );
  app.get(
    '/api/v1/complaints/export',
    {
      schema: {
        tags,
        summary: '导出 CSV/XLSX Export (masked; full names and phones only with complaint.reveal_pii and a reason, audited)',
        querystring: ZComplaintListQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv'), revealReason: z.string().trim().min(2).max(200).optional() }),
      },
    },
    async (req, reply) => {
      const { format, revealReason, ...q } = req.query;
      const file = await exportComplaints(deps, actorOf(req), q, { format, revealReason });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="complaints-${new Date().toISOString().slice(0, 10)}.${file.extension}"`)
        .send(file.body);
    },
  );
  app.get(
    '/api/v1/complaints/views',
    { schema: { tags, summary: '保存的视图 Saved search views', response: { 200: z.object({ items: z.array(ZSavedView) }) } } },
    async (req) => ({ items: await listViews(deps, actorOf(req)) }),
  );
  app.post(
    '/api/v1/complaints/views',
    { schema: { tags, summary: '保存视图 Save a search view', body: ZSaveView, response: { 201: ZSavedView } } },
    async (req, reply) => reply.status(201).send(await saveView(deps, actorOf(req), req.body)),
  );
  app.delete('/api/v1/complaints/views/:id', { schema: { tags, summary: '删除视图 Delete a saved view', params: ZId } }, async (req, reply) => {
    await deleteView(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });
  app.get(
    '/api/v1/complaints/codes',
    { schema: { tags, summary: 'JR/T 0169 编码 Codebook', response: { 200: z.object({ items: z.array(ZCode) }) } } },
    async (req) => {
      requirePermission(actorOf(req), COMPLAINT_PERMISSIONS.read);
      const rows = await deps.db.selectFrom('complaint_codes').selectAll().where('active', '=', true).orderBy('sort').execute();
      return {
        items: rows.map((r) => ({ dimension: r.dimension, code: r.code, nameZh: r.name_zh, nameEn: r.name_en, parent: r.parent, verified: r.verified })),
      };
    },
  );
  app.get(
    '/api/v1/complaints/stats',
    { schema: { tags, summary: '统计 Statistics', querystring: z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() }) } },
    async (req) => getComplaintStats(deps, actorOf(req), req.query),
  );
  app.get('/api/v1/complaints/:id', { schema: { tags, summary: '案件详情 Case page', params: ZId, response: { 200: ZComplaintDetail } } }, async (req) =>
    getComplaint(deps, actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/complaints/:id/handlers',
    {
      schema: {
        tags,
        summary: '可移交人员 Eligible handlers',
        params: ZId,
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }) },
      },
    },
    async (req) => {
      const row = await loadCase(deps.db, actorOf(req), req.params.id, false);
      const staff = [...(await findStaffCovering(deps.db, row.org_path, 'complaint_handler')), ...(await findStaffCovering(deps.db, row.org_path, 'cp_admin'))];
      const seen = new Set<string>();
      return { items: staff.filter((s) => !seen.has(s.id) && seen.add(s.id) && s.id !== actorOf(req).userId).map((s) => ({ id: s.id, name: s.displayName })) };
    },
  );

  app.get(
    '/api/v1/complaints/stats/regulatory',
    {
      schema: {
        tags,
        summary: '监管统计表（季度）/年度披露 Regulatory table (quarter) or annual disclosure',
        querystring: z.strictObject({
          year: z.coerce.number().int().min(2000).max(2100),
          quarter: z.coerce.number().int().min(1).max(4).optional(),
          personalCustomers: z.coerce.number().int().min(1).max(2_000_000_000).default(3_000_000),
        }),
      },
    },
    async (req) => getRegulatoryReport(deps, actorOf(req), { year: req.query.year, quarter: req.query.quarter }, req.query.personalCustomers),
  );

  app.get(
    '/api/v1/complaints/stats/regulatory/export',
    {
      schema: {
        tags,
        summary: '监管统计表导出 XLSX Regulatory table as XLSX (audited)',
        querystring: z.strictObject({
          year: z.coerce.number().int().min(2000).max(2100),
          quarter: z.coerce.number().int().min(1).max(4).optional(),
          personalCustomers: z.coerce.number().int().min(1).max(2_000_000_000).default(3_000_000),
        }),
      },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="regulatory-${req.query.year}${req.query.quarter ? `-q${req.query.quarter}` : ''}.xlsx"`)
        .send(await exportRegulatoryReport(deps, actorOf(req), { year: req.query.year, quarter: req.query.quarter }, req.query.personalCustomers)),
  );

  app.get(
    '/api/v1/complaints/:id/decision-notice',
    { schema: { tags, summary: '处理意见告知书（可打印）Printable decision notice', params: ZId } },
    async (req, reply) => reply.type('text/html; charset=utf-8').send(await renderDecisionNotice(deps, actorOf(req), req.params.id)),
  );

  // Evidence upload: the raw file as the body; what it is comes from its bytes, not its name.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_req, body, done) => done(null, body));
  app.post(
    '/api/v1/complaints/:id/attachments',
    {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        tags,
        summary: '上传证据 Upload evidence (PDF/JPEG/PNG/MP3/MP4/DOCX, ≤ 10 MB, raw body)',
        params: ZId,
        headers: z.object({ 'x-file-name': z.string().min(1).max(400) }).passthrough(),
        response: { 201: z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number(), sha256: z.string() }) },
      },
    },
    async (req, reply) => {
      let name = req.headers['x-file-name'] as string;
      try {
        name = decodeURIComponent(name);
      } catch {}
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      return reply.status(201).send(await attachEvidence(deps, actorOf(req), req.params.id, name, req.body));
    },
  );
  app.get(
    '/api/v1/complaints/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载证据（留痕）Download evidence (audited)', params: z.strictObject({ id: z.uuid(), attachmentId: z.uuid() }) } },
    async (req, reply) => {
      const a = await readEvidence(deps, actorOf(req), req.params.id, req.params.attachmentId);
      return reply
        .type(a.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(a.content);
    },
  );

  const action = <S extends z.ZodType>(path: string, summary: string, body: S, run: (actor: Actor, id: string, b: z.infer<S>) => Promise<unknown>) =>
    app.post(`/api/v1/complaints/:id/${path}`, { schema: { tags, summary, params: ZId, body, response: { 200: ZComplaintDetail } } }, async (req) => {
      const actor = actorOf(req);
      await run(actor, (req.params as { id: string }).id, req.body as z.infer<S>);
      return getComplaint(deps, actor, (req.params as { id: string }).id);
    });

  action('accept', '受理 Accept', ZAction.accept, (a, id, b) => acceptComplaint(deps, a, id, b.note));
  action('not-accept', '申请不予受理 Request not-accepted', ZAction.notAccept, (a, id, b) => requestNotAccepted(deps, a, id, b.reason, b.explanation));
  action('not-accept/decide', '审批不予受理 Decide not-accepted', ZAction.decide, (a, id, b) => decideNotAccepted(deps, a, id, b.approve, b.comment));
  action('handover', '移交 Hand over', ZAction.handover, (a, id, b) => requestHandover(deps, a, id, b.toUserId, b.reason));
  action('handover/accept', '接收移交 Accept hand-over', z.strictObject({}), (a, id) => acceptHandover(deps, a, id));
  action('handover/decline', '拒绝移交 Decline hand-over', z.strictObject({ comment: z.string().max(500).optional() }), (a, id, b) =>
    declineHandover(deps, a, id, b.comment),
  );
  action('extension', '申请延期 Request extension', ZAction.requestExtension, (a, id, b) => requestExtension(deps, a, id, b.limitDays, b.reason));
  action('extension/decide', '审批延期 Decide extension', ZAction.decide, (a, id, b) => decideExtension(deps, a, id, b.approve, b.comment));
  action('pause', '中止计时 Pause', ZAction.pause, (a, id, b) => pauseComplaint(deps, a, id, b.reason, b.note));
  action('resume', '恢复计时 Resume', ZAction.resume, (a, id, b) => resumeComplaint(deps, a, id, b.note));
  action('new-facts', '新事实重新计时 New facts', ZAction.newFacts, (a, id, b) => addNewFacts(deps, a, id, b.facts));
  action('decision', '拟定处理意见 Draft decision', ZAction.draftDecision, (a, id, b) => draftDecision(deps, a, id, b));
  action('review/submit', '提交复核 Submit for review', z.strictObject({}), (a, id) => submitForReview(deps, a, id));
  action('review', '质量复核 Review', ZAction.review, (a, id, b) => reviewDecision(deps, a, id, b.approve, b.comment));
  action('notices', '登记告知凭证 Record a notice', ZAction.notice, (a, id, b) => recordNotice(deps, a, id, b));
  action('close', '办结 Close', ZAction.close, (a, id, b) => closeComplaint(deps, a, id, b));
  action('withdraw', '撤回 Withdraw', ZAction.withdraw, (a, id, b) => withdrawComplaint(deps, a, id, b.note));
  action('merge', '合并 Merge', ZAction.merge, (a, id, b) => mergeComplaint(deps, a, id, b.intoTrackingCode));
};
