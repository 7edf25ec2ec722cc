/**
 * Who is acting. Built once per request by the HTTP layer (or by the CLI / a job for
 * system actions) and passed to every use case, policy and scoped query.
 */
export type RoleCode = 'system_admin' | 'cp_admin' | 'complaint_handler' | 'frontline_staff' | 'inspector' | 'leadership' | 'auditor';

export type Actor = {
  kind: 'user' | 'system';
  userId: string | null;
  username: string;
  /** The org the user is currently working in (org switcher). */
  orgId: string;
  /** Materialised path of that org, e.g. "/hq/cc/cc-nanguan/": the root of the actor's data scope. */
  orgPath: string;
  roles: RoleCode[];
  requestId: string;
  ip: string | null;
};

export const systemActor = (requestId = 'system'): Actor => ({
  kind: 'system',
  userId: null,
  username: 'system',
  orgId: 'root',
  orgPath: '/',
  roles: ['system_admin'],
  requestId,
  ip: null,
});
