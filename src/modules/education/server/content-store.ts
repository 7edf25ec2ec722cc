import type { Updateable } from 'kysely';
import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import { requirePermission } from '../../../kernel/policy.ts';
import type { Executor } from '../../../platform/db/schema.ts';
import { inTransaction, type UnitOfWork } from '../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { assertInScope } from '../../../platform/scope.ts';
import { buildSearchDocument } from '../../../platform/search/index.ts';
import type { EduContentsTable } from './db/tables.ts';
import { htmlToText } from './domain/sanitize.ts';
import { contentPolicy, EDU_PERMISSIONS } from './policy.ts';

const ACTION_PERMISSION = {
  edit: EDU_PERMISSIONS.edit,
  submit: EDU_PERMISSIONS.edit,
  review: EDU_PERMISSIONS.review,
  archive: EDU_PERMISSIONS.review,
} as const;

type Row = Awaited<ReturnType<typeof loadContentRow>>;

export const loadContentRow = async (db: Executor, id: string, forUpdate = false) => {
  let q = db.selectFrom('edu_contents').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
};

export const searchDocOf = (c: { title: string; summary: string; body_html: string; tags: string[] }) =>
  buildSearchDocument([c.title, c.summary, htmlToText(c.body_html), c.tags.join(' ')]);

/** Locks the content row, checks scope and the policy action, then runs the change with audit + event in one transaction. */
export const runContentAction = (
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  action: keyof typeof ACTION_PERMISSION,
  fn: (ctx: UnitOfWork & { row: NonNullable<Row>; now: Date }) => Promise<Updateable<EduContentsTable> | undefined>,
) =>
  inTransaction(deps, actor, async (uow) => {
    const row = await loadContentRow(uow.tx, id, true);
    assertInScope(actor, row);
    if (!row) throw new AppError('OUT_OF_SCOPE');
    if (!contentPolicy[action]?.(actor, row)) {
      requirePermission(actor, ACTION_PERMISSION[action]);
      if (action === 'review' && row.status === 'in_review' && row.author_id === actor.userId) throw new AppError('EDU_SELF_REVIEW');
      throw new AppError('EDU_INVALID_STATE', [{ issue: `status_${row.status}`, message: action }]);
    }
    const now = deps.clock.now();
    const patch = await fn({ ...uow, row, now });
    if (patch) {
      await uow.tx
        .updateTable('edu_contents')
        .set({ ...patch, updated_at: now })
        .where('id', '=', id)
        .execute();
    }
    await uow.audit({
      action: `edu.content.${action}`,
      targetType: 'edu_content',
      targetId: id,
      before: { status: row.status, version: row.version },
      after: patch
        ? { status: patch.status ?? row.status, version: patch.version ?? row.version, ...(patch.review_comment ? { comment: patch.review_comment } : {}) }
        : null,
    });
    await uow.emit(`education.content_${action}`, { id, status: patch?.status ?? row.status });
    return row;
  });
