import type { Actor } from '../../../../kernel/actor.ts';
import { authorize } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import type { IdentityDeps } from '../deps.ts';
import { userPolicy } from '../policy.ts';
import { loadUserTarget } from './load-user-target.ts';

export const unlockUser = async (deps: IdentityDeps, actor: Actor, userId: string): Promise<void> => {
  const user = await loadUserTarget(deps.db, userId, deps.clock.now());
  assertInScope(actor, user);
  authorize(userPolicy, 'unlock', actor, user);
  await inTransaction(deps, actor, async ({ tx, audit }) => {
    await tx.updateTable('users').set({ locked_until: null, failed_logins: 0 }).where('id', '=', userId).execute();
    await audit({ action: 'user.unlocked', targetType: 'user', targetId: userId, before: { locked_until: user.locked_until }, after: { locked_until: null } });
  });
};
