import type { Actor } from '../../../../kernel/actor.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { IdentityDeps } from '../deps.ts';

export const signOut = async (deps: IdentityDeps, actor: Actor, sessionId: string): Promise<void> => {
  await inTransaction(deps, actor, async ({ tx, audit }) => {
    await tx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await audit({ action: 'auth.logout', targetType: 'user', targetId: actor.userId });
  });
};
