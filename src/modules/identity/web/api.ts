import { z } from 'zod';
import { api, setCsrfToken, type UiLocale } from '../../../web/api-client.ts';
import {
  type TRole,
  type TSessionResponse,
  ZAuditPage,
  type ZAuditQuery,
  type ZChangePasswordRequest,
  type ZCreateUserRequest,
  ZCreateUserResponse,
  type ZLoginRequest,
  ZOk,
  ZOrgNode,
  ZRevealResponse,
  ZSessionResponse,
  ZTotpSetupResponse,
  type ZUserListQuery,
  ZUserPage,
} from '../contract.ts';

export type LoginRequest = z.input<typeof ZLoginRequest>;
export type ChangePasswordRequest = z.input<typeof ZChangePasswordRequest>;
export type CreateUserRequest = z.input<typeof ZCreateUserRequest>;
type Paging = { page?: number; pageSize?: number };
export type UserListQuery = Omit<z.input<typeof ZUserListQuery>, keyof Paging> & Paging;
export type AuditQuery = Omit<z.input<typeof ZAuditQuery>, keyof Paging> & Paging;
export type UserPage = z.infer<typeof ZUserPage>;
export type AuditPage = z.infer<typeof ZAuditPage>;
export type AuditRecord = AuditPage['items'][number];
export type CreateUserResponse = z.infer<typeof ZCreateUserResponse>;
export type TotpSetup = z.infer<typeof ZTotpSetupResponse>;
export type RevealField = 'phone' | 'email';

const ZOrgList = z.object({ items: z.array(ZOrgNode) });

// Every session answer carries the CSRF token that later unsafe requests must echo.
const session = async (request: Promise<TSessionResponse>): Promise<TSessionResponse> => {
  const res = await request;
  setCsrfToken(res.csrfToken);
  return res;
};

export const authApi = {
  session: () => session(api.get('/api/v1/auth/session', ZSessionResponse)),
  login: (body: LoginRequest) => session(api.post('/api/v1/auth/login', body, ZSessionResponse)),
  logout: async () => {
    try {
      await api.post('/api/v1/auth/logout', {}, ZOk);
    } finally {
      setCsrfToken(null);
    }
  },
  changePassword: (body: ChangePasswordRequest) => session(api.post('/api/v1/auth/change-password', body, ZSessionResponse)),
  switchOrg: (orgId: string) => session(api.post('/api/v1/auth/switch-org', { orgId }, ZSessionResponse)),
  saveLocale: (locale: UiLocale) => api.put('/api/v1/auth/locale', { locale }, ZOk),
  setUpTotp: () => api.post('/api/v1/auth/totp/setup', {}, ZTotpSetupResponse),
  confirmTotp: (code: string) => api.post('/api/v1/auth/totp/confirm', { code }, ZOk),
};

export const orgApi = {
  list: async () => (await api.get('/api/v1/orgs', ZOrgList)).items,
};

export const userApi = {
  list: (query: UserListQuery) => api.get('/api/v1/users', ZUserPage, query),
  /** Counts only: a one-row page whose `total` answers "how many users have this role". */
  countByRole: async (role: TRole) => (await api.get('/api/v1/users', ZUserPage, { role, page: 1, pageSize: 1 })).total,
  create: (body: CreateUserRequest) => api.post('/api/v1/users', body, ZCreateUserResponse),
  reveal: (id: string, field: RevealField, reason: string) => api.post(`/api/v1/users/${encodeURIComponent(id)}/reveal`, { field, reason }, ZRevealResponse),
  unlock: (id: string) => api.post(`/api/v1/users/${encodeURIComponent(id)}/unlock`, {}, ZOk),
};

export const auditApi = {
  list: (query: AuditQuery) => api.get('/api/v1/audit', ZAuditPage, query),
};
