import type { Actor } from '../../../../kernel/actor.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { runContentAction } from '../content-store.ts';

/** Author (or a colleague) sends the current version to 消保审查. */
export const submitContent = (deps: ModuleDeps, actor: Actor, id: string) =>
  runContentAction(deps, actor, id, 'submit', async () => ({ status: 'in_review', review_comment: null }));

/** A reviewer other than the author approves (publishes this version) or returns it with comments. */
export const reviewContent = (deps: ModuleDeps, actor: Actor, id: string, approve: boolean, comment?: string) =>
  runContentAction(deps, actor, id, 'review', async ({ tx, row, now }) => {
    await tx
      .updateTable('edu_content_versions')
      .set({ note: approve ? `approved by ${actor.username}` : `returned by ${actor.username}` })
      .where('content_id', '=', id)
      .where('version', '=', row.version)
      .execute();
    const who = { reviewer_id: actor.userId, reviewer_name: actor.username, review_comment: comment ?? null };
    return approve ? { ...who, status: 'published', published_version: row.version, published_at: now } : { ...who, status: 'draft' };
  });

/** Takes published content off the portal; versions and audit stay. */
export const archiveContent = (deps: ModuleDeps, actor: Actor, id: string) =>
  runContentAction(deps, actor, id, 'archive', async () => ({ status: 'archived' }));
