import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { searchComplaintRefs } from '../../../complaints/index.ts';
import { runIncidentAction } from '../incident-store.ts';

/** Links a complaint on the same topic (which the actor may see) to the incident. */
export const linkComplaint = async (deps: ModuleDeps, actor: Actor, incidentId: string, complaintId: string): Promise<void> => {
  const [ref] = await searchComplaintRefs(deps.db, actor, { ids: [complaintId] });
  if (!ref) throw new AppError('VALIDATION_FAILED', [{ field: 'body.complaintId', issue: 'unknown_or_out_of_scope' }]);
  await runIncidentAction(deps, actor, incidentId, 'link_complaint', async (_i, uow, now) => {
    const ins = await uow.tx
      .insertInto('monitor_incident_complaints')
      .values({
        incident_id: incidentId,
        complaint_id: ref.id,
        tracking_code: ref.trackingCode,
        title: ref.title,
        linked_by_name: actor.username,
        linked_at: now,
      })
      .onConflict((oc) => oc.columns(['incident_id', 'complaint_id']).doNothing())
      .returning('complaint_id')
      .executeTakeFirst();
    if (!ins) throw new AppError('CONFLICT', [{ field: 'body.complaintId', issue: 'already_linked' }]);
    return { data: { complaintId: ref.id, trackingCode: ref.trackingCode }, result: undefined };
  });
};
