import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import { listPushableContent } from '../../../education/index.ts';
import type { TPushInput } from '../../contract.ts';
import { OUTREACH_PERMISSIONS } from '../policy.ts';

/** The portal path a push links to; the content must exist and be public. */
export const linkPathFor = async (db: Executor, kind: TPushInput['contentKind'], ref: string | undefined): Promise<string | null> => {
  if (kind === 'notice') return null;
  if (!ref) throw new AppError('VALIDATION_FAILED', [{ field: 'body.contentRef', issue: 'required' }]);
  if (kind === 'risk_alert') {
    const a = await db.selectFrom('outreach_risk_alerts').select('id').where('id', '=', ref).where('status', '=', 'published').executeTakeFirst();
    if (!a) throw new AppError('OUTREACH_CONTENT_NOT_FOUND');
    return `/portal/risk-alerts/${a.id}`;
  }
  if (kind === 'event') {
    const e = await db.selectFrom('outreach_event_invites').select('public_path').where('event_id', '=', ref).executeTakeFirst();
    if (!e) throw new AppError('OUTREACH_CONTENT_NOT_FOUND');
    return e.public_path;
  }
  const [c] = await listPushableContent(db, { kind, id: ref, limit: 1 });
  if (!c) throw new AppError('OUTREACH_CONTENT_NOT_FOUND');
  return c.publicPath;
};

/** A push is a draft until started (now, or at `scheduledAt` by the outreach.resume sweep). */
export const createPush = async (deps: ModuleDeps, actor: Actor, input: TPushInput): Promise<{ id: string }> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.push);
  const seg = await deps.db.selectFrom('outreach_segments').select(['id', 'org_path']).where('id', '=', input.segmentId).executeTakeFirst();
  assertInScope(actor, seg);
  const linkPath = await linkPathFor(deps.db, input.contentKind, input.contentRef);
  const id = newId();
  const scheduled = input.scheduledAt ? new Date(input.scheduledAt) : null;
  if (scheduled && scheduled.getTime() < deps.clock.now().getTime() - 60_000)
    throw new AppError('VALIDATION_FAILED', [{ field: 'body.scheduledAt', issue: 'in_the_past' }]);
  return inTransaction(deps, actor, async (uow) => {
    await uow.tx
      .insertInto('outreach_pushes')
      .values({
        id,
        title: input.title,
        body: input.body,
        content_kind: input.contentKind,
        content_ref: input.contentRef ?? null,
        link_path: linkPath,
        segment_id: input.segmentId,
        channels: [...new Set(input.channels)],
        status: scheduled ? 'scheduled' : 'draft',
        scheduled_at: scheduled,
        recipients: 0,
        org_id: actor.orgId,
        org_path: actor.orgPath,
        created_by: actor.username,
      })
      .execute();
    await uow.audit({ action: 'outreach.push.create', targetType: 'outreach_push', targetId: id, after: { title: input.title, channels: input.channels } });
    await uow.emit('outreach.push_created', { pushId: id });
    return { id };
  });
};
