import type { Actor, RoleCode } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import { hasPermission, type Policy } from '../../../kernel/policy.ts';
import { isPathInScope } from '../../../platform/scope.ts';
import { EVENT_STATUSES, type TEventStatus } from '../contract.ts';

export const CAMPAIGN_PERMISSIONS = {
  read: 'campaign.read',
  /** Plan campaigns and events, publish, close and cancel (消保部). */
  manage: 'campaign.manage',
  /** Run an event on the day: check-in, walk-ins, photos and the short report (网点 staff). */
  run: 'campaign.run',
  /** One-on-one assistance records (一对一帮扶). */
  assist: 'campaign.assist',
  /** See an attendee's phone in full; every use is audited with its reason. */
  reveal: 'campaign.reveal',
  export: 'campaign.export',
} as const;
const P = CAMPAIGN_PERMISSIONS;

export const campaignGrants: Partial<Record<RoleCode, readonly string[]>> = {
  system_admin: Object.values(P),
  cp_admin: Object.values(P),
  complaint_handler: [P.read],
  frontline_staff: [P.read, P.run, P.assist, P.reveal],
  inspector: [P.read, P.export],
  leadership: [P.read, P.export],
  auditor: [P.read],
};

export type CampaignFacts = { org_path: string };
export type EventFacts = { status: TEventStatus; org_path: string; campaign_org_path: string; ends_at: Date };

/** Campaign-level actions belong to the planners of the owning org. */
export const campaignPolicy: Policy<CampaignFacts> = {
  edit: (a, c) => hasPermission(a, P.manage) && isPathInScope(a, c.org_path),
  addEvent: (a, c) => hasPermission(a, P.manage) && isPathInScope(a, c.org_path),
  export: (a, c) => hasPermission(a, P.export) && isPathInScope(a, c.org_path),
};

const plans = (a: Actor, e: EventFacts) => hasPermission(a, P.manage) && (isPathInScope(a, e.campaign_org_path) || isPathInScope(a, e.org_path));
const runs = (a: Actor, e: EventFacts) => hasPermission(a, P.run) && isPathInScope(a, e.org_path);

/**
 * Event actions: planners publish, close and cancel; the running org's staff check people in at the
 * door (while registration is open or closed, never for drafts or cancelled events), report and add photos.
 */
export const eventPolicy: Policy<EventFacts> = {
  publish: (a, e) => plans(a, e) && (e.status === 'draft' || e.status === 'closed'),
  close: (a, e) => plans(a, e) && e.status === 'open',
  cancel: (a, e) => plans(a, e) && (e.status === 'draft' || e.status === 'open'),
  checkIn: (a, e) => runs(a, e) && (e.status === 'open' || e.status === 'closed'),
  walkIn: (a, e) => runs(a, e) && (e.status === 'open' || e.status === 'closed'),
  report: (a, e) => runs(a, e) && e.status !== 'draft' && e.status !== 'cancelled',
  photo: (a, e) => runs(a, e) && e.status !== 'draft' && e.status !== 'cancelled',
  reveal: (a, e) => hasPermission(a, P.reveal) && isPathInScope(a, e.org_path),
  export: (a, e) => hasPermission(a, P.export) && (isPathInScope(a, e.campaign_org_path) || isPathInScope(a, e.org_path)),
};

/** "Not now" (409, the state) is told apart from "not yours" (403) so the UI can say which. */
export const assertAllowedNow = (actor: Actor, action: string, facts: EventFacts): void => {
  const rule = eventPolicy[action];
  if (rule && !rule(actor, facts) && EVENT_STATUSES.some((status) => rule(actor, { ...facts, status })))
    throw new AppError('CAMPAIGN_INVALID_STATE', [{ issue: `${facts.status}_cannot_${action}` }]);
};
