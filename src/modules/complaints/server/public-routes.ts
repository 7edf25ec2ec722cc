import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import { findOrg } from '../../identity/index.ts';
import { ZPublicComplaint, ZPublicComplaintCreated, ZTrackResult } from '../contract.ts';
import { issueChallenge, verifyPow } from './pow.ts';
import { createComplaint } from './use-cases/create-complaint.ts';
import { DEFAULT_RECEIVING_ORG_CODE, filePublicComplaint } from './use-cases/file-public-complaint.ts';
import { trackPublicComplaint } from './use-cases/track-public-complaint.ts';

const tags = ['public 公众'];

/** Public filing and tracking (no login) and the integration API for external systems. */
export const registerPublicComplaintRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  const powOn = (process.env.PUBLIC_POW ?? 'on') !== 'off';

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
      const existing = await deps.db
        .selectFrom('complaint_idempotency as i')
        .innerJoin('complaints as c', 'c.id', 'i.complaint_id')
        .select(['i.request_hash', 'c.tracking_code', 'c.deadline'])
        .where('i.client', '=', actor.username)
        .where('i.key', '=', key)
        .executeTakeFirst();
      if (existing) {
        if (existing.request_hash !== hash) throw new AppError('CONFLICT', [{ field: 'headers.idempotency-key', issue: 'reused_with_different_body' }]);
        return reply.status(200).send({ trackingCode: existing.tracking_code, deadline: existing.deadline });
      }
      const { outletCode, receivedAt, ...body } = req.body;
      const org = (outletCode ? await findOrg(deps.db, { code: outletCode }) : null) ?? (await findOrg(deps.db, { code: DEFAULT_RECEIVING_ORG_CODE }));
      if (!org?.path.startsWith(actor.orgPath)) throw new AppError('VALIDATION_FAILED', [{ field: 'body.outletCode', issue: 'unknown_or_out_of_scope' }]);
      if (body.channel === 'regulator' && !body.regulatorTicket)
        throw new AppError('VALIDATION_FAILED', [{ field: 'body.regulatorTicket', issue: 'required_for_regulator_transfer' }]);
      const now = deps.clock.now();
      const create = () =>
        inTransaction(deps, actor, async (uow) => {
          const r = await createComplaint(
            uow,
            actor,
            { ...body, receivedAt: receivedAt ? new Date(receivedAt) : now, org, receivingOrgId: org.id, firstResponder: null },
            now,
          );
          // The key row is in the same transaction: a retried request can never create a second case.
          await uow.tx.insertInto('complaint_idempotency').values({ key, client: actor.username, complaint_id: r.id, request_hash: hash }).execute();
          return r;
        });
      try {
        const created = await create();
        return reply.status(201).send({ trackingCode: created.trackingCode, deadline: created.deadline });
      } catch (e) {
        // A concurrent request with the same key won the race: answer with its complaint.
        if ((e as { code?: string }).code !== '23505') throw e;
        const won = await deps.db
          .selectFrom('complaint_idempotency as i')
          .innerJoin('complaints as c', 'c.id', 'i.complaint_id')
          .select(['c.tracking_code', 'c.deadline'])
          .where('i.client', '=', actor.username)
          .where('i.key', '=', key)
          .executeTakeFirstOrThrow();
        return reply.status(200).send({ trackingCode: won.tracking_code, deadline: won.deadline });
      }
    },
  );
};
