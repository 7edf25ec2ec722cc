import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import { findOrg } from '../../../identity/index.ts';

/** The org a campaign or event belongs to: the one named (inside the actor's scope) or the actor's own. */
export const resolveOrg = async (db: Executor, actor: Actor, orgId: string | undefined, fallback: { id: string; path: string }) => {
  if (!orgId) return fallback;
  const org = await findOrg(db, { id: orgId });
  if (!org) throw new AppError('VALIDATION_FAILED', [{ field: 'body.orgId', issue: 'unknown_org' }]);
  assertInScope(actor, { org_path: org.path });
  return { id: org.id, path: org.path };
};
