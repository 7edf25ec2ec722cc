import { AppError } from '../../../../kernel/errors.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { STATUS_LABELS } from '../../contract.ts';

/** Status for the complainant: needs the tracking code and the phone's last four digits; a wrong pair is a plain 404. */
export const trackPublicComplaint = async (deps: ModuleDeps, trackingCode: string, phoneLast4: string) => {
  const c = await deps.db
    .selectFrom('complaints')
    .select(['id', 'tracking_code', 'status', 'deadline', 'received_at', 'phone'])
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirst();
  if (!c?.phone.endsWith(phoneLast4)) throw new AppError('NOT_FOUND');
  const notices = await deps.db
    .selectFrom('complaint_notices')
    .select(['kind', 'method', 'sent_at'])
    .where('complaint_id', '=', c.id)
    .orderBy('sent_at')
    .execute();
  return {
    trackingCode: c.tracking_code,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    receivedAt: c.received_at.toISOString(),
    deadline: c.deadline,
    notices: notices.map((n) => ({ kind: n.kind, method: n.method, sentAt: n.sent_at.toISOString() })),
  };
};
