import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { appendEvent, loadCase } from '../complaint-store.ts';
import { COMPLAINT_PERMISSIONS } from '../policy.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What the bytes are, not what the name or the client claims (content sniffing only). */
const ALLOWED = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['audio/mpeg', 'mp3'],
  ['video/mp4', 'mp4'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
]);

/** A display name without paths, control characters or shell/HTML metacharacters, with the sniffed extension. */
export const sanitizeFileName = (raw: string, ext: string): string => {
  const base = raw
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()
    ?.replace(/\.[A-Za-z0-9]{1,8}$/, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*`$;&'{}[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${base || 'attachment'}.${ext}`;
};

export const attachEvidence = async (deps: ModuleDeps, actor: Actor, complaintId: string, fileName: string, bytes: Buffer) => {
  requirePermission(actor, COMPLAINT_PERMISSIONS.register);
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', [{ field: 'body', issue: 'empty_file' }]);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const type = await fileTypeFromBuffer(bytes);
  const ext = type ? ALLOWED.get(type.mime) : undefined;
  if (!type || !ext)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ field: 'body', issue: 'not_pdf_jpeg_png_mp3_mp4_docx', message: type?.mime ?? 'unknown' }]);
  const id = newId();
  const name = sanitizeFileName(fileName, ext);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await inTransaction(deps, actor, async ({ tx, audit }) => {
    await loadCase(tx, actor, complaintId);
    await tx
      .insertInto('complaint_attachments')
      .values({ id, complaint_id: complaintId, name, mime: type.mime, size: bytes.length, sha256, content: bytes, uploaded_by: actor.username })
      .execute();
    await appendEvent(tx, complaintId, actor, 'attachment_added', { id, name, mime: type.mime, size: bytes.length });
    await audit({
      action: 'complaint.attachment_added',
      targetType: 'complaint',
      targetId: complaintId,
      note: { attachmentId: id, name, mime: type.mime, size: bytes.length, sha256 },
    });
  });
  return { id, name, mime: type.mime, size: bytes.length, sha256 };
};

/** Downloading evidence is an access to personal data: scoped and audited. */
export const readEvidence = async (deps: ModuleDeps, actor: Actor, complaintId: string, attachmentId: string) => {
  return inTransaction(deps, actor, async ({ tx, audit }) => {
    await loadCase(tx, actor, complaintId, false);
    const a = await tx
      .selectFrom('complaint_attachments')
      .selectAll()
      .where('id', '=', attachmentId)
      .where('complaint_id', '=', complaintId)
      .executeTakeFirst();
    if (!a) throw new AppError('NOT_FOUND');
    await audit({ action: 'complaint.attachment_read', targetType: 'complaint', targetId: complaintId, note: { attachmentId } });
    return a;
  });
};
