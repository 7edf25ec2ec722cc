import type { Actor } from '../../../../kernel/actor.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TContentInput } from '../../contract.ts';
import { searchDocOf } from '../content-store.ts';
import { sanitizeContentHtml } from '../domain/sanitize.ts';
import { EDU_PERMISSIONS } from '../policy.ts';

/** A new draft (version 1), sanitised on save, owned by the author's current org. */
export const createContent = (deps: ModuleDeps, actor: Actor, input: TContentInput): Promise<{ id: string }> => {
  requirePermission(actor, EDU_PERMISSIONS.edit);
  const id = newId();
  const body = sanitizeContentHtml(input.bodyHtml);
  return inTransaction(deps, actor, async (uow) => {
    const row = { title: input.title, summary: input.summary, body_html: body, tags: input.tags };
    await uow.tx
      .insertInto('edu_contents')
      .values({
        id,
        kind: input.kind,
        status: 'draft',
        ...row,
        audiences: input.audiences,
        video: JSON.stringify(input.video),
        version: 1,
        published_version: null,
        author_id: actor.userId,
        author_name: actor.username,
        reviewer_id: null,
        reviewer_name: null,
        review_comment: null,
        org_id: actor.orgId,
        org_path: actor.orgPath,
        ...searchDocOf(row),
      })
      .execute();
    await uow.tx
      .insertInto('edu_content_versions')
      .values({ content_id: id, version: 1, ...row, saved_by: actor.username, note: 'created' })
      .execute();
    await uow.audit({
      action: 'edu.content.create',
      targetType: 'edu_content',
      targetId: id,
      after: { title: input.title, kind: input.kind, tags: input.tags },
    });
    await uow.emit('education.content_created', { id });
    return { id };
  });
};
