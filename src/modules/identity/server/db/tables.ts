import type { Generated } from 'kysely';
import type { RoleCode } from '../../../../kernel/actor.ts';
import type { NullableTimestamp, Timestamp } from '../../../../platform/db/schema.ts';

export type OrgType = 'head_office' | 'branch' | 'sub_branch' | 'outlet' | 'department';

export type OrgsTable = {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  type: OrgType;
  parent_id: string | null;
  /** "/<root id>/…/<own id>/" — the data-scope key copied onto every scoped record. */
  path: string;
  sort: Generated<number>;
  address: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
};

export type UsersTable = {
  id: string;
  username: string;
  display_name: string;
  phone: string | null;
  email: string | null;
  employee_no: string | null;
  org_id: string;
  org_path: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_changed_at: NullableTimestamp;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  disabled: Generated<boolean>;
  locale: Generated<string>;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A user may work in several orgs (org switcher), with roles per org. */
export type MembershipsTable = {
  user_id: string;
  org_id: string;
  org_path: string;
  roles: RoleCode[];
  is_primary: Generated<boolean>;
};

export type SessionsTable = {
  /** sha256 of the cookie token: a leaked table does not yield usable sessions. */
  id: string;
  user_id: string;
  active_org_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
};

/** Keys for external systems (call centre, regulator desk, data vendors); stored as sha256. */
export type ApiKeysTable = {
  id: string;
  name: string;
  key_hash: string;
  org_id: string;
  org_path: string;
  scopes: string[];
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
};

declare module '../../../../platform/db/schema.ts' {
  interface Database {
    api_keys: ApiKeysTable;
    orgs: OrgsTable;
    users: UsersTable;
    memberships: MembershipsTable;
    sessions: SessionsTable;
  }
}
