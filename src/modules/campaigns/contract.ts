import { z } from 'zod';

/** Campaigns (宣传活动) and their events: schemas and labels shared by the server, the staff UI and the portal. */

type Label = { zh: string; en: string };

/** The campaign calendar (regulation.md §5): fixed days, the September month, and anything else. */
export const THEMES = ['cp315', 'leifeng', 'womens_day', 'tree_planting', 'fin_edu_month', 'custom'] as const;
export const ZTheme = z.enum(THEMES);
export type TTheme = z.infer<typeof ZTheme>;
export const THEME_LABELS: Record<TTheme, Label> = {
  cp315: { zh: '3·15 消费者权益保护日', en: '15 March consumer rights day' },
  leifeng: { zh: '3·5 学雷锋志愿服务日', en: 'Lei Feng volunteer day (5 March)' },
  womens_day: { zh: '三八妇女节', en: "International Women's Day" },
  tree_planting: { zh: '3·12 植树节', en: 'Tree-planting day (12 March)' },
  fin_edu_month: { zh: '9月 金融教育宣传月', en: 'September financial-education month' },
  custom: { zh: '自定义主题', en: 'Custom theme' },
};

/** What a new campaign of each theme starts with (the staff form pre-fills these; everything stays editable). */
export const THEME_TEMPLATES: Record<TTheme, { title: string; description: string; audiences: TAudience[]; monthDay: [number, number] | null }> = {
  cp315: {
    title: '3·15 金融消费者权益日宣传活动',
    description: '围绕“八项权利”与防范非法金融活动，走进网点、社区和企业开展集中宣传。',
    audiences: ['elderly', 'youth', 'new_urban'],
    monthDay: [3, 15],
  },
  leifeng: {
    title: '学雷锋·金融志愿服务进社区',
    description: '志愿者走进社区、驿站，为老年人和新就业形态劳动者提供面对面金融服务与防骗讲解。',
    audiences: ['elderly', 'gig_workers'],
    monthDay: [3, 5],
  },
  womens_day: {
    title: '“她”力量·女性金融安全课堂',
    description: '面向女性客户讲解理财风险识别、婚恋交友诈骗与个人信息保护。',
    audiences: ['women'],
    monthDay: [3, 8],
  },
  tree_planting: {
    title: '植树节·绿色金融与防范非法集资宣传',
    description: '结合植树节宣传绿色金融，提示“种植养殖高回报”类非法集资风险。',
    audiences: ['rural', 'elderly'],
    monthDay: [3, 12],
  },
  fin_edu_month: {
    title: '金融教育宣传月',
    description: '9月集中开展金融知识普及，重点覆盖“一老一少”、新市民和农村居民。',
    audiences: ['elderly', 'youth', 'new_urban', 'rural'],
    monthDay: [9, 1],
  },
  custom: { title: '', description: '', audiences: [], monthDay: null },
};

/** Priority groups (regulation.md §5: 一老一少, 新市民, rural residents …). Same keys as education's audiences. */
export const AUDIENCES = ['elderly', 'youth', 'new_urban', 'gig_workers', 'women', 'rural'] as const;
export const ZAudience = z.enum(AUDIENCES);
export type TAudience = z.infer<typeof ZAudience>;
export const AUDIENCE_LABELS: Record<TAudience, Label> = {
  elderly: { zh: '老年人', en: 'Elderly' },
  youth: { zh: '青少年', en: 'Young people' },
  new_urban: { zh: '新市民', en: 'New urban residents' },
  gig_workers: { zh: '新就业形态劳动者', en: 'New-employment workers' },
  women: { zh: '妇女', en: 'Women' },
  rural: { zh: '农村居民', en: 'Rural residents' },
};

export const VENUES = ['outlet', 'station', 'community', 'school', 'enterprise', 'online'] as const;
export const ZVenue = z.enum(VENUES);
export type TVenue = z.infer<typeof ZVenue>;
export const VENUE_LABELS: Record<TVenue, Label> = {
  outlet: { zh: '营业网点', en: 'Outlet' },
  station: { zh: '驿站', en: 'Service station' },
  community: { zh: '社区', en: 'Community' },
  school: { zh: '学校', en: 'School' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  online: { zh: '线上', en: 'Online' },
};

/** How a person came to the event: self-registered on the portal, entered by staff, or walked in on the day. */
export const CHANNELS = ['portal', 'staff', 'walk_in'] as const;
export type TChannel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<TChannel, Label> = {
  portal: { zh: '线上报名', en: 'Online sign-up' },
  staff: { zh: '员工代登记', en: 'Entered by staff' },
  walk_in: { zh: '现场参与', en: 'Walk-in' },
};

export const EVENT_STATUSES = ['draft', 'open', 'closed', 'cancelled'] as const;
export type TEventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABELS: Record<TEventStatus, Label & { color: string }> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  open: { zh: '报名中', en: 'Open', color: 'green' },
  closed: { zh: '报名截止', en: 'Registration closed', color: 'blue' },
  cancelled: { zh: '已取消', en: 'Cancelled', color: 'red' },
};

const text = (max: number) => z.string().trim().min(1).max(max);
/** A mainland mobile number; spaces, dashes and a +86 prefix are accepted and removed. */
export const normalizePhone = (raw: string): string => raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
export const ZMobile = z
  .string()
  .max(20)
  .transform(normalizePhone)
  .refine((s) => /^1[3-9]\d{9}$/.test(s), '请输入11位手机号码 / a mainland mobile number (11 digits)');
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

export const ZGoals = z.strictObject({
  reach: z.number().int().min(0).max(10_000_000),
  attendance: z.number().int().min(0).max(1_000_000),
  quizParticipation: z.number().int().min(0).max(1_000_000),
});
export type TGoals = z.infer<typeof ZGoals>;

export const ZCampaignInput = z.strictObject({
  theme: ZTheme,
  title: text(100),
  description: z.string().trim().max(2000).default(''),
  startsOn: isoDate,
  endsOn: isoDate,
  audiences: z.array(ZAudience).max(AUDIENCES.length).default([]),
  goals: ZGoals,
  /** Owning org; defaults to the acting user's org. */
  orgId: z.uuid().optional(),
  /** Education quizzes whose submitted attempts count towards the quiz-participation goal. */
  quizIds: z.array(z.uuid()).max(10).default([]),
});
export type TCampaignInput = z.infer<typeof ZCampaignInput>;

export const ZSpeaker = z.strictObject({ name: text(40), kind: z.enum(['staff', 'partner']), organisation: z.string().trim().max(80).default('') });

export const ZEventInput = z.strictObject({
  title: text(100),
  venueType: ZVenue,
  venueName: text(100),
  address: z.string().trim().max(200).default(''),
  /** The org that runs the event (an outlet for 网点 events); defaults to the campaign's org. */
  orgId: z.uuid().optional(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  capacity: z.number().int().min(1).max(100_000),
  /** When registration closes; defaults to the start time. */
  registrationClosesAt: isoDateTime.optional(),
  audiences: z.array(ZAudience).max(AUDIENCES.length).default([]),
  speakers: z.array(ZSpeaker).max(20).default([]),
  materials: z.array(text(100)).max(30).default([]),
  description: z.string().trim().max(2000).default(''),
});
export type TEventInput = z.infer<typeof ZEventInput>;

export const ZRegistrationInput = z.strictObject({
  name: text(20),
  phone: ZMobile,
  audience: ZAudience.optional(),
});
export type TRegistrationInput = z.infer<typeof ZRegistrationInput>;

export const ZCheckInInput = z.strictObject({
  /** The scanned QR content: the check-in URL or the bare code. */
  code: z.string().trim().min(1).max(300),
  /** The event the door belongs to; a code for another event is refused. */
  eventId: z.uuid().optional(),
});

export const ZReportInput = z.strictObject({
  summary: z.string().trim().max(2000),
  /** People reached beyond the attendees (leaflets handed out, online viewers …), as counted by the team. */
  extraReach: z.number().int().min(0).max(10_000_000).default(0),
  /** Quiz participants counted on site (paper quizzes), added to the quiz goal. */
  quizParticipants: z.number().int().min(0).max(1_000_000).default(0),
});

export const ZAssistInput = z.strictObject({
  eventId: z.uuid().optional(),
  customerName: text(20),
  phone: ZMobile.optional(),
  age: z.number().int().min(0).max(120).optional(),
  topics: z.array(text(40)).min(1).max(10),
  explained: text(2000),
  followUp: z.string().trim().max(1000).default(''),
  followUpDue: isoDate.optional(),
});
export type TAssistInput = z.infer<typeof ZAssistInput>;

export const ZRevealInput = z.strictObject({ reason: text(200) });

export const ZCampaignSummary = z.object({
  id: z.string(),
  theme: ZTheme,
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  audiences: z.array(z.string()),
  orgId: z.string(),
  orgName: z.string(),
  goals: ZGoals,
  results: z.object({ reach: z.number(), attendance: z.number(), quizParticipation: z.number() }),
  events: z.number(),
});
export type TCampaignSummary = z.infer<typeof ZCampaignSummary>;

export const ZEventSummary = z.object({
  id: z.string(),
  campaignId: z.string(),
  title: z.string(),
  status: z.enum(EVENT_STATUSES),
  venueType: ZVenue,
  venueName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  registrationClosesAt: z.string(),
  capacity: z.number(),
  registered: z.number(),
  attended: z.number(),
  walkIns: z.number(),
});
export type TEventSummary = z.infer<typeof ZEventSummary>;

export const ZCampaignDetail = ZCampaignSummary.extend({
  description: z.string(),
  quizIds: z.array(z.string()),
  eventList: z.array(ZEventSummary),
  allowedActions: z.array(z.string()),
});
export type TCampaignDetail = z.infer<typeof ZCampaignDetail>;

export const ZRegistration = z.object({
  id: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  audience: z.string().nullable(),
  channel: z.enum(CHANNELS),
  status: z.enum(['registered', 'checked_in']),
  walkIn: z.boolean(),
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TRegistration = z.infer<typeof ZRegistration>;

export const ZAttendanceReport = z.object({
  registered: z.number(),
  attended: z.number(),
  walkIns: z.number(),
  noShows: z.number(),
  capacity: z.number(),
  byAudience: z.array(z.object({ audience: z.string(), registered: z.number(), attended: z.number() })),
  byChannel: z.array(z.object({ channel: z.string(), people: z.number() })),
});
export type TAttendanceReport = z.infer<typeof ZAttendanceReport>;

export const ZEventDetail = ZEventSummary.extend({
  campaignTitle: z.string(),
  theme: ZTheme,
  address: z.string(),
  description: z.string(),
  audiences: z.array(z.string()),
  speakers: z.array(z.object({ name: z.string(), kind: z.enum(['staff', 'partner']), organisation: z.string() })),
  materials: z.array(z.string()),
  publicPath: z.string(),
  report: z.object({ summary: z.string(), extraReach: z.number(), quizParticipants: z.number(), by: z.string().nullable(), at: z.string().nullable() }),
  photos: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), caption: z.string(), uploadedBy: z.string() })),
  attendance: ZAttendanceReport,
  allowedActions: z.array(z.string()),
});
export type TEventDetail = z.infer<typeof ZEventDetail>;

export const ZPublicEvent = z.object({
  id: z.string(),
  title: z.string(),
  campaignTitle: z.string(),
  theme: ZTheme,
  venueType: ZVenue,
  venueName: z.string(),
  address: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  registrationClosesAt: z.string(),
  capacity: z.number(),
  seatsLeft: z.number(),
  isOpen: z.boolean(),
  audiences: z.array(z.string()),
  speakers: z.array(z.object({ name: z.string(), organisation: z.string() })),
});
export type TPublicEvent = z.infer<typeof ZPublicEvent>;

export const ZConfirmation = z.object({
  registrationId: z.string(),
  code: z.string(),
  checkInUrl: z.string(),
  /** The QR code (SVG markup generated by the server) encoding checkInUrl. */
  qrSvg: z.string(),
  nameMasked: z.string(),
  phoneMasked: z.string(),
  status: z.enum(['registered', 'checked_in']),
  event: ZPublicEvent,
});
export type TConfirmation = z.infer<typeof ZConfirmation>;

export const ZCheckInResult = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  walkIn: z.boolean(),
  checkedInAt: z.string(),
});
export type TCheckInResult = z.infer<typeof ZCheckInResult>;

export const ZAssist = z.object({
  id: z.string(),
  eventId: z.string().nullable(),
  eventTitle: z.string().nullable(),
  orgName: z.string(),
  customerName: z.string(),
  phoneMasked: z.string().nullable(),
  age: z.number().nullable(),
  topics: z.array(z.string()),
  explained: z.string(),
  followUp: z.string(),
  followUpDue: z.string().nullable(),
  followUpDone: z.boolean(),
  staffName: z.string(),
  createdAt: z.string(),
});
export type TAssist = z.infer<typeof ZAssist>;

export const ZReach = z.object({
  totals: z.object({ events: z.number(), registered: z.number(), attended: z.number(), walkIns: z.number(), extraReach: z.number(), reach: z.number() }),
  byAudience: z.array(z.object({ key: z.string(), people: z.number() })),
  byOutlet: z.array(z.object({ key: z.string(), people: z.number() })),
  byChannel: z.array(z.object({ key: z.string(), people: z.number() })),
  byVenue: z.array(z.object({ key: z.string(), people: z.number() })),
});
export type TReach = z.infer<typeof ZReach>;

export const ZReachQuery = z.strictObject({ campaignId: z.uuid().optional(), from: isoDate.optional(), to: isoDate.optional() });
