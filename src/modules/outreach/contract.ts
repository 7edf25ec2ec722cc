import { z } from 'zod';

/** Schemas shared by the outreach server and web pages. */
export const CHANNELS = ['inbox', 'email', 'sms', 'wechat'] as const;
export const ZChannel = z.enum(CHANNELS);
export type TChannelCode = z.infer<typeof ZChannel>;
export const CHANNEL_LABELS: Record<TChannelCode, [string, string]> = {
  inbox: ['站内信', 'Portal inbox'],
  email: ['电子邮件', 'E-mail'],
  sms: ['短信', 'SMS'],
  wechat: ['微信公众号', 'WeChat OA'],
};

export const AGE_BANDS = ['18-29', '30-44', '45-59', '60+'] as const;
export const GENDERS = ['M', 'F', 'U'] as const;
/** Common occupations incl. new forms of employment (新就业形态). */
export const OCCUPATIONS = [
  '企业职工',
  '公务员/事业单位',
  '个体工商户',
  '农民',
  '学生',
  '离退休人员',
  '外卖骑手',
  '网约车司机',
  '快递员',
  '网络主播',
  '货车司机',
  '家政服务员',
  '其他',
] as const;
export const NEW_EMPLOYMENT = ['外卖骑手', '网约车司机', '快递员', '网络主播', '货车司机', '家政服务员'] as const;

/** 11-digit mainland mobile after removing spaces, dashes and a +86/0086 prefix. */
export const normalizeMobile = (v: string): string => v.replace(/[\s-]/g, '').replace(/^(\+?86|0086)/, '');
export const isValidMobile = (v: string): boolean => /^1[3-9]\d{9}$/.test(v);
export const ZMobile = z
  .string()
  .trim()
  .transform(normalizeMobile)
  .refine(isValidMobile, { message: '手机号应为 11 位大陆手机号 / must be an 11-digit mainland mobile number' });

export const ZCustomerInput = z.strictObject({
  name: z.string().trim().min(1).max(40),
  mobile: ZMobile.optional(),
  email: z.email().max(120).optional(),
  wechatOpenid: z
    .string()
    .trim()
    .regex(/^[\w-]{6,64}$/)
    .optional(),
  ageBand: z.enum(AGE_BANDS),
  gender: z.enum(GENDERS).default('U'),
  occupation: z.string().trim().min(1).max(20).default('其他'),
  homeOrgCode: z.string().trim().min(1).max(40),
  consents: z.array(ZChannel).max(4).default(['inbox']),
});
export type TCustomerInput = z.input<typeof ZCustomerInput>;

export const ZCustomer = z.object({
  id: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  wechatOpenid: z.string().nullable(),
  ageBand: z.string(),
  gender: z.string(),
  occupation: z.string(),
  homeOrgCode: z.string(),
  consents: z.array(z.string()),
  optOuts: z.array(z.string()),
  masked: z.boolean(),
});
export type TCustomer = z.infer<typeof ZCustomer>;

export const ZImportRequest = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  format: z.enum(['csv', 'xlsx']),
  /** File content: UTF-8 text for CSV, base64 for XLSX. */
  content: z.string().min(1).max(12_000_000),
});
export const ZImportStatus = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number(),
  processed: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), issue: z.string() })),
});
export type TImportStatus = z.infer<typeof ZImportStatus>;

// ---- segment rules: a tree, validated here and compiled to one SQL query on the server ----
export type TRule =
  | { type: 'all'; rules: TRule[] }
  | { type: 'any'; rules: TRule[] }
  | { type: 'not'; rule: TRule }
  | { type: 'ageBand'; values: string[] }
  | { type: 'gender'; values: string[] }
  | { type: 'occupation'; values: string[] }
  | { type: 'homeOrg'; orgCode: string }
  | { type: 'reachable'; channel: TChannelCode }
  | { type: 'attended'; eventId?: string | undefined }
  | { type: 'completedCourse'; courseId?: string | undefined }
  | { type: 'quizScore'; quizId?: string | undefined; below?: number | undefined; atLeast?: number | undefined }
  | { type: 'complained'; category?: string | undefined; withinDays?: number | undefined };

const ZRef = z.string().trim().min(1).max(80);
export const ZRule: z.ZodType<TRule> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('all'), rules: z.array(ZRule).min(1).max(20) }),
    z.strictObject({ type: z.literal('any'), rules: z.array(ZRule).min(1).max(20) }),
    z.strictObject({ type: z.literal('not'), rule: ZRule }),
    z.strictObject({ type: z.literal('ageBand'), values: z.array(z.enum(AGE_BANDS)).min(1) }),
    z.strictObject({ type: z.literal('gender'), values: z.array(z.enum(GENDERS)).min(1) }),
    z.strictObject({ type: z.literal('occupation'), values: z.array(z.string().trim().min(1).max(20)).min(1).max(30) }),
    z.strictObject({ type: z.literal('homeOrg'), orgCode: ZRef }),
    z.strictObject({ type: z.literal('reachable'), channel: ZChannel }),
    z.strictObject({ type: z.literal('attended'), eventId: ZRef.optional() }),
    z.strictObject({ type: z.literal('completedCourse'), courseId: ZRef.optional() }),
    z.strictObject({
      type: z.literal('quizScore'),
      quizId: ZRef.optional(),
      below: z.number().min(0).max(1000).optional(),
      atLeast: z.number().min(0).max(1000).optional(),
    }),
    z.strictObject({
      type: z.literal('complained'),
      category: z.string().trim().min(1).max(60).optional(),
      withinDays: z.number().int().min(1).max(3650).optional(),
    }),
  ]),
) as z.ZodType<TRule>;

export const ZSegmentInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).default(''),
  rule: ZRule,
});
export const ZSegmentPreview = z.object({
  count: z.number(),
  isEmpty: z.boolean(),
  /** Why nothing matched, per top-level condition (count of each alone), when the rule is empty. */
  explain: z.array(z.object({ condition: z.string(), count: z.number() })),
  sample: z.array(ZCustomer),
});
export type TSegmentPreview = z.infer<typeof ZSegmentPreview>;

export const CONTENT_KINDS = ['article', 'video', 'course', 'quiz', 'event', 'risk_alert', 'notice'] as const;
export const ZPushInput = z.strictObject({
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(2000),
  contentKind: z.enum(CONTENT_KINDS),
  contentRef: z.string().trim().min(1).max(80).optional(),
  segmentId: z.uuid(),
  channels: z.array(ZChannel).min(1).max(4),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
});
export type TPushInput = z.input<typeof ZPushInput>;

export const ZPushReport = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  recipients: z.number(),
  channels: z.array(z.string()),
  byChannel: z.array(
    z.object({
      channel: z.string(),
      queued: z.number(),
      sending: z.number(),
      sent: z.number(),
      delivered: z.number(),
      failed: z.number(),
      skipped: z.number(),
      opened: z.number(),
      clicked: z.number(),
    }),
  ),
  skipReasons: z.array(z.object({ channel: z.string(), reason: z.string(), count: z.number() })),
  errors: z.array(z.object({ channel: z.string(), error: z.string(), count: z.number() })),
});
export type TPushReport = z.infer<typeof ZPushReport>;

export const ZPolicySettings = z.strictObject({
  /** Messages per customer per rolling 7 days (inbox excluded). */
  frequencyCapPerWeek: z.number().int().min(1).max(50).default(3),
  quietStart: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .default('21:00'),
  quietEnd: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .default('08:00'),
  maxAttempts: z.number().int().min(1).max(10).default(4),
  backoffSeconds: z.number().min(0.05).max(3600).default(30),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  /** A 'sending' row whose lease ran out belongs to a worker that died; it is re-sent with the same idempotency key. */
  leaseSeconds: z.number().min(1).max(3600).default(60),
});
export type TPolicySettings = z.infer<typeof ZPolicySettings>;

export const ZChannelSettings = z.strictObject({
  email: z
    .strictObject({
      smtpUrl: z.string().regex(/^smtps?:\/\//),
      from: z.string().max(120).default('星河银行消保 <xiaobao@localhost>'),
      ratePerMinute: z.number().int().min(1).default(600),
    })
    .optional(),
  sms: z.strictObject({ url: z.url(), apiKey: z.string().max(200).optional(), ratePerMinute: z.number().int().min(1).default(600) }).optional(),
  wechat: z
    .strictObject({
      apiBase: z.url(),
      appId: z.string().min(1).max(64),
      secret: z.string().min(1).max(128),
      templateId: z.string().min(1).max(128),
      ratePerMinute: z.number().int().min(1).default(600),
    })
    .optional(),
});
export type TChannelSettings = z.infer<typeof ZChannelSettings>;

/** Fraud types of regulation.md §5 (公安部 high-incidence types) plus banking-specific ones. */
export const FRAUD_TYPES = [
  '电信诈骗',
  '刷单返利',
  '虚假网络投资理财',
  '虚假购物服务',
  '冒充电商物流客服',
  '虚假贷款',
  '虚假征信',
  '冒充领导熟人',
  '冒充公检法',
  '网络婚恋交友',
  '网络游戏虚假交易',
  '养老诈骗',
  '非法集资',
] as const;

export const ZRiskAlertInput = z.strictObject({
  fraudType: z.enum(FRAUD_TYPES),
  title: z.string().trim().min(2).max(120),
  whatHappens: z.string().trim().min(10).max(4000),
  howToProtect: z.string().trim().min(10).max(4000),
  whereToReport: z.string().trim().min(2).max(300).default('拨打全国反诈专线 96110 或报警 110；也可拨打本行客服热线。'),
  keywords: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  citedIncidentId: z.string().trim().max(80).optional(),
  citedNote: z.string().trim().max(500).optional(),
});
export type TRiskAlertInput = z.input<typeof ZRiskAlertInput>;

export const ZRiskAlert = z.object({
  id: z.string(),
  fraudType: z.string(),
  title: z.string(),
  whatHappens: z.string(),
  howToProtect: z.string(),
  whereToReport: z.string(),
  keywords: z.array(z.string()),
  status: z.string(),
  authorName: z.string(),
  reviewerName: z.string().nullable(),
  reviewComment: z.string().nullable(),
  citedIncidentId: z.string().nullable(),
  citedNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  allowedActions: z.array(z.string()),
});
export type TRiskAlert = z.infer<typeof ZRiskAlert>;
