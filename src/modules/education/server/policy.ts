import type { Actor, RoleCode } from '../../../kernel/actor.ts';
import { hasPermission, type Policy } from '../../../kernel/policy.ts';
import { isPathInScope } from '../../../platform/scope.ts';
import type { TContentStatus } from '../contract.ts';

export const EDU_PERMISSIONS = {
  read: 'edu.read',
  edit: 'edu.edit',
  review: 'edu.review',
  quiz: 'edu.quiz',
  draw: 'edu.draw',
  stats: 'edu.stats',
  /** Hand out prizes at an outlet against a winner's code. */
  redeem: 'edu.redeem',
} as const;
const P = EDU_PERMISSIONS;

export const educationGrants: Partial<Record<RoleCode, readonly string[]>> = {
  system_admin: Object.values(P),
  cp_admin: Object.values(P),
  complaint_handler: [P.read, P.edit, P.quiz, P.stats],
  frontline_staff: [P.read, P.edit, P.redeem],
  inspector: [P.read, P.stats],
  leadership: [P.read, P.stats],
  auditor: [P.read, P.stats],
};

export type ContentFacts = { status: TContentStatus; org_path: string; author_id: string | null; published_version: number | null };

/** 消保审查: authors edit and submit; a different person with edu.review approves or returns; published work can be archived. */
export const contentPolicy: Policy<ContentFacts> = {
  edit: (a, c) => isPathInScope(a, c.org_path) && hasPermission(a, P.edit) && (c.status === 'draft' || c.status === 'published'),
  submit: (a, c) => isPathInScope(a, c.org_path) && hasPermission(a, P.edit) && c.status === 'draft',
  review: (a, c) => isPathInScope(a, c.org_path) && hasPermission(a, P.review) && c.status === 'in_review' && c.author_id !== a.userId,
  archive: (a, c) => isPathInScope(a, c.org_path) && hasPermission(a, P.review) && c.published_version !== null && c.status !== 'archived',
};

export const actorLabel = (a: Actor): string => a.username;
