import type { RoleCode } from '../../../kernel/actor.ts';
import { hasPermission, type Policy } from '../../../kernel/policy.ts';
import { isPathInScope } from '../../../platform/scope.ts';

export const OUTREACH_PERMISSIONS = {
  read: 'outreach.read',
  customers: 'outreach.customers',
  reveal: 'outreach.reveal',
  segment: 'outreach.segment',
  push: 'outreach.push',
  settings: 'outreach.settings',
  alertEdit: 'outreach.alert.edit',
  alertReview: 'outreach.alert.review',
} as const;
const P = OUTREACH_PERMISSIONS;

export const outreachGrants: Partial<Record<RoleCode, readonly string[]>> = {
  system_admin: Object.values(P),
  cp_admin: Object.values(P),
  complaint_handler: [P.read, P.segment, P.alertEdit],
  frontline_staff: [P.read, P.customers, P.alertEdit],
  inspector: [P.read],
  leadership: [P.read],
  auditor: [P.read],
};

export type AlertFacts = { status: string; org_path: string; author_id: string | null };

/** 消保审查 for risk alerts: the author submits, someone else with review rights approves or returns. */
export const alertPolicy: Policy<AlertFacts> = {
  edit: (a, r) => isPathInScope(a, r.org_path) && hasPermission(a, P.alertEdit) && r.status === 'draft',
  submit: (a, r) => isPathInScope(a, r.org_path) && hasPermission(a, P.alertEdit) && r.status === 'draft',
  review: (a, r) => isPathInScope(a, r.org_path) && hasPermission(a, P.alertReview) && r.status === 'in_review' && r.author_id !== a.userId,
  push: (a, r) => isPathInScope(a, r.org_path) && hasPermission(a, P.push) && r.status === 'published',
  archive: (a, r) => isPathInScope(a, r.org_path) && hasPermission(a, P.alertReview) && r.status === 'published',
};
