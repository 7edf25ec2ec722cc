import type { Actor, RoleCode } from '../../../kernel/actor.ts';
import { hasPermission } from '../../../kernel/policy.ts';
import { isPathInScope } from '../../../platform/scope.ts';
import type { TIncidentStatus } from '../contract.ts';

export const MONITORING_PERMISSIONS = {
  read: 'opinion.read',
  manage: 'opinion.manage',
  respond: 'opinion.respond',
} as const;
const P = MONITORING_PERMISSIONS;

export const monitoringGrants: Partial<Record<RoleCode, readonly string[]>> = {
  system_admin: Object.values(P),
  cp_admin: Object.values(P),
  complaint_handler: [P.read, P.respond],
  leadership: [P.read],
  inspector: [P.read],
  auditor: [P.read],
};

export type IncidentFacts = { status: TIncidentStatus; org_path: string; decision: { verdict: string } | null; findings: unknown; response: unknown };

/** What the actor may do on an incident now (the UI shows exactly these; use cases enforce them). */
export const incidentActions = (actor: Actor, i: IncidentFacts): string[] => {
  if (!isPathInScope(actor, i.org_path) || !hasPermission(actor, P.read)) return [];
  const out = ['view'];
  if (!hasPermission(actor, P.respond) || i.status === 'closed') return out;
  out.push('complete_clock', 'add_referral', 'link_complaint');
  if (i.status === 'investigating') out.push('record_findings');
  if (i.status === 'investigating' && i.findings) out.push('decide');
  if (i.status === 'decided') out.push('publish_response');
  if (i.status === 'responded') out.push('start_watch');
  if (i.status === 'watching' || (i.status === 'decided' && i.decision?.verdict === 'no_action')) out.push('close');
  return out;
};
