import type { Actor, RoleCode } from '../../../kernel/actor.ts';
import type { ModuleDeps } from '../../../platform/module.ts';

export type IdentityDeps = ModuleDeps;

/** Request facts a sign-in needs before there is an actor. */
export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string };

export const actorForUser = (u: { id: string; username: string }, m: { org_id: string; org_path: string; roles: RoleCode[] }, meta: RequestMeta): Actor => ({
  kind: 'user',
  userId: u.id,
  username: u.username,
  orgId: m.org_id,
  orgPath: m.org_path,
  roles: m.roles,
  requestId: meta.requestId,
  ip: meta.ip,
});
