import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import { ZPublicComplaint, ZPublicComplaintCreated, ZTrackResult } from '../contract.ts';
import { createOrgCache } from './org-cache.ts';
import { issueChallenge, verifyPow } from './pow.ts';
import { DEFAULT_RECEIVING_ORG_CODE, filePublicComplaint } from './use-cases/file-public-complaint.ts';
import { createIntegrationIntake } from './use-cases/intake-integration-complaints.ts';
import { trackPublicComplaint } from './use-cases/track-public-complaint.ts';

const tags = ['public 公众'];

/** Public filing and tracking (no login) and the integration API for external systems. */
export const registerPublicComplaintRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  const powOn = (process.env.PUBLIC_POW ?? 'on') !== 'off';
  const orgByCode = createOrgCache(deps.db);
  const intake = createIntegrationIntake(deps);

  app.get(
    '/api/v1/public/pow',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '工作量证明挑战 Proof-of-work challenge',
        response: { 200: z.object({ challenge: z.string(), bits: z.number(), required: z.boolean() }) },
      },
    },
    async () => ({
      ...issueChallenge(deps.config.sessionSecret),
      required: powOn,
    }),
  );

  app.post(
    '/api/v1/public/complaints',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: 10 * 60_000 } },
      schema: { tags, summary: '在线投诉 File a complaint', body: ZPublicComplaint, response: { 201: ZPublicComplaintCreated } },
    },
    async (req, reply) => {
      if (powOn && (!req.body.pow || !verifyPow(deps.config.sessionSecret, req.body.pow.challenge, req.body.pow.nonce))) {
        throw new AppError('VALIDATION_FAILED', [{ field: 'body.pow', issue: 'proof_of_work_required' }]);
      }
      const { pow: _pow, ...input } = req.body;
      const r = await filePublicComplaint(deps, input, { ip: req.ip, requestId: req.id });
      return reply.status(201).send({ trackingCode: r.trackingCode, deadline: r.deadline });
    },
  );

  app.get(
    '/api/v1/public/complaints/:trackingCode',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: 10 * 60_000 } },
      schema: {
        tags,
        summary: '进度查询 Track a complaint',
        params: z.strictObject({ trackingCode: z.string().trim().max(40) }),
        querystring: z.strictObject({ phoneLast4: z.string().regex(/^\d{4}$/) }),
        response: { 200: ZTrackResult },
      },
    },
    async (req) => trackPublicComplaint(deps, req.params.trackingCode, req.query.phoneLast4),
  );

  app.post(
    '/api/v1/integration/complaints',
    {
      schema: {
        tags: ['integration 集成'],
        summary: '外部系统推送投诉 Push a complaint (API key, Idempotency-Key)',
        headers: z.object({ 'idempotency-key': z.string().min(8).max(128) }).passthrough(),
        body: ZPublicComplaint.omit({ pow: true }).extend({
          channel: z.enum(['phone', 'regulator', 'email', 'letter', 'app', 'web']),
          regulatorTicket: z.string().trim().max(64).optional(),
          receivedAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 201: ZPublicComplaintCreated, 200: ZPublicComplaintCreated },
      },
    },
    async (req, reply) => {
      const actor = req.actor as Actor;
      if (!req.apiScopes?.includes('complaints:write')) throw new AppError('FORBIDDEN', [{ issue: 'api_key_scope', message: 'complaints:write' }]);
      const key = req.headers['idempotency-key'] as string;
      const hash = createHash('sha256').update(JSON.stringify(req.body)).digest('hex');
      const { outletCode, receivedAt, ...body } = req.body;
      const org = (outletCode ? await orgByCode(outletCode) : null) ?? (await orgByCode(DEFAULT_RECEIVING_ORG_CODE));
      if (!org?.path.startsWith(actor.orgPath)) throw new AppError('VALIDATION_FAILED', [{ field: 'body.outletCode', issue: 'unknown_or_out_of_scope' }]);
      if (body.channel === 'regulator' && !body.regulatorTicket)
        throw new AppError('VALIDATION_FAILED', [{ field: 'body.regulatorTicket', issue: 'required_for_regulator_transfer' }]);
      const receivedAtDate = receivedAt ? new Date(receivedAt) : deps.clock.now();
      const r = await intake.submit({
        actor,
        key,
        hash,
        input: { ...body, receivedAt: receivedAtDate, org, receivingOrgId: org.id, firstResponder: null },
      });
      return reply.status(r.status).send({ trackingCode: r.trackingCode, deadline: r.deadline });
    },
  );
};
