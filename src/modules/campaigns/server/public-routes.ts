import { z } from 'zod';
import { systemActor } from '../../../kernel/actor.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import { ZConfirmation, ZPublicEvent, ZRegistrationInput } from '../contract.ts';
import { getConfirmation, getPublicEvent, listPublicEvents } from './queries/public-events.ts';
import { registerForEvent } from './use-cases/register-for-event.ts';

const tags = ['public 公众'];
const ZId = z.strictObject({ id: z.uuid() });
const minute = 60_000;

/** The portal's event pages: browse published events, register (no sign-in), see the confirmation again. */
export const registerPublicCampaignRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  const perMinute = deps.config.rateLimitPerMinute;
  const read = { public: true, rateLimit: { max: perMinute, timeWindow: minute } };
  const write = { public: true, rateLimit: { max: Math.max(10, Math.floor(perMinute / 5)), timeWindow: minute } };

  app.get(
    '/api/v1/public/campaigns/events',
    { config: read, schema: { tags, summary: '近期活动 Upcoming events', response: { 200: z.object({ items: z.array(ZPublicEvent) }) } } },
    async () => listPublicEvents(deps.db, deps.clock.now()),
  );
  app.get(
    '/api/v1/public/campaigns/events/:id',
    { config: read, schema: { tags, summary: '活动详情 Event', params: ZId, response: { 200: ZPublicEvent } } },
    async (req) => getPublicEvent(deps.db, req.params.id, deps.clock.now()),
  );
  app.post(
    '/api/v1/public/campaigns/events/:id/registrations',
    {
      config: write,
      schema: {
        tags,
        summary: '活动报名 Register (answers the confirmation with its QR code)',
        params: ZId,
        body: ZRegistrationInput,
        response: { 201: ZConfirmation },
      },
    },
    async (req, reply) => {
      const actor = { ...systemActor(req.id), username: 'public-portal', ip: req.ip };
      const { code } = await registerForEvent(deps, actor, req.params.id, req.body, 'portal');
      return reply.status(201).send(await getConfirmation(deps.db, code, deps.config.publicUrl, deps.clock.now()));
    },
  );
  app.get(
    '/api/v1/public/campaigns/registrations/:code',
    {
      config: read,
      schema: { tags, summary: '报名凭证 Confirmation', params: z.strictObject({ code: z.string().min(1).max(40) }), response: { 200: ZConfirmation } },
    },
    async (req) => getConfirmation(deps.db, req.params.code, deps.config.publicUrl, deps.clock.now()),
  );
};
