import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { userDisplayName } from '../../../identity/index.ts';
import type { TSavedView, ZSaveView } from '../../contract.ts';
import { COMPLAINT_PERMISSIONS } from '../policy.ts';

/** Saves the search filters under a name (per user; optionally shared with colleagues). Same name replaces. */
export const saveView = async (deps: ModuleDeps, actor: Actor, input: z.infer<typeof ZSaveView>): Promise<TSavedView> => {
  requirePermission(actor, COMPLAINT_PERMISSIONS.read);
  if (!actor.userId) throw new AppError('FORBIDDEN', [{ issue: 'users_only' }]);
  const userId = actor.userId;
  const ownerName = (await userDisplayName(deps.db, userId)) ?? actor.username;
  return inTransaction(deps, actor, async ({ tx, audit }) => {
    const row = await tx
      .insertInto('complaint_saved_views')
      .values({ id: newId(), owner_id: userId, owner_name: ownerName, name: input.name, filters: JSON.stringify(input.filters), shared: input.shared })
      .onConflict((oc) => oc.columns(['owner_id', 'name']).doUpdateSet((eb) => ({ filters: eb.ref('excluded.filters'), shared: eb.ref('excluded.shared') })))
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ action: 'complaint.view_saved', targetType: 'complaint_view', targetId: row.id, after: { name: row.name, shared: row.shared } });
    return { id: row.id, name: row.name, filters: row.filters, shared: row.shared, ownerName: row.owner_name, isMine: true };
  });
};

/** Deletes one of the user's own views; someone else's (even shared) is 404. */
export const deleteView = async (deps: ModuleDeps, actor: Actor, id: string): Promise<void> => {
  requirePermission(actor, COMPLAINT_PERMISSIONS.read);
  await inTransaction(deps, actor, async ({ tx, audit }) => {
    const gone = await tx
      .deleteFrom('complaint_saved_views')
      .where('id', '=', id)
      .where('owner_id', '=', actor.userId ?? '00000000-0000-0000-0000-000000000000')
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!gone) throw new AppError('NOT_FOUND');
    await audit({ action: 'complaint.view_deleted', targetType: 'complaint_view', targetId: id, before: { name: gone.name } });
  });
};
