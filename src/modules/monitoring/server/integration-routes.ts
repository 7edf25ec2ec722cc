import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import { ZIngestResult, ZPushBatch } from '../contract.ts';
import { ingestRaw } from './ingest.ts';

/**
 * Push API for a licensed data vendor or the bank's own collector (API key with posts:write).
 * Items are judged one by one: 202 with counts and a reason per rejected item. Idempotent on
 * (source, external id): a replayed batch counts as duplicates and changes nothing.
 */
export const registerIntegrationRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  app.post(
    '/api/v1/integration/posts',
    {
      schema: {
        tags: ['integration 集成'],
        summary: '推送舆情帖文 Push posts (API key, posts:write)',
        body: ZPushBatch,
        response: { 202: ZIngestResult },
      },
    },
    async (req, reply) => {
      if (!req.apiScopes?.includes('posts:write')) throw new AppError('FORBIDDEN', [{ issue: 'api_key_scope', message: 'posts:write' }]);
      const r = await ingestRaw(
        deps,
        req.actor as Actor,
        req.body.posts.map((item, index) => ({ index, item })),
        'push',
      );
      return reply.status(202).send(r);
    },
  );
  app.get(
    '/api/v1/integration/posts/limits',
    { schema: { tags: ['integration 集成'], summary: '推送限制 Push limits', response: { 200: z.object({ maxBatch: z.number() }) } } },
    async () => ({
      maxBatch: 500,
    }),
  );
};
