import { z } from 'zod';

/** Financial education (宣教): request/response schemas and labels shared by server and web. */

/** The eight consumer rights (regulation.md §2), AML topics and fraud types (§5), and other topics. */
export const TOPIC_TAGS = {
  'right.know': '知情权',
  'right.choice': '自主选择权',
  'right.fair': '公平交易权',
  'right.property': '财产安全权',
  'right.redress': '依法求偿权',
  'right.education': '受教育权',
  'right.respect': '受尊重权',
  'right.info': '信息安全权',
  'aml.no_rental': '断卡：不出租出借出售账户',
  'aml.due_diligence': '配合尽职调查',
  'aml.reporting': '大额和可疑交易报告',
  'aml.underground_bank': '地下钱庄',
  'aml.illegal_fundraising': '非法集资',
  'aml.gambling': '跨境赌博',
  'aml.virtual_assets': '虚拟资产',
  'aml.terror_financing': '恐怖融资',
  'fraud.rebate': '刷单返利',
  'fraud.investment': '虚假网络投资理财',
  'fraud.shopping': '虚假购物服务',
  'fraud.customer_service': '冒充电商物流客服',
  'fraud.loan': '虚假贷款',
  'fraud.credit_repair': '虚假征信',
  'fraud.impersonate_boss': '冒充领导熟人',
  'fraud.impersonate_police': '冒充公检法',
  'fraud.romance': '网络婚恋交友',
  'fraud.game': '网络游戏虚假交易',
  'fraud.pension': '养老诈骗',
  'topic.cards': '银行卡',
  'topic.loans': '贷款与征信',
  'topic.elderly': '老年人防骗',
} as const;
export type TTopicTag = keyof typeof TOPIC_TAGS;

export const AUDIENCES = {
  elderly: '老年人',
  youth: '青少年',
  new_urban: '新市民',
  gig_workers: '新就业形态劳动者',
  women: '妇女',
  rural: '农村居民',
} as const;
export type TAudience = keyof typeof AUDIENCES;

const tagKeys = Object.keys(TOPIC_TAGS) as [TTopicTag, ...TTopicTag[]];
const audienceKeys = Object.keys(AUDIENCES) as [TAudience, ...TAudience[]];
export const ZTopicTag = z.enum(tagKeys);
export const ZAudience = z.enum(audienceKeys);

// ---------- content library ----------

export const ZContentKind = z.enum(['article', 'video', 'material']);
export const ZContentStatus = z.enum(['draft', 'in_review', 'published', 'archived']);
export type TContentStatus = z.infer<typeof ZContentStatus>;

export const ZKeyPoint = z.strictObject({ atSec: z.number().int().min(0).max(86_400), label: z.string().trim().min(1).max(60) });
export const ZVideoMeta = z.strictObject({
  durationSec: z.number().int().min(1).max(86_400),
  mediaUrl: z.string().trim().max(500).nullable(),
  posterUrl: z.string().trim().max(500).nullable(),
  subtitles: z.string().max(200_000).nullable(),
  keyPoints: z.array(ZKeyPoint).max(50),
});

export const ZContentInput = z.strictObject({
  kind: ZContentKind,
  title: z.string().trim().min(2).max(120),
  summary: z.string().trim().max(500).default(''),
  bodyHtml: z.string().max(200_000),
  tags: z.array(ZTopicTag).max(20).default([]),
  audiences: z.array(ZAudience).max(6).default([]),
  video: ZVideoMeta.nullable().default(null),
});
export type TContentInput = z.infer<typeof ZContentInput>;
export const ZContentUpdate = ZContentInput.omit({ kind: true }).extend({ expectedVersion: z.number().int().min(1) });

export const ZReviewDecision = z.strictObject({ approve: z.boolean(), comment: z.string().trim().max(1000).optional() });

export const ZContentSummary = z.object({
  id: z.uuid(),
  kind: ZContentKind,
  status: ZContentStatus,
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  audiences: z.array(z.string()),
  version: z.number(),
  authorName: z.string(),
  reviewerName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const ZContentDetail = ZContentSummary.extend({
  bodyHtml: z.string(),
  video: ZVideoMeta.nullable(),
  reviewComment: z.string().nullable(),
  allowedActions: z.array(z.string()),
  versions: z.array(z.object({ version: z.number(), title: z.string(), savedBy: z.string(), savedAt: z.string(), note: z.string() })),
});
export type TContentDetail = z.infer<typeof ZContentDetail>;

export const ZContentListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: ZContentStatus.optional(),
  kind: ZContentKind.optional(),
  tag: ZTopicTag.optional(),
  audience: ZAudience.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

// ---------- questions ----------

export const ZQuestionType = z.enum(['single', 'multiple', 'truefalse', 'fill']);
export type TQuestionType = z.infer<typeof ZQuestionType>;
export const ZOption = z.strictObject({ key: z.string().regex(/^[A-H]$/), text: z.string().trim().min(1).max(500) });
export const ZQuestionInput = z.strictObject({
  type: ZQuestionType,
  stem: z.string().trim().min(2).max(1000),
  options: z.array(ZOption).max(8).default([]),
  /** single: ["B"]; multiple: ["A","C"]; truefalse: ["T"] or ["F"]; fill: accepted answers. */
  answer: z.array(z.string().trim().min(1).max(200)).min(1).max(8),
  explanation: z.string().trim().max(2000).default(''),
  tags: z.array(ZTopicTag).max(10).default([]),
  difficulty: z.number().int().min(1).max(3).default(2),
});
export type TQuestionInput = z.infer<typeof ZQuestionInput>;

export const ZQuestion = z.object({
  id: z.uuid(),
  bank: z.string(),
  type: ZQuestionType,
  stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })),
  answer: z.array(z.string()),
  explanation: z.string(),
  tags: z.array(z.string()),
  difficulty: z.number(),
});

export const ZImportRequest = z.strictObject({
  format: z.enum(['csv', 'json']),
  content: z.string().min(1).max(5_000_000),
  bank: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{2,40}$/),
  /** Import the valid rows even when some rows fail; otherwise any failure imports nothing. */
  skipInvalid: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});
export const ZImportReport = z.object({
  total: z.number(),
  valid: z.number(),
  imported: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), issue: z.string() })),
  /** Rows imported with a repair the editor should look at (e.g. an option whose text the source lost). */
  warnings: z.array(z.object({ row: z.number(), field: z.string(), issue: z.string() })),
});
export type TImportReport = z.infer<typeof ZImportReport>;

// ---------- quizzes ----------

export const ZQuizSettings = z
  .strictObject({
    mode: z.enum(['fixed', 'random']),
    questionIds: z.array(z.uuid()).max(200).default([]),
    bank: z.string().max(40).default('seed'),
    tags: z.array(ZTopicTag).max(20).default([]),
    difficulty: z.array(z.number().int().min(1).max(3)).max(3).default([]),
    count: z.number().int().min(1).max(200).default(10),
    timeLimitSec: z
      .number()
      .int()
      .min(30)
      .max(4 * 3600)
      .default(600),
    attemptsLimit: z.number().int().min(1).max(100).default(3),
    feedback: z.enum(['immediate', 'deferred']).default('immediate'),
    passScore: z.number().int().min(0).max(100).default(60),
  })
  .refine((s) => s.mode === 'random' || s.questionIds.length > 0, { message: 'fixed quizzes need questionIds', path: ['questionIds'] });
export type TQuizSettings = z.infer<typeof ZQuizSettings>;

export const ZQuizCreate = z.strictObject({
  title: z.string().trim().min(2).max(120),
  description: z.string().trim().max(1000).default(''),
  settings: ZQuizSettings,
});
export const ZQuizUpdate = z.strictObject({ settings: ZQuizSettings, status: z.enum(['draft', 'open', 'closed']).optional() });
export const ZQuiz = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  version: z.number(),
  settings: z.any(),
  attempts: z.number(),
});

const deviceId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
/** A mainland mobile number; spaces, dashes and a +86/0086 prefix are accepted and stripped. */
export const ZMobile = z
  .string()
  .trim()
  .max(24)
  .transform((v) => v.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, '请输入11位手机号码 / a mainland mobile number (11 digits)'));
export const ZStartAttempt = z.strictObject({
  deviceId,
  nickname: z.string().trim().min(1).max(20).optional(),
  audience: ZAudience.optional(),
  /** Optional: given for the prize draw (and to be reached as a winner). */
  phone: ZMobile.optional(),
});
export const ZAnswers = z.record(z.uuid(), z.array(z.string().trim().max(200)).max(8));
export const ZSaveAnswers = z.strictObject({ deviceId, answers: ZAnswers });
export const ZSubmitAttempt = z.strictObject({ deviceId, answers: ZAnswers.optional(), phone: ZMobile.optional() });
export const ZAttemptQuestion = z.object({
  id: z.uuid(),
  type: ZQuestionType,
  stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })),
});
export const ZAttemptView = z.object({
  id: z.uuid(),
  quizId: z.uuid(),
  quizVersion: z.number(),
  status: z.enum(['in_progress', 'submitted', 'expired']),
  startedAt: z.string(),
  deadlineAt: z.string(),
  questions: z.array(ZAttemptQuestion),
  answers: ZAnswers,
  score: z.number().nullable(),
  maxScore: z.number(),
  feedback: z.array(z.object({ id: z.uuid(), correct: z.boolean(), answer: z.array(z.string()), explanation: z.string() })).nullable(),
});
export type TAttemptView = z.infer<typeof ZAttemptView>;

// ---------- prize draws ----------

export const ZDrawCreate = z
  .strictObject({
    quizId: z.uuid(),
    title: z.string().trim().min(2).max(120),
    minScore: z.number().int().min(0).max(100),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    winners: z.number().int().min(1).max(1000),
    /** In rank order; their quantities add up to `winners`. Optional: a draw may announce winners only. */
    prizes: z
      .array(z.strictObject({ name: z.string().trim().min(1).max(60), quantity: z.number().int().min(1).max(1000) }))
      .max(10)
      .default([]),
  })
  .refine((d) => new Date(d.closesAt) > new Date(d.opensAt), { message: 'closesAt must be after opensAt', path: ['closesAt'] })
  .refine((d) => d.prizes.length === 0 || d.prizes.reduce((n, p) => n + p.quantity, 0) === d.winners, {
    message: 'prize quantities must add up to winners',
    path: ['prizes'],
  });
export const ZDrawPublic = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(['open', 'committed', 'drawn']),
  minScore: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  winnersCount: z.number(),
  algorithm: z.string(),
  seedHash: z.string().nullable(),
  entriesHash: z.string().nullable(),
  entryIds: z.array(z.string()).nullable(),
  seed: z.string().nullable(),
  winners: z.array(z.object({ rank: z.number(), entryId: z.string(), nickname: z.string(), prize: z.string().nullable() })).nullable(),
  entries: z.number(),
  prizes: z.array(z.object({ name: z.string(), quantity: z.number(), remaining: z.number() })),
});
export const ZRedemptionCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[2-9A-HJKMNP-Z]{10}$/, '兑奖码为10位字母数字 / a 10-character code'));
export const ZRedemption = z.object({
  code: z.string(),
  drawId: z.uuid(),
  drawTitle: z.string(),
  prize: z.string(),
  rank: z.number(),
  nickname: z.string(),
  status: z.enum(['issued', 'redeemed']),
  redeemedAt: z.string().nullable(),
  redeemedBy: z.string().nullable(),
  redeemedOrg: z.string().nullable(),
});
export type TRedemption = z.infer<typeof ZRedemption>;
export const ZVerifyDraw = z.strictObject({
  seed: z.string().regex(/^[0-9a-f]{64}$/),
  seedHash: z.string().regex(/^[0-9a-f]{64}$/),
  entriesHash: z.string().regex(/^[0-9a-f]{64}$/),
  entryIds: z.array(z.string().min(1).max(64)).min(1).max(100_000),
  winnersCount: z.number().int().min(1).max(1000),
  claimedWinners: z.array(z.string()).max(1000).optional(),
});
export const ZVerifyResult = z.object({
  seedMatches: z.boolean(),
  entriesMatch: z.boolean(),
  winners: z.array(z.string()),
  winnersMatch: z.boolean().nullable(),
  valid: z.boolean(),
});

// ---------- courses (staff) ----------

export const ZLessonInput = z.strictObject({
  /** Kept when editing so learners' progress stays attached to the lesson. */
  id: z
    .string()
    .regex(/^[a-z0-9-]{4,36}$/)
    .optional(),
  title: z.string().trim().min(2).max(120),
  contentId: z.uuid().nullable().default(null),
  durationSec: z
    .number()
    .int()
    .min(10)
    .max(4 * 3600),
  keyPoints: z.array(ZKeyPoint).max(20).default([]),
});
export const ZCourseInput = z
  .strictObject({
    title: z.string().trim().min(2).max(120),
    summary: z.string().trim().max(1000).default(''),
    status: z.enum(['draft', 'published']).default('draft'),
    chapters: z
      .array(z.strictObject({ title: z.string().trim().min(2).max(120), lessons: z.array(ZLessonInput).min(1).max(50) }))
      .min(1)
      .max(30),
  })
  .refine((c) => c.chapters.every((ch) => ch.lessons.every((l) => l.keyPoints.every((k) => k.atSec < l.durationSec))), {
    message: 'key points must fall inside the lesson',
    path: ['chapters'],
  });
export type TCourseInput = z.infer<typeof ZCourseInput>;
