import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { runContentAction } from '../content-store.ts';
import type { VideoMeta } from '../db/tables.ts';

export type MediaRole = 'video' | 'poster' | 'subtitles';

/** Short videos only (消保小剧场): a few minutes of 720p fit well under this. */
export const MAX_VIDEO_BYTES = 50 * 1024 * 1024;
const LIMITS: Record<MediaRole, number> = { video: MAX_VIDEO_BYTES, poster: 2 * 1024 * 1024, subtitles: 200 * 1024 };
/** What the bytes are decides, never the file name or the Content-Type the client sent. */
const ALLOWED: Record<Exclude<MediaRole, 'subtitles'>, string[]> = {
  video: ['video/mp4', 'video/webm'],
  poster: ['image/jpeg', 'image/png', 'image/webp'],
};

export const mediaUrlOf = (id: string) => `/api/v1/public/edu/media/${id}`;
export const subtitlesUrlOf = (contentId: string) => `/api/v1/public/edu/contents/${contentId}/subtitles.vtt`;

/** WebVTT: UTF-8 text whose first line is `WEBVTT` (optionally after a BOM), with at least one cue timing line. */
export const parseWebVtt = (bytes: Buffer): string => {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ field: 'body', issue: 'not_utf8' }]);
  if (!/^WEBVTT(?:[ \t][^\n]*)?\r?\n/.test(`${text}\n`)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ field: 'body', issue: 'not_webvtt' }]);
  if (!/\d{2}:\d{2}(?::\d{2})?\.\d{3}\s+-->\s+\d{2}:\d{2}(?::\d{2})?\.\d{3}/.test(text))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ field: 'body', issue: 'webvtt_without_cues' }]);
  return text;
};

const emptyMeta = (): VideoMeta => ({ durationSec: 60, mediaUrl: null, posterUrl: null, subtitles: null, keyPoints: [] });

/**
 * Attaches a video file, a poster or WebVTT subtitles to a short-video record. The same people who
 * may edit the record may upload (policy `edit`); the upload is audited with its size and sha256.
 */
export const uploadMedia = async (deps: ModuleDeps, actor: Actor, contentId: string, role: MediaRole, bytes: Buffer) => {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', [{ field: 'body', issue: 'empty_file' }]);
  if (bytes.length > LIMITS[role]) throw new AppError('PAYLOAD_TOO_LARGE', [{ field: 'body', issue: `max_${LIMITS[role]}_bytes` }]);
  let mime = 'text/vtt';
  let subtitles: string | null = null;
  if (role === 'subtitles') subtitles = parseWebVtt(bytes);
  else {
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !ALLOWED[role].includes(type.mime))
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ field: 'body', issue: `not_${ALLOWED[role].join('_or_')}`, message: type?.mime ?? 'unknown' }]);
    mime = type.mime;
  }
  const id = newId();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await runContentAction(deps, actor, contentId, 'edit', async ({ tx, row, audit }) => {
    if (row.kind !== 'video') throw new AppError('EDU_INVALID_STATE', [{ issue: 'not_a_video_record' }]);
    const meta = { ...emptyMeta(), ...((row.video as VideoMeta | null) ?? {}) };
    if (role === 'subtitles') meta.subtitles = subtitles;
    else {
      await tx
        .insertInto('edu_media')
        .values({
          id,
          content_id: contentId,
          role,
          mime,
          size: bytes.length,
          sha256,
          bytes,
          org_id: row.org_id,
          org_path: row.org_path,
          created_by: actor.username,
        })
        .execute();
      if (role === 'video') meta.mediaUrl = mediaUrlOf(id);
      else meta.posterUrl = mediaUrlOf(id);
    }
    await audit({
      action: `edu.media.${role}`,
      targetType: 'edu_content',
      targetId: contentId,
      note: { mediaId: role === 'subtitles' ? null : id, mime, size: bytes.length, sha256 },
    });
    return { video: JSON.stringify(meta) };
  });
  return { id: role === 'subtitles' ? null : id, role, mime, size: bytes.length, sha256 };
};
