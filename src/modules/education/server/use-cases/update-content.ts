import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TContentInput } from '../../contract.ts';
import { runContentAction, searchDocOf } from '../content-store.ts';
import { sanitizeContentHtml } from '../domain/sanitize.ts';

/**
 * Saves a new version. Editing published content starts a new draft; the published version stays
 * on the portal until the new one passes review. `expectedVersion` stops lost updates.
 */
export const updateContent = (deps: ModuleDeps, actor: Actor, id: string, input: Omit<TContentInput, 'kind'> & { expectedVersion: number }) =>
  runContentAction(deps, actor, id, 'edit', async ({ tx, row }) => {
    if (row.version !== input.expectedVersion) throw new AppError('EDU_STALE_VERSION', [{ field: 'body.expectedVersion', issue: `current_${row.version}` }]);
    const version = row.version + 1;
    const fields = { title: input.title, summary: input.summary, body_html: sanitizeContentHtml(input.bodyHtml), tags: input.tags };
    await tx
      .insertInto('edu_content_versions')
      .values({ content_id: id, version, ...fields, saved_by: actor.username, note: 'edited' })
      .execute();
    return { ...fields, ...searchDocOf(fields), audiences: input.audiences, video: JSON.stringify(input.video), version, status: 'draft' };
  });
