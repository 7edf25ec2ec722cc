import { mask } from '../../../../platform/pii/mask.ts';
import type { TComplaintSummary } from '../../contract.ts';
import type { CaseRow } from '../case-action.ts';

/** The list view of a case: personal data always masked. */
export const presentSummary = (
  r: Pick<
    CaseRow,
    | 'id'
    | 'tracking_code'
    | 'channel'
    | 'status'
    | 'title'
    | 'complainant_name'
    | 'phone'
    | 'org_id'
    | 'owner_name'
    | 'business_category'
    | 'cause'
    | 'received_at'
    | 'deadline'
    | 'stage'
    | 'flags'
  >,
  orgName: string,
): TComplaintSummary => ({
  id: r.id,
  trackingCode: r.tracking_code,
  channel: r.channel,
  status: r.status,
  title: r.title,
  complainantNameMasked: mask('name', r.complainant_name) ?? '',
  phoneMasked: mask('phone', r.phone) ?? '',
  orgId: r.org_id,
  orgName,
  ownerName: r.owner_name,
  businessCategory: r.business_category,
  cause: r.cause,
  receivedAt: r.received_at.toISOString(),
  deadline: r.deadline,
  stage: r.stage as TComplaintSummary['stage'],
  flags: r.flags,
});
