import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { authorize } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { factsOf, loadEvent } from '../campaign-store.ts';
import { assertAllowedNow, eventPolicy } from '../policy.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const IMAGE_EXT = new Map([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
]);

const cleanName = (raw: string, ext: string): string => {
  const base = raw
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()
    ?.replace(/\.[A-Za-z0-9]{1,8}$/, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*`$;&'{}[\]]/g, '')
    .trim()
    .slice(0, 60);
  return `${base || 'photo'}.${ext}`;
};

/** An event photo; the type comes from the bytes (file-type), never from the name or the client. */
export const uploadEventPhoto = async (deps: ModuleDeps, actor: Actor, eventId: string, fileName: string, caption: string, bytes: Buffer) => {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', [{ field: 'body', issue: 'empty_file' }]);
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('CAMPAIGN_PHOTO_INVALID', [{ field: 'body', issue: 'too_large' }]);
  const type = await fileTypeFromBuffer(bytes);
  const ext = type ? IMAGE_EXT.get(type.mime) : undefined;
  if (!type || !ext) throw new AppError('CAMPAIGN_PHOTO_INVALID', [{ field: 'body', issue: 'not_an_image', message: type?.mime ?? 'unknown' }]);
  const id = newId();
  const name = cleanName(fileName, ext);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await inTransaction(deps, actor, async (uow) => {
    const e = await loadEvent(uow.tx, actor, eventId);
    assertAllowedNow(actor, 'photo', factsOf(e));
    authorize(eventPolicy, 'photo', actor, factsOf(e));
    await uow.tx
      .insertInto('cmp_photos')
      .values({
        id,
        event_id: eventId,
        name,
        mime: type.mime,
        size: bytes.length,
        sha256,
        caption,
        content: bytes,
        uploaded_by: actor.username,
        org_path: e.org_path,
      })
      .execute();
    await uow.audit({
      action: 'campaign.photo_added',
      targetType: 'campaign_event',
      targetId: eventId,
      note: { photoId: id, name, mime: type.mime, size: bytes.length, sha256 },
    });
  });
  return { id, name, mime: type.mime, size: bytes.length };
};

export const readEventPhoto = async (deps: ModuleDeps, actor: Actor, eventId: string, photoId: string) => {
  await loadEvent(deps.db, actor, eventId);
  const p = await deps.db.selectFrom('cmp_photos').selectAll().where('id', '=', photoId).where('event_id', '=', eventId).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND');
  return p;
};
