import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { IdentityDeps } from '../deps.ts';

/** Moves the session to another org the user is a member of (its roles and scope apply from then on). */
export const switchOrg = async (deps: IdentityDeps, actor: Actor, sessionId: string, orgId: string): Promise<void> => {
  const membership = await deps.db
    .selectFrom('memberships')
    .select('org_id')
    .where('user_id', '=', actor.userId ?? '')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!membership) throw new AppError('FORBIDDEN', [{ field: 'body.orgId', issue: 'not_a_member' }]);
  await inTransaction(deps, actor, async ({ tx, audit }) => {
    await tx.updateTable('sessions').set({ active_org_id: orgId }).where('id', '=', sessionId).execute();
    await audit({ action: 'auth.org_switched', targetType: 'org', targetId: orgId, note: { from: actor.orgId } });
  });
};
