import type { Actor, RoleCode } from '../../../kernel/actor.ts';
import { hasPermission } from '../../../kernel/policy.ts';
import { isPathInScope } from '../../../platform/scope.ts';
import { OPEN_STATUSES, type TStatus } from '../contract.ts';

export const COMPLAINT_PERMISSIONS = {
  read: 'complaint.read',
  register: 'complaint.register',
  handle: 'complaint.handle',
  approve: 'complaint.approve',
  review: 'complaint.review',
  stats: 'complaint.stats',
  codebook: 'complaint.codebook',
  /** Export lists with names and phones in full (with a stated reason, audited). */
  revealPii: 'complaint.reveal_pii',
} as const;
const P = COMPLAINT_PERMISSIONS;

export const complaintGrants: Partial<Record<RoleCode, readonly string[]>> = {
  system_admin: Object.values(P),
  cp_admin: Object.values(P),
  complaint_handler: [P.read, P.register, P.handle, P.stats],
  frontline_staff: [P.read, P.register],
  inspector: [P.read, P.stats],
  leadership: [P.read, P.stats],
  auditor: [P.read, P.stats],
};

export type CaseFacts = {
  status: TStatus;
  org_path: string;
  owner_id: string | null;
  flags: string[];
  decision: Record<string, unknown> | null;
  pendingHandoverTo: string | null;
  pendingExtension: { limitDays: number; requestedBy: string } | null;
  pendingNotAccepted: { requestedBy: string } | null;
  limitDays: number;
};

const OPEN: TStatus[] = [...OPEN_STATUSES];
const WORKING: TStatus[] = ['accepted', 'in_progress'];

/** Regulator transfers, major and group complaints must pass quality review before the decision goes out. */
export const needsReview = (c: Pick<CaseFacts, 'flags'>): boolean => c.flags.some((f) => f === 'regulator' || f === 'major' || f === 'group');

/** 60-day extensions need a higher-level organisation: an approver strictly above the case's org. */
export const isHigherLevel = (actor: Actor, orgPath: string): boolean =>
  actor.kind === 'system' || (orgPath.startsWith(actor.orgPath) && orgPath !== actor.orgPath);

/** Which actions the actor may take on this case now (the UI shows exactly these; use cases enforce them). */
export const complaintActions = (actor: Actor, c: CaseFacts): string[] => {
  if (!isPathInScope(actor, c.org_path) || !hasPermission(actor, P.read)) return [];
  const out: string[] = ['view'];
  const owner = actor.userId !== null && c.owner_id === actor.userId;
  const handler = hasPermission(actor, P.handle) && (owner || hasPermission(actor, P.approve));
  const may = (cond: boolean, name: string) => cond && out.push(name);
  may(c.status === 'registered' && (owner || handler), 'accept');
  may(c.status === 'registered' && (owner || handler) && !c.pendingNotAccepted, 'not_accept');
  may(!!c.pendingNotAccepted && hasPermission(actor, P.approve) && c.pendingNotAccepted.requestedBy !== actor.userId, 'decide_not_accepted');
  may(OPEN.includes(c.status) && owner && !c.pendingHandoverTo, 'handover');
  may(c.pendingHandoverTo !== null && c.pendingHandoverTo === actor.userId, 'accept_handover');
  may(c.pendingHandoverTo !== null && (c.pendingHandoverTo === actor.userId || owner), 'decline_handover');
  may(WORKING.includes(c.status) && handler && !c.pendingExtension && c.limitDays < 60, 'request_extension');
  may(
    !!c.pendingExtension &&
      c.pendingExtension.requestedBy !== actor.userId &&
      hasPermission(actor, P.approve) &&
      (c.pendingExtension.limitDays === 30 || isHigherLevel(actor, c.org_path)),
    'decide_extension',
  );
  may(WORKING.includes(c.status) && handler, 'pause');
  may(c.status === 'paused' && handler, 'resume');
  may([...WORKING, 'paused', 'decision_drafted', 'in_review', 'notified'].includes(c.status) && handler, 'new_facts');
  may(WORKING.includes(c.status) && handler, 'draft_decision');
  may(c.status === 'decision_drafted' && handler && needsReview(c) && !c.decision?.reviewed, 'submit_review');
  may(c.status === 'in_review' && hasPermission(actor, P.review) && c.decision?.draftedBy !== actor.userId, 'review');
  may(c.status === 'decision_drafted' && handler && (!needsReview(c) || c.decision?.reviewed === true), 'notify_decision');
  may(OPEN.includes(c.status) && handler, 'record_notice');
  may(c.status === 'notified' && handler, 'close');
  may(OPEN.includes(c.status) && handler, 'withdraw');
  may(OPEN.includes(c.status) && handler, 'merge');
  return out;
};
