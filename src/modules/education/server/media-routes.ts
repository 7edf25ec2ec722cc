import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import { requirePermission } from '../../../kernel/policy.ts';
import type { Db } from '../../../platform/db/schema.ts';
import { sendError } from '../../../platform/http/errors.ts';
import type { HttpApp, ModuleDeps } from '../../../platform/module.ts';
import { assertInScope } from '../../../platform/scope.ts';
import type { VideoMeta } from './db/tables.ts';
import { parseRange } from './domain/byte-range.ts';
import { EDU_PERMISSIONS } from './policy.ts';
import { MAX_VIDEO_BYTES, uploadMedia } from './use-cases/upload-media.ts';

const ZId = z.strictObject({ id: z.uuid() });
const minute = 60_000;
type MediaHead = { id: string; mime: string; size: number; sha256: string };

/** Streams one stored file with byte ranges, so a <video> can seek without downloading everything. */
const serve = async (db: Db, req: FastifyRequest, reply: FastifyReply, m: MediaHead) => {
  const etag = `"${m.sha256}"`;
  reply
    .header('accept-ranges', 'bytes')
    .header('etag', etag)
    .header('cache-control', 'public, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    .type(m.mime);
  // If-Range with a stale validator: the client's pieces are from another file; send it whole.
  const ifRange = req.headers['if-range'];
  const range = ifRange && ifRange !== etag ? undefined : req.headers.range;
  const r = parseRange(range, m.size);
  if (r.kind === 'unsatisfiable') return sendError(req, reply.header('content-range', `bytes */${m.size}`), new AppError('EDU_RANGE_NOT_SATISFIABLE'));
  const [start, end] = r.kind === 'partial' ? [r.start, r.end] : [0, m.size - 1];
  const row = await db
    .selectFrom('edu_media')
    .select(sql<Uint8Array>`substring(bytes from ${start + 1} for ${end - start + 1})`.as('chunk'))
    .where('id', '=', m.id)
    .executeTakeFirstOrThrow();
  const chunk = Buffer.from(row.chunk.buffer, row.chunk.byteOffset, row.chunk.byteLength);
  if (r.kind === 'partial') reply.status(206).header('content-range', `bytes ${start}-${end}/${m.size}`);
  return reply.header('content-length', chunk.length).send(chunk);
};

/** Upload (staff) and range streaming (portal) of short videos, posters and WebVTT subtitles. */
export const registerEducationMediaRoutes = (app: HttpApp, deps: ModuleDeps): void => {
  // Raw uploads: the body is the file. Its type comes from sniffing its bytes in uploadMedia.
  app.addContentTypeParser(
    ['video/mp4', 'video/webm', 'image/jpeg', 'image/png', 'image/webp', 'text/vtt'],
    { parseAs: 'buffer', bodyLimit: MAX_VIDEO_BYTES },
    (_r, body, done) => done(null, body),
  );
  app.put(
    '/api/v1/edu/contents/:id/media/:role',
    {
      bodyLimit: MAX_VIDEO_BYTES,
      schema: {
        tags: ['education 宣教'],
        summary: '上传短视频/封面/字幕 Upload a video (MP4/WebM ≤ 50 MB), poster (JPEG/PNG/WebP ≤ 2 MB) or WebVTT subtitles; raw body',
        params: z.strictObject({ id: z.uuid(), role: z.enum(['video', 'poster', 'subtitles']) }),
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ field: 'body', issue: 'raw_file_body_expected' }]);
      return uploadMedia(deps, req.actor as Actor, req.params.id, req.params.role, req.body);
    },
  );
  app.get('/api/v1/edu/media/:id', { schema: { tags: ['education 宣教'], summary: '预览媒体 Preview media (ranges)', params: ZId } }, async (req, reply) => {
    const actor = req.actor as Actor;
    requirePermission(actor, EDU_PERMISSIONS.read);
    const m = await deps.db.selectFrom('edu_media').select(['id', 'mime', 'size', 'sha256', 'org_path']).where('id', '=', req.params.id).executeTakeFirst();
    assertInScope(actor, m);
    return serve(deps.db, req, reply, m as MediaHead);
  });

  const read = { public: true, rateLimit: { max: deps.config.rateLimitPerMinute, timeWindow: minute } };
  app.get(
    '/api/v1/public/edu/media/:id',
    { config: read, schema: { tags: ['public 公众'], summary: '视频与封面（支持 Range）Video and poster, with HTTP ranges', params: ZId } },
    async (req, reply) => {
      // Only files of records that passed 消保审查 and are still published.
      const m = await deps.db
        .selectFrom('edu_media as m')
        .innerJoin('edu_contents as c', 'c.id', 'm.content_id')
        .select(['m.id', 'm.mime', 'm.size', 'm.sha256'])
        .where('m.id', '=', req.params.id)
        .where('c.published_version', 'is not', null)
        .where('c.status', '<>', 'archived')
        .executeTakeFirst();
      if (!m) throw new AppError('NOT_FOUND');
      return serve(deps.db, req, reply, m);
    },
  );
  app.get(
    '/api/v1/public/edu/contents/:id/subtitles.vtt',
    { config: read, schema: { tags: ['public 公众'], summary: '字幕 WebVTT subtitles', params: ZId } },
    async (req, reply) => {
      const c = await deps.db
        .selectFrom('edu_contents')
        .select('video')
        .where('id', '=', req.params.id)
        .where('published_version', 'is not', null)
        .where('status', '<>', 'archived')
        .executeTakeFirst();
      const vtt = (c?.video as VideoMeta | null | undefined)?.subtitles;
      if (!vtt) throw new AppError('NOT_FOUND');
      return reply.type('text/vtt; charset=utf-8').header('cache-control', 'public, max-age=300').send(vtt);
    },
  );
};
