import { z } from 'zod';

/** Shapes shared by the complaint routes, the staff UI and the public portal. */
export const CHANNELS = ['counter', 'phone', 'letter', 'email', 'web', 'app', 'regulator', 'media'] as const;
export const ZChannel = z.enum(CHANNELS);
export type TChannel = z.infer<typeof ZChannel>;
export const CHANNEL_LABELS: Record<TChannel, { zh: string; en: string }> = {
  counter: { zh: '营业网点/来访', en: 'Counter / visit' },
  phone: { zh: '电话热线', en: 'Phone hotline' },
  letter: { zh: '信函', en: 'Letter' },
  email: { zh: '电子邮件', en: 'Email' },
  web: { zh: '网站', en: 'Website' },
  app: { zh: '手机银行 App', en: 'Mobile app' },
  regulator: { zh: '监管转办（12378）', en: 'Regulator transfer (12378)' },
  media: { zh: '媒体', en: 'Media' },
};

export const STATUSES = [
  'registered',
  'accepted',
  'not_accepted',
  'in_progress',
  'paused',
  'decision_drafted',
  'in_review',
  'notified',
  'closed',
  'withdrawn',
  'merged',
] as const;
export const ZStatus = z.enum(STATUSES);
/** Statuses in which a case is still being handled (its clock runs or is paused). */
export const OPEN_STATUSES = [
  'registered',
  'accepted',
  'in_progress',
  'paused',
  'decision_drafted',
  'in_review',
] as const satisfies readonly (typeof STATUSES)[number][];
export type TStatus = z.infer<typeof ZStatus>;
export const STATUS_LABELS: Record<TStatus, { zh: string; en: string }> = {
  registered: { zh: '已登记', en: 'Registered' },
  accepted: { zh: '已受理', en: 'Accepted' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  in_progress: { zh: '处理中', en: 'In progress' },
  paused: { zh: '中止计时', en: 'Paused' },
  decision_drafted: { zh: '已拟处理意见', en: 'Decision drafted' },
  in_review: { zh: '质量复核中', en: 'In quality review' },
  notified: { zh: '已告知', en: 'Decision notified' },
  closed: { zh: '已办结', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  merged: { zh: '已合并', en: 'Merged' },
};

/** 不予受理 grounds (办法 Art 18 and regulators' practice, regulation.md §1.2). */
export const NOT_ACCEPTED_REASONS = [
  'not_complainant',
  'no_respondent_or_request',
  'before_court_or_arbitration',
  'settled_no_new_facts',
  'use_published_channel',
] as const;
export const PAUSE_REASONS = ['appraisal', 'mediation'] as const;
export const NOTICE_METHODS = ['letter', 'sms', 'email', 'phone', 'in_person'] as const;
export const NOTICE_KINDS = ['acceptance', 'not_accepted', 'extension', 'pause', 'decision'] as const;
export const REMEDIES = ['review', 'mediation', 'arbitration', 'litigation'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
/**
 * Mainland mobile numbers arrive as "+86 138-0013-8000", "0086 13800138000" or in full-width digits;
 * they are stored and emitted as the bare 11 digits so that one customer is one phone everywhere.
 */
export const normalizeMobile = (raw: string): string =>
  raw
    .normalize('NFKC')
    .replace(/[\s\-().]/g, '')
    .replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
const mobile = z
  .string()
  .trim()
  .max(32)
  .transform(normalizeMobile)
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, '请输入11位手机号码 / a mainland mobile number (11 digits)'));

/** 18-digit resident ID with the GB 11643 check digit. */
export const isValidIdNumber = (id: string): boolean => {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, wi, i) => s + wi * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
};
const idNumber = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidIdNumber, '身份证号码格式或校验位有误 / an 18-digit resident ID number with a valid check digit');

export const ZParty = z.strictObject({
  role: z.enum(['self', 'agent', 'heir']).default('self'),
  agentName: z.string().trim().max(50).optional(),
  agentPhone: mobile.optional(),
  /** Power of attorney or proof of inheritance, as described by staff. */
  agentDocument: z.string().trim().max(200).optional(),
});

export const ZRegisterComplaint = z.strictObject({
  channel: ZChannel,
  regulatorTicket: z.string().trim().max(64).optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  orgId: z.uuid(),
  complainantName: text(50),
  phone: mobile,
  idNumber: idNumber.optional(),
  party: ZParty.optional(),
  title: z.string().trim().max(100).optional(),
  facts: text(5000),
  request: text(2000),
  businessCategory: z.string().trim().max(16).optional(),
  cause: z.string().trim().max(16).optional(),
  flags: z.strictObject({ elderly: z.boolean().optional(), mediaExposure: z.boolean().optional() }).optional(),
  groupSize: z.number().int().min(1).max(10000).optional(),
  inPersonGroup: z.boolean().optional(),
});
export type TRegisterComplaint = z.infer<typeof ZRegisterComplaint>;

export const ZPublicComplaint = z.strictObject({
  complainantName: text(50),
  phone: mobile,
  idNumber: idNumber.optional(),
  facts: text(5000),
  request: text(2000),
  businessCategory: z.string().trim().max(16).optional(),
  outletCode: z.string().trim().max(32).optional(),
  pow: z.strictObject({ challenge: z.string().max(200), nonce: z.string().max(64) }).optional(),
});
export const ZPublicComplaintCreated = z.object({ trackingCode: z.string(), deadline: z.string() });

export const ZTrackResult = z.object({
  trackingCode: z.string(),
  status: ZStatus,
  statusLabel: z.object({ zh: z.string(), en: z.string() }),
  receivedAt: z.string(),
  deadline: z.string(),
  notices: z.array(z.object({ kind: z.string(), method: z.string(), sentAt: z.string() })),
});
export type TTrackResult = z.infer<typeof ZTrackResult>;

export const ZClock = z.object({
  startDate: z.string(),
  limitDays: z.number().int(),
  deadline: z.string(),
  daysUsed: z.number().int(),
  daysLeft: z.number().int(),
  pausedDays: z.number().int(),
  isPaused: z.boolean(),
  stage: z.enum(['on_track', 'warning', 'escalated', 'overdue', 'met', 'missed']),
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable(), days: z.number().int() })),
});
export type TClock = z.infer<typeof ZClock>;

export const ZComplaintSummary = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  channel: ZChannel,
  status: ZStatus,
  title: z.string(),
  complainantNameMasked: z.string(),
  phoneMasked: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  ownerName: z.string().nullable(),
  businessCategory: z.string().nullable(),
  cause: z.string().nullable(),
  receivedAt: z.string(),
  deadline: z.string(),
  stage: ZClock.shape.stage,
  flags: z.array(z.string()),
});
export type TComplaintSummary = z.infer<typeof ZComplaintSummary>;

export const ZComplaintListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  view: z.enum(['all', 'mine', 'due_soon', 'overdue', 'awaiting_my_acceptance']).default('all'),
  status: z.union([ZStatus, z.array(ZStatus)]).optional(),
  channel: ZChannel.optional(),
  businessCategory: z.string().max(16).optional(),
  orgId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A saved view is a named set of search filters (applied in the viewer's own scope when used). */
export const ZSavedViewFilters = ZComplaintListQuery.pick({
  q: true,
  view: true,
  status: true,
  channel: true,
  businessCategory: true,
  orgId: true,
  from: true,
  to: true,
}).partial();
export const ZSaveView = z.strictObject({ name: z.string().trim().min(1).max(40), filters: ZSavedViewFilters, shared: z.boolean().default(false) });
export const ZSavedView = z.object({
  id: z.uuid(),
  name: z.string(),
  filters: z.record(z.string(), z.unknown()),
  shared: z.boolean(),
  ownerName: z.string(),
  isMine: z.boolean(),
});
export type TSavedView = z.infer<typeof ZSavedView>;

export const ZTimelineEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  type: z.string(),
  actorName: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const ZComplaintDetail = ZComplaintSummary.extend({
  regulatorTicket: z.string().nullable(),
  facts: z.string(),
  request: z.string(),
  party: z.record(z.string(), z.unknown()),
  idNumberMasked: z.string().nullable(),
  groupSize: z.number().int().nullable(),
  receivingOrgName: z.string(),
  firstResponderName: z.string(),
  decision: z.record(z.string(), z.unknown()).nullable(),
  rootCause: z.string().nullable(),
  rectification: z.string().nullable(),
  clock: ZClock,
  timeline: z.array(ZTimelineEntry),
  pendingHandover: z.object({ id: z.uuid(), toName: z.string(), reason: z.string() }).nullable(),
  pendingExtension: z.object({ id: z.uuid(), limitDays: z.number().int(), reason: z.string() }).nullable(),
  notices: z.array(z.object({ id: z.uuid(), kind: z.string(), method: z.string(), sentAt: z.string(), evidence: z.string(), inTime: z.boolean() })),
  attachments: z.array(z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() })),
  allowedActions: z.array(z.string()),
  /** JR/T 0169 codes suggested from the text by the nlp module; staff confirm them at closure. */
  suggestedCoding: z.object({ businessCategory: z.string(), cause: z.string(), confidence: z.number(), needsHuman: z.boolean() }).nullable(),
});
export type TComplaintDetail = z.infer<typeof ZComplaintDetail>;

export const ZAction = {
  accept: z.strictObject({ note: z.string().trim().max(500).optional() }),
  notAccept: z.strictObject({ reason: z.enum(NOT_ACCEPTED_REASONS), explanation: text(1000) }),
  handover: z.strictObject({ toUserId: z.uuid(), reason: text(500) }),
  requestExtension: z.strictObject({ limitDays: z.union([z.literal(30), z.literal(60)]), reason: text(1000) }),
  pause: z.strictObject({ reason: z.enum(PAUSE_REASONS), note: text(500) }),
  resume: z.strictObject({ note: z.string().trim().max(500).optional() }),
  newFacts: z.strictObject({ facts: text(5000) }),
  draftDecision: z.strictObject({ verifiedFacts: text(5000), basis: text(3000), outcome: text(3000), remedies: z.array(z.enum(REMEDIES)).min(1) }),
  review: z.strictObject({ approve: z.boolean(), comment: text(1000) }),
  notice: z.strictObject({ kind: z.enum(NOTICE_KINDS), method: z.enum(NOTICE_METHODS), sentAt: z.iso.datetime({ offset: true }), evidence: text(1000) }),
  close: z.strictObject({ rootCause: text(2000), rectification: text(2000), businessCategory: z.string().trim().max(16), cause: z.string().trim().max(16) }),
  withdraw: z.strictObject({ note: text(500) }),
  merge: z.strictObject({ intoTrackingCode: z.string().trim().max(40) }),
  decide: z.strictObject({ approve: z.boolean(), comment: z.string().trim().max(500).optional() }),
};

export const ZCode = z.object({
  dimension: z.enum(['channel', 'business', 'cause']),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  parent: z.string().nullable(),
  verified: z.boolean(),
});
