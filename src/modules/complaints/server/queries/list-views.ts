import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TSavedView } from '../../contract.ts';
import { COMPLAINT_PERMISSIONS } from '../policy.ts';

/** The user's own views, then colleagues' shared ones (filters are applied in the viewer's own scope). */
export const listViews = async (deps: ModuleDeps, actor: Actor): Promise<TSavedView[]> => {
  requirePermission(actor, COMPLAINT_PERMISSIONS.read);
  const me = actor.userId ?? '00000000-0000-0000-0000-000000000000';
  const rows = await deps.db
    .selectFrom('complaint_saved_views')
    .selectAll()
    .where((eb) => eb.or([eb('owner_id', '=', me), eb('shared', '=', true)]))
    .orderBy('name')
    .limit(200)
    .execute();
  return rows
    .map((r) => ({ id: r.id, name: r.name, filters: r.filters, shared: r.shared, ownerName: r.owner_name, isMine: r.owner_id === me }))
    .sort((a, b) => Number(b.isMine) - Number(a.isMine));
};
