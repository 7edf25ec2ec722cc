import { z } from 'zod';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import { ZRiskAlert } from '../contract.ts';
import { listPublishedAlerts } from './queries/risk-alerts.ts';
import { recordTracking, unsubscribe } from './use-cases/track-and-unsubscribe.ts';

const tags = ['public 公众'];
const minute = 60_000;
const ZToken = z.string().regex(/^[A-Za-z0-9_-]{4,200}\.[A-Za-z0-9_-]{32}$/);
// A 1×1 transparent GIF.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Portal risk alerts, signed unsubscribe links, e-mail open pixel and click redirect. */
export const registerPublicOutreachRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  const perMinute = deps.config.rateLimitPerMinute;
  const read = { public: true, rateLimit: { max: perMinute, timeWindow: minute } };
  const write = { public: true, rateLimit: { max: Math.max(10, Math.floor(perMinute / 5)), timeWindow: minute } };
  app.get(
    '/api/v1/public/outreach/alerts',
    { config: read, schema: { tags, summary: '风险提示 Risk alerts', response: { 200: z.object({ items: z.array(ZRiskAlert) }) } } },
    async () => ({
      items: await listPublishedAlerts(deps.db),
    }),
  );
  app.get(
    '/api/v1/public/outreach/alerts/:id',
    { config: read, schema: { tags, summary: '风险提示 Risk alert', params: z.strictObject({ id: z.uuid() }), response: { 200: ZRiskAlert } } },
    async (req) => {
      const [a] = await listPublishedAlerts(deps.db, req.params.id);
      if (!a) throw new (await import('../../../kernel/errors.ts')).AppError('NOT_FOUND');
      return a;
    },
  );
  app.post(
    '/api/v1/public/outreach/unsubscribe',
    {
      config: write,
      schema: {
        tags,
        summary: '退订 Unsubscribe',
        body: z.strictObject({ token: z.string().min(1).max(400) }),
        response: { 200: z.object({ channel: z.string() }) },
      },
    },
    async (req) => unsubscribe(deps, req.body.token),
  );
  app.get(
    '/api/v1/public/outreach/t/:token/open.gif',
    { config: read, schema: { tags, summary: '打开追踪 Open pixel', params: z.strictObject({ token: ZToken }) } },
    async (req, reply) => {
      await recordTracking(deps, req.params.token, 'open').catch(() => null);
      return reply.header('content-type', 'image/gif').header('cache-control', 'no-store').send(PIXEL);
    },
  );
  app.get(
    '/api/v1/public/outreach/t/:token/click',
    { config: read, schema: { tags, summary: '点击跳转 Click redirect', params: z.strictObject({ token: ZToken }) } },
    async (req, reply) => {
      // Only ever redirects to the push's own portal path, never to a URL from the request.
      const to = await recordTracking(deps, req.params.token, 'click');
      return reply.redirect(to ?? '/portal', 302);
    },
  );
};
