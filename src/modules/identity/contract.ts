import { z } from 'zod';

/** Request/response shapes shared by the identity routes and the web shell. */
export const ROLE_CODES = ['system_admin', 'cp_admin', 'complaint_handler', 'frontline_staff', 'inspector', 'leadership', 'auditor'] as const;
export const ZRole = z.enum(ROLE_CODES);
export type TRole = z.infer<typeof ZRole>;

export const ROLE_LABELS: Record<TRole, { zh: string; en: string }> = {
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  cp_admin: { zh: '消保管理员', en: 'Consumer-protection admin' },
  complaint_handler: { zh: '投诉处理员', en: 'Complaint handler' },
  frontline_staff: { zh: '一线员工', en: 'Front-line staff' },
  inspector: { zh: '检查员', en: 'Inspector' },
  leadership: { zh: '行领导（驾驶舱）', en: 'Leadership (cockpit)' },
  auditor: { zh: '审计员', en: 'Auditor' },
};

export const ZOrgType = z.enum(['head_office', 'branch', 'sub_branch', 'outlet', 'department']);
export const ORG_TYPE_LABELS: Record<z.infer<typeof ZOrgType>, { zh: string; en: string }> = {
  head_office: { zh: '总行', en: 'Head office' },
  branch: { zh: '分行', en: 'Branch' },
  sub_branch: { zh: '支行', en: 'Sub-branch' },
  outlet: { zh: '网点', en: 'Outlet' },
  department: { zh: '部门', en: 'Department' },
};

const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, '只能包含字母、数字和 . _ @ - / letters, digits and . _ @ - only');

export const ZLoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const ZChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(10).max(256),
});

export const ZSwitchOrgRequest = z.strictObject({ orgId: z.uuid() });

export const ZMembership = z.object({ orgId: z.uuid(), orgName: z.string(), orgType: ZOrgType, roles: z.array(ZRole) });

export const ZMe = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(['zh-CN', 'en-US']),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  activeOrg: ZMembership,
  memberships: z.array(ZMembership),
  permissions: z.array(z.string()),
});
export type TMe = z.infer<typeof ZMe>;

export const ZSessionResponse = z.object({ user: ZMe, csrfToken: z.string() });
export type TSessionResponse = z.infer<typeof ZSessionResponse>;

export const ZOrgNode = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: ZOrgType,
  parentId: z.uuid().nullable(),
  address: z.string().nullable(),
  userCount: z.number().int(),
});
export type TOrgNode = z.infer<typeof ZOrgNode>;

export const ZUserListQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  orgId: z.uuid().optional(),
  role: ZRole.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZUserSummary = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  employeeNo: z.string().nullable(),
  /** Always masked in lists; the full value only through the audited reveal call. */
  phoneMasked: z.string().nullable(),
  emailMasked: z.string().nullable(),
  orgId: z.uuid(),
  orgName: z.string(),
  roles: z.array(ZRole),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  allowedActions: z.array(z.string()),
});
export type TUserSummary = z.infer<typeof ZUserSummary>;
export const ZUserPage = z.object({ items: z.array(ZUserSummary), total: z.number().int() });

export const ZCreateUserRequest = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(64),
  orgId: z.uuid(),
  roles: z.array(ZRole).min(1).max(ROLE_CODES.length),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '请输入11位手机号码 / a mainland mobile number')
    .optional(),
  email: z.email().max(254).optional(),
  employeeNo: z.string().trim().max(32).optional(),
});
export const ZCreateUserResponse = z.object({ id: z.uuid(), username: z.string(), initialPassword: z.string() });

export const ZRevealRequest = z.strictObject({ field: z.enum(['phone', 'email']), reason: z.string().trim().min(2).max(200) });
export const ZRevealResponse = z.object({ field: z.string(), value: z.string().nullable() });

export const ZAuditQuery = z.strictObject({
  action: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  targetType: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZAuditRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  diff: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string(),
});
export const ZAuditPage = z.object({ items: z.array(ZAuditRecord), total: z.number().int() });

export const ZTotpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const ZTotpConfirmRequest = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export const ZOk = z.object({ ok: z.literal(true) });
