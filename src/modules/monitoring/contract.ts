import { z } from 'zod';

/** Public-opinion (舆情) monitoring: request/response schemas shared by server and web. */
export const GRADES = ['I', 'II', 'III'] as const;
export type TGrade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<TGrade, { zh: string; en: string }> = {
  I: { zh: 'Ⅰ级 重大', en: 'Grade I major' },
  II: { zh: 'Ⅱ级 较大', en: 'Grade II significant' },
  III: { zh: 'Ⅲ级 一般', en: 'Grade III general' },
};

export const MEDIA_TIERS = ['national', 'regional', 'industry', 'social', 'forum', 'app_store', 'other'] as const;
export type TMediaTier = (typeof MEDIA_TIERS)[number];

export const ZMediaTier = z.enum(MEDIA_TIERS);
const ZCount = z.number().int().min(0).max(1e10);
const ZCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lower-case letters, digits, . _ -');

/** One post as a vendor or collector pushes it (also the row shape of file imports). */
export const ZPostInput = z.strictObject({
  source: ZCode,
  externalId: z.string().trim().min(1).max(200),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  author: z.string().trim().max(200).optional(),
  publishedAt: z.iso.datetime({ offset: true }),
  title: z.string().trim().max(500).optional(),
  text: z.string().trim().min(1).max(20_000),
  reposts: ZCount.optional(),
  comments: ZCount.optional(),
  likes: ZCount.optional(),
  followers: ZCount.optional(),
  mediaTier: ZMediaTier.optional(),
});
export type TPostInput = z.infer<typeof ZPostInput>;

export const MAX_PUSH_BATCH = 500;
/** Items are validated one by one (a bad item is rejected with its reason, the rest go in). */
export const ZPushBatch = z.strictObject({ posts: z.array(z.unknown()).min(1).max(MAX_PUSH_BATCH) });

export const ZRejected = z.object({ index: z.number(), externalId: z.string().nullable(), reason: z.string(), field: z.string().optional() });
export const ZIngestResult = z.object({ accepted: z.number(), duplicate: z.number(), rejected: z.number(), errors: z.array(ZRejected) });
export type TIngestResult = z.infer<typeof ZIngestResult>;

export const ZImportRequest = z.strictObject({
  format: z.enum(['csv', 'jsonl']),
  /** Posts without a `source` column get this one. */
  source: ZCode,
  content: z.string().min(1).max(5_000_000),
});

export const ZSourceInput = z.strictObject({
  code: ZCode,
  name: z.string().trim().min(1).max(100),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  mediaTier: ZMediaTier,
  pollMinutes: z.number().int().min(1).max(1440).default(15),
});

export const ZSource = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['rss', 'push', 'file', 'demo']),
  url: z.string().nullable(),
  mediaTier: ZMediaTier,
  enabled: z.boolean(),
  health: z.enum(['ok', 'failing', 'never', 'idle']),
  lastPolledAt: z.string().nullable(),
  lastOkAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
  consecutiveFailures: z.number(),
  nextPollAt: z.string().nullable(),
  postCount: z.number(),
  pollMinutes: z.number(),
});

export const ZWatchlistInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(['brand', 'product', 'executive', 'topic']),
  query: z.string().trim().min(1).max(2000),
  spikeK: z.number().min(0.5).max(10).default(3),
  spikeMinCount: z.number().int().min(1).max(10_000).default(5),
});

/** Grading rule conditions: every condition present must hold (AND). */
export const ZRuleCondition = z.strictObject({
  minReach: z.number().int().min(0).optional(),
  minFollowers: z.number().int().min(0).optional(),
  tiers: z.array(ZMediaTier).min(1).optional(),
  anyTerms: z.array(z.string().trim().min(1).max(50)).min(1).max(100).optional(),
  negativeOnly: z.boolean().optional(),
  /** Spread speed: posts of the same story within the last hour. */
  minStoryPostsPerHour: z.number().int().min(1).optional(),
  minLinkedComplaints: z.number().int().min(1).optional(),
});
export type TRuleCondition = z.infer<typeof ZRuleCondition>;

export const ZGradeRuleInput = z.strictObject({
  grade: z.enum(GRADES),
  name: z.string().trim().min(1).max(100),
  priority: z.number().int().min(0).max(1000),
  condition: ZRuleCondition.refine((c) => Object.keys(c).length > 0, 'at least one condition'),
});

export const ZPostListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  watchlistId: z.uuid().optional(),
  storyId: z.uuid().optional(),
  grade: z.enum(GRADES).optional(),
  sentiment: z.enum(['positive', 'negative', 'neutral']).optional(),
  sourceId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZClockPolicy = z.strictObject({
  key: z.string().regex(/^[a-z_]{2,40}$/),
  label: z.string().min(1).max(60),
  /** Minutes from opening, or 'end_of_day' (23:59 Asia/Shanghai of the opening day). */
  due: z.union([
    z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30),
    z.literal('end_of_day'),
  ]),
});
export type TClockPolicy = z.infer<typeof ZClockPolicy>;

export const INCIDENT_STATUSES = ['investigating', 'decided', 'responded', 'watching', 'closed'] as const;
export type TIncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_STATUS_LABELS: Record<TIncidentStatus, { zh: string; en: string }> = {
  investigating: { zh: '调查核实', en: 'Investigating' },
  decided: { zh: '已研判', en: 'Decided' },
  responded: { zh: '已回应', en: 'Responded' },
  watching: { zh: '持续监测', en: 'Watching' },
  closed: { zh: '已复盘关闭', en: 'Closed' },
};
const ZLabel = z.object({ zh: z.string(), en: z.string() });
/** An incident as the complaint page shows it. */
export const ZLinkedIncident = z.object({ id: z.uuid(), title: z.string(), grade: z.string(), gradeLabel: ZLabel, status: z.string(), statusLabel: ZLabel });

export const ZOpenIncident = z.strictObject({
  alertId: z.uuid().optional(),
  title: z.string().trim().min(1).max(200),
  grade: z.enum(GRADES),
  ownerId: z.uuid().optional(),
});

export const ZIncidentAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('complete_clock'), key: z.string().max(40), note: z.string().trim().min(1).max(2000) }),
  z.strictObject({
    action: z.literal('record_findings'),
    findings: z.string().trim().min(1).max(10_000),
    evidence: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
  }),
  z.strictObject({
    action: z.literal('decide'),
    verdict: z.enum(['true', 'false', 'no_action']),
    reason: z.string().trim().min(1).max(5000),
    rectification: z.string().trim().max(5000).optional(),
  }),
  z.strictObject({
    action: z.literal('publish_response'),
    kind: z.enum(['apology', 'clarification', 'none']),
    text: z.string().trim().min(1).max(10_000),
    channel: z.string().trim().min(1).max(200),
    url: z.url({ protocol: /^https?$/ }).optional(),
  }),
  z.strictObject({ action: z.literal('start_watch'), note: z.string().trim().max(2000).optional() }),
  z.strictObject({ action: z.literal('close'), review: z.string().trim().min(1).max(10_000), lessons: z.string().trim().max(5000).optional() }),
]);
export type TIncidentAction = z.infer<typeof ZIncidentAction>;

export const ZReferralInput = z.strictObject({
  partnerKind: z.enum(['regulator', 'police', 'other']),
  partner: z.string().trim().min(1).max(200),
  shared: z.string().trim().min(1).max(5000),
  reference: z.string().trim().max(100).optional(),
  outcome: z.string().trim().max(5000).optional(),
});

export const ZLinkComplaint = z.strictObject({ complaintId: z.uuid() });

/** Admin edits: every field optional, at least one present; `enabled: false` disables (nothing is deleted). */
const atLeastOne = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape).refine((v) => Object.values(v).some((x) => x !== undefined), 'at least one field');

export const ZSourceUpdate = atLeastOne({
  name: z.string().trim().min(1).max(100).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  mediaTier: ZMediaTier.optional(),
  pollMinutes: z.number().int().min(1).max(1440).optional(),
  enabled: z.boolean().optional(),
});

export const ZWatchlistUpdate = atLeastOne({
  name: z.string().trim().min(1).max(100).optional(),
  kind: z.enum(['brand', 'product', 'executive', 'topic']).optional(),
  query: z.string().trim().min(1).max(2000).optional(),
  spikeK: z.number().min(0.5).max(10).optional(),
  spikeMinCount: z.number().int().min(1).max(10_000).optional(),
  enabled: z.boolean().optional(),
});

export const ZGradeRuleUpdate = atLeastOne({
  grade: z.enum(GRADES).optional(),
  name: z.string().trim().min(1).max(100).optional(),
  priority: z.number().int().min(0).max(1000).optional(),
  condition: ZRuleCondition.refine((c) => Object.keys(c).length > 0, 'at least one condition').optional(),
  enabled: z.boolean().optional(),
});

export const CHANNEL_KINDS = ['wecom', 'dingtalk', 'email'] as const;
export const ZChannelInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(['wecom', 'dingtalk']), name: z.string().trim().min(1).max(100), url: z.url({ protocol: /^https?$/ }).max(2000) }),
  z.strictObject({ kind: z.literal('email'), name: z.string().trim().min(1).max(100), to: z.array(z.email()).min(1).max(20) }),
]);
export const ZChannelUpdate = atLeastOne({
  name: z.string().trim().min(1).max(100).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  to: z.array(z.email()).min(1).max(20).optional(),
  enabled: z.boolean().optional(),
});

/** "Test this query": run a Boolean query over recent posts without saving it. */
export const ZQueryPreview = z.strictObject({
  query: z.string().trim().min(1).max(2000),
  days: z.number().int().min(1).max(30).default(7),
  limit: z.number().int().min(1).max(50).default(10),
});

/** A file import run as a job: the page polls its progress and reads the row-level report. */
export const ZImportJobRequest = ZImportRequest.extend({ fileName: z.string().trim().min(1).max(200).optional() });
export const ZImportJob = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  format: z.enum(['csv', 'jsonl']),
  source: z.string(),
  fileName: z.string().nullable(),
  total: z.number(),
  processed: z.number(),
  accepted: z.number(),
  duplicate: z.number(),
  rejected: z.number(),
  errors: z.array(ZRejected),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TImportJob = z.infer<typeof ZImportJob>;
