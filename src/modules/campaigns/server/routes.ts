import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import {
  ZAssist,
  ZAssistInput,
  ZCampaignDetail,
  ZCampaignInput,
  ZCampaignSummary,
  ZCheckInInput,
  ZCheckInResult,
  ZEventDetail,
  ZEventInput,
  ZEventSummary,
  ZReach,
  ZReachQuery,
  ZRegistration,
  ZRegistrationInput,
  ZReportInput,
  ZRevealInput,
} from '../contract.ts';
import { listAssists } from './queries/assists.ts';
import { getCampaign, listCampaigns } from './queries/campaigns.ts';
import { getEvent, listEvents, listRegistrations } from './queries/events.ts';
import { exportCampaign } from './queries/export-campaign.ts';
import { exportReach } from './queries/export-reach.ts';
import { getReach } from './queries/reach.ts';
import { changeEventStatus } from './use-cases/change-event-status.ts';
import { checkIn } from './use-cases/check-in.ts';
import { createCampaign, updateCampaign } from './use-cases/create-campaign.ts';
import { createEvent } from './use-cases/create-event.ts';
import { completeFollowUp, recordAssist } from './use-cases/record-assist.ts';
import { registerForEvent } from './use-cases/register-for-event.ts';
import { registerWalkIn } from './use-cases/register-walk-in.ts';
import { revealPhone } from './use-cases/reveal-phone.ts';
import { saveEventReport } from './use-cases/save-event-report.ts';
import { MAX_PHOTO_BYTES, readEventPhoto, uploadEventPhoto } from './use-cases/upload-event-photo.ts';

const tags = ['campaigns 宣传活动'];
const ZId = z.strictObject({ id: z.uuid() });
const ZCreated = z.object({ id: z.uuid() });
const ZRevealed = z.object({ field: z.literal('phone'), value: z.string() });
const actorOf = (req: { actor: Actor | null }) => req.actor as Actor;

/** Staff routes: campaigns and goals, events, registrations, the door (check-in, walk-ins), reports, photos, assistance, reach. */
export const registerCampaignRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  app.get(
    '/api/v1/campaigns',
    {
      schema: {
        tags,
        summary: '宣传活动 Campaigns',
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.object({ items: z.array(ZCampaignSummary) }) },
      },
    },
    async (req) => listCampaigns(deps.db, actorOf(req), req.query),
  );
  app.post('/api/v1/campaigns', { schema: { tags, summary: '新建活动 New campaign', body: ZCampaignInput, response: { 201: ZCreated } } }, async (req, reply) =>
    reply.status(201).send(await createCampaign(deps, actorOf(req), req.body)),
  );
  app.get(
    '/api/v1/campaigns/:id',
    { schema: { tags, summary: '活动详情（目标与成效）Campaign, goals vs results', params: ZId, response: { 200: ZCampaignDetail } } },
    async (req) => getCampaign(deps.db, actorOf(req), req.params.id),
  );
  app.put(
    '/api/v1/campaigns/:id',
    { schema: { tags, summary: '修改活动 Edit campaign', params: ZId, body: ZCampaignInput, response: { 200: ZCampaignDetail } } },
    async (req) => {
      await updateCampaign(deps, actorOf(req), req.params.id, req.body);
      return getCampaign(deps.db, actorOf(req), req.params.id);
    },
  );
  app.get(
    '/api/v1/campaigns/:id/export',
    {
      schema: {
        tags,
        summary: '导出成效（留痕）Export results (audited)',
        params: ZId,
        querystring: z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (req, reply) => {
      const { body, fileName } = await exportCampaign(deps, actorOf(req), req.params.id, req.query.format);
      const type = req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
    },
  );
  app.post(
    '/api/v1/campaigns/:id/events',
    { schema: { tags, summary: '新建场次 New event (draft)', params: ZId, body: ZEventInput, response: { 201: ZCreated } } },
    async (req, reply) => reply.status(201).send(await createEvent(deps, actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/campaigns/events',
    {
      schema: {
        tags,
        summary: '我的场次 Events in scope',
        querystring: z.strictObject({ campaignId: z.uuid().optional(), from: z.iso.datetime({ offset: true }).optional() }),
        response: { 200: z.object({ items: z.array(ZEventSummary) }) },
      },
    },
    async (req) => listEvents(deps.db, actorOf(req), req.query),
  );
  app.get('/api/v1/campaigns/events/:id', { schema: { tags, summary: '场次详情 Event', params: ZId, response: { 200: ZEventDetail } } }, async (req) =>
    getEvent(deps.db, actorOf(req), req.params.id),
  );
  for (const action of ['publish', 'close', 'cancel'] as const)
    app.post(
      `/api/v1/campaigns/events/:id/${action}`,
      {
        schema: {
          tags,
          summary: { publish: '发布（开放报名）Publish', close: '截止报名 Close registration', cancel: '取消 Cancel' }[action],
          params: ZId,
          response: { 200: ZEventDetail },
        },
      },
      async (req) => {
        const id = (req.params as { id: string }).id;
        await changeEventStatus(deps, actorOf(req), id, action);
        return getEvent(deps.db, actorOf(req), id);
      },
    );
  app.get(
    '/api/v1/campaigns/events/:id/registrations',
    {
      schema: {
        tags,
        summary: '报名与签到名单（手机号脱敏）Attendees (phones masked)',
        params: ZId,
        querystring: z.strictObject({ status: z.enum(['registered', 'checked_in']).optional() }),
        response: { 200: z.object({ items: z.array(ZRegistration) }) },
      },
    },
    async (req) => listRegistrations(deps.db, actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/campaigns/events/:id/registrations',
    {
      schema: {
        tags,
        summary: '代客报名 Register someone (staff)',
        params: ZId,
        body: ZRegistrationInput,
        response: { 201: z.object({ registrationId: z.string(), code: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await registerForEvent(deps, actorOf(req), req.params.id, req.body, 'staff')),
  );
  app.post(
    '/api/v1/campaigns/events/:id/walk-ins',
    { schema: { tags, summary: '现场登记并签到 Walk-in', params: ZId, body: ZRegistrationInput, response: { 201: ZCheckInResult } } },
    async (req, reply) => reply.status(201).send(await registerWalkIn(deps, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/campaigns/check-ins',
    { schema: { tags, summary: '扫码签到 Check in with a scanned code or URL', body: ZCheckInInput, response: { 200: ZCheckInResult } } },
    async (req) => checkIn(deps, actorOf(req), req.body.code, req.body.eventId),
  );
  app.put(
    '/api/v1/campaigns/events/:id/report',
    { schema: { tags, summary: '活动简报 Short report', params: ZId, body: ZReportInput, response: { 200: ZEventDetail } } },
    async (req) => {
      await saveEventReport(deps, actorOf(req), req.params.id, req.body);
      return getEvent(deps.db, actorOf(req), req.params.id);
    },
  );

  // Photos: the raw image as the body (the octet-stream parser is shared with complaint evidence).
  if (!app.hasContentTypeParser('application/octet-stream'))
    app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES * 2 }, (_req, body, done) => done(null, body));
  app.post(
    '/api/v1/campaigns/events/:id/photos',
    {
      bodyLimit: MAX_PHOTO_BYTES * 2,
      schema: {
        tags,
        summary: '上传活动照片 Upload a photo (JPEG/PNG/WebP ≤ 5 MB, raw body)',
        params: ZId,
        headers: z.object({ 'x-file-name': z.string().min(1).max(400), 'x-caption': z.string().max(400).optional() }).passthrough(),
        response: { 201: z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number() }) },
      },
    },
    async (req, reply) => {
      const decode = (v: unknown) => {
        try {
          return decodeURIComponent(String(v ?? ''));
        } catch {
          return String(v ?? '');
        }
      };
      if (!Buffer.isBuffer(req.body)) throw new AppError('CAMPAIGN_PHOTO_INVALID', [{ field: 'body', issue: 'not_raw_bytes' }]);
      const caption = decode(req.headers['x-caption']).slice(0, 100);
      return reply.status(201).send(await uploadEventPhoto(deps, actorOf(req), req.params.id, decode(req.headers['x-file-name']), caption, req.body));
    },
  );
  app.get(
    '/api/v1/campaigns/events/:id/photos/:photoId',
    { schema: { tags, summary: '活动照片 Photo', params: z.strictObject({ id: z.uuid(), photoId: z.uuid() }) } },
    async (req, reply) => {
      const p = await readEventPhoto(deps, actorOf(req), req.params.id, req.params.photoId);
      return reply.type(p.mime).header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=3600').send(p.content);
    },
  );

  app.post(
    '/api/v1/campaigns/registrations/:id/reveal',
    { schema: { tags, summary: '查看完整手机号（留痕）Reveal a phone (audited)', params: ZId, body: ZRevealInput, response: { 200: ZRevealed } } },
    async (req) => revealPhone(deps, actorOf(req), 'registration', req.params.id, req.body.reason),
  );
  app.get(
    '/api/v1/campaigns/assists',
    {
      schema: {
        tags,
        summary: '一对一帮扶记录 Assistance records',
        querystring: z.strictObject({ open: z.stringbool().optional(), eventId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(ZAssist) }) },
      },
    },
    async (req) => listAssists(deps.db, actorOf(req), req.query),
  );
  app.post(
    '/api/v1/campaigns/assists',
    { schema: { tags, summary: '记录帮扶 Record assistance', body: ZAssistInput, response: { 201: ZCreated } } },
    async (req, reply) => reply.status(201).send(await recordAssist(deps, actorOf(req), req.body)),
  );
  app.post(
    '/api/v1/campaigns/assists/:id/complete',
    { schema: { tags, summary: '完成回访 Follow-up done', params: ZId, body: z.strictObject({ note: z.string().trim().min(1).max(500) }) } },
    async (req) => {
      await completeFollowUp(deps, actorOf(req), req.params.id, req.body.note);
      return { ok: true };
    },
  );
  app.post(
    '/api/v1/campaigns/assists/:id/reveal',
    { schema: { tags, summary: '查看完整手机号（留痕）Reveal a phone (audited)', params: ZId, body: ZRevealInput, response: { 200: ZRevealed } } },
    async (req) => revealPhone(deps, actorOf(req), 'assist', req.params.id, req.body.reason),
  );
  app.get(
    '/api/v1/campaigns/reach',
    { schema: { tags, summary: '触达分析 Reach by audience, outlet and channel', querystring: ZReachQuery, response: { 200: ZReach } } },
    async (req) => getReach(deps.db, actorOf(req), req.query),
  );
  app.get(
    '/api/v1/campaigns/reach/export',
    {
      schema: {
        tags,
        summary: '导出触达分析（留痕）Export reach (audited)',
        querystring: ZReachQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const { body, fileName } = await exportReach(deps, actorOf(req), filter, format);
      const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
    },
  );
};
