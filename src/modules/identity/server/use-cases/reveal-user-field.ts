import type { Actor } from '../../../../kernel/actor.ts';
import { authorize } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import type { IdentityDeps } from '../deps.ts';
import { userPolicy } from '../policy.ts';
import { loadUserTarget } from './load-user-target.ts';

/** Shows one masked personal field in full; the access itself, with its reason, is audited. */
export const revealUserField = async (deps: IdentityDeps, actor: Actor, userId: string, field: 'phone' | 'email', reason: string) => {
  const user = await loadUserTarget(deps.db, userId, deps.clock.now());
  assertInScope(actor, user);
  authorize(userPolicy, 'reveal', actor, user);
  await inTransaction(deps, actor, ({ audit }) => audit({ action: 'pii.revealed', targetType: 'user', targetId: userId, note: { field, reason } }));
  return { field, value: user[field] };
};
