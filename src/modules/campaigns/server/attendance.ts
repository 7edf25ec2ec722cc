import type { UnitOfWork } from '../../../platform/db/unit-of-work.ts';
import { mask } from '../../../platform/pii/mask.ts';
import type { TCheckInResult } from '../contract.ts';
import { iso } from './campaign-store.ts';

type Reg = { id: string; name: string; phone: string; walk_in: boolean };
type Ev = { id: string; campaign_id: string; title: string; org_id: string };

/** Marks a person present: the audit record and `campaigns.attendance_recorded` go out in the caller's transaction. */
export const recordAttendance = async (uow: UnitOfWork, ev: Ev, reg: Reg, at: Date): Promise<TCheckInResult> => {
  await uow.tx
    .updateTable('cmp_registrations')
    .set({ status: 'checked_in', checked_in_at: at, checked_in_by: uow.actor.username })
    .where('id', '=', reg.id)
    .execute();
  await uow.audit({
    action: reg.walk_in ? 'campaign.walk_in' : 'campaign.checked_in',
    targetType: 'campaign_event',
    targetId: ev.id,
    note: { registrationId: reg.id, walkIn: reg.walk_in },
  });
  await uow.emit('campaigns.attendance_recorded', {
    eventId: ev.id,
    campaignId: ev.campaign_id,
    eventTitle: ev.title,
    orgId: ev.org_id,
    phone: reg.phone,
    name: reg.name,
    walkIn: reg.walk_in,
    checkedInAt: iso(at),
  });
  return {
    registrationId: reg.id,
    eventId: ev.id,
    eventTitle: ev.title,
    name: reg.name,
    phoneMasked: mask('phone', reg.phone) ?? '',
    walkIn: reg.walk_in,
    checkedInAt: iso(at),
  };
};
