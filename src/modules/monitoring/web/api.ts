import { api } from '../../../web/api-client.ts';

export type Grade = 'I' | 'II' | 'III';
export type Clock = {
  key: string;
  label: string;
  dueAt: string;
  doneAt: string | null;
  state: 'done' | 'done_late' | 'running' | 'overdue';
  remainingMs: number;
};
export type IncidentSummary = {
  id: string;
  title: string;
  grade: Grade;
  status: string;
  ownerName: string;
  openedAt: string;
  clocks: Clock[];
  overdue: boolean;
};
export type Incident = IncidentSummary & {
  findings: { findings: string; evidence: string[] } | null;
  decision: { verdict: string; reason: string; rectification: string | null } | null;
  response: { kind: string; text: string; channel: string } | null;
  review: { review: string } | null;
  allowedActions: string[];
  referrals: { id: string; partnerKind: string; partner: string; shared: string; reference: string | null; createdAt: string }[];
  complaints: { id: string; trackingCode: string; title: string; linkedAt: string }[];
  timeline: { at: string; type: string; actorName: string; data: Record<string, unknown> }[];
};
export type Source = {
  id: string;
  code: string;
  name: string;
  kind: string;
  health: 'ok' | 'failing' | 'never' | 'idle';
  lastOkAt: string | null;
  lastError: string | null;
  postCount: number;
};
export type Post = {
  id: string;
  publishedAt: string;
  title: string | null;
  text: string;
  url: string | null;
  sentiment: 'positive' | 'negative' | 'neutral';
  grade: Grade | null;
  gradeRule: string | null;
  keywords: string[];
  negativeEntities: string[];
  fraudType: string | null;
  storyId: string;
  reach: { reposts: number; comments: number; likes: number };
  source: { code: string; name: string };
};
export type Alert = {
  id: string;
  kind: 'spike' | 'grade';
  subjectName: string;
  subjectType: string;
  grade: Grade | null;
  count: number;
  threshold: number;
  baselineMean: number;
  status: 'open' | 'acknowledged';
  acknowledgedBy: string | null;
  incidentId: string | null;
  createdAt: string;
  explanation: {
    topTerms?: { key: string; count: number }[];
    topSources?: { key: string; count: number }[];
    samples?: { id: string; excerpt: string; source: string }[];
    sentimentMix?: Record<string, number>;
  };
};
export type Dashboard = {
  volume: { hour: string; positive: number; neutral: number; negative: number }[];
  gradeMix: Partial<Record<Grade, number>>;
  stories: { id: string; title: string; posts: number; negative: number }[];
  wordCloud: { word: string; count: number }[];
};

const B = '/api/v1/opinion';
export const opinionApi = {
  dashboard: () => api.get<Dashboard>(`${B}/dashboard`),
  sources: () => api.get<{ items: Source[] }>(`${B}/sources`),
  posts: (q: Record<string, string | number | undefined>) => api.get<{ items: Post[]; total: number }>(`${B}/posts`, undefined, q),
  alerts: () => api.get<{ items: Alert[] }>(`${B}/alerts`),
  acknowledge: (id: string) => api.post<void>(`${B}/alerts/${id}/acknowledge`),
  incidents: (open?: boolean) => api.get<{ items: IncidentSummary[] }>(`${B}/incidents`, undefined, open ? { open: 'true' } : {}),
  openIncident: (body: { alertId?: string; title: string; grade: Grade }) => api.post<{ id: string }>(`${B}/incidents`, body),
  incident: (id: string) => api.get<Incident>(`${B}/incidents/${id}`),
  act: (id: string, body: Record<string, unknown>) => api.post<Incident>(`${B}/incidents/${id}/actions`, body),
  referral: (id: string, body: Record<string, unknown>) => api.post<{ id: string }>(`${B}/incidents/${id}/referrals`, body),
  link: (id: string, complaintId: string) => api.post<void>(`${B}/incidents/${id}/complaints`, { complaintId }),
  complaintRefs: (q: string) =>
    api.get<{ items: { id: string; trackingCode: string; title: string; status: string }[] }>(`${B}/complaint-refs`, undefined, { q }),
};

export type SourceDetail = Source & {
  url: string | null;
  mediaTier: string;
  enabled: boolean;
  lastPolledAt: string | null;
  lastErrorCode: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
  pollMinutes: number;
};
export type Watchlist = { id: string; name: string; kind: string; query: string; spikeK: number; spikeMinCount: number; enabled: boolean; matched7d: number };
export type RuleCondition = {
  minReach?: number;
  minFollowers?: number;
  tiers?: string[];
  anyTerms?: string[];
  negativeOnly?: boolean;
  minStoryPostsPerHour?: number;
  minLinkedComplaints?: number;
};
export type GradeRule = {
  id: string;
  grade: Grade;
  name: string;
  priority: number;
  condition: RuleCondition;
  enabled: boolean;
  fired7d: number;
  canEdit: boolean;
};
export type Channel = {
  id: string;
  kind: 'wecom' | 'dingtalk' | 'email';
  name: string;
  target: string;
  enabled: boolean;
  sent: number;
  failed: number;
  pending: number;
  lastError: string | null;
};
export type QueryPreview = {
  scanned: number;
  matched: number;
  samples: {
    id: string;
    publishedAt: string;
    source: string;
    excerpt: string;
    terms: string[];
    sentiment: 'positive' | 'negative' | 'neutral';
    grade: Grade | null;
  }[];
};
export type ImportJob = {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  format: 'csv' | 'jsonl';
  source: string;
  fileName: string | null;
  total: number;
  processed: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  errors: { index: number; externalId: string | null; field?: string; reason: string }[];
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
};
export type PushApi = { endpoint: string; header: string; scope: string; maxBatch: number; idempotency: string };

/** The admin screens' calls (sources, watchlists, rules, channels, imports). */
export const settingsApi = {
  sources: () => api.get<{ items: SourceDetail[] }>(`${B}/sources`),
  createSource: (body: Record<string, unknown>) => api.post<{ id: string }>(`${B}/sources`, body),
  updateSource: (id: string, body: Record<string, unknown>) => api.put<void>(`${B}/sources/${id}`, body),
  pollSource: (id: string) => api.post<{ ok: boolean; accepted: number; error?: string }>(`${B}/sources/${id}/poll`),
  pushApi: () => api.get<PushApi>(`${B}/push-api`),
  watchlists: () => api.get<{ items: Watchlist[] }>(`${B}/watchlists`),
  createWatchlist: (body: Record<string, unknown>) => api.post<{ id: string }>(`${B}/watchlists`, body),
  updateWatchlist: (id: string, body: Record<string, unknown>) => api.put<void>(`${B}/watchlists/${id}`, body),
  preview: (query: string) => api.post<QueryPreview>(`${B}/watchlists/preview`, { query }),
  rules: () => api.get<{ items: GradeRule[] }>(`${B}/grade-rules`),
  createRule: (body: Record<string, unknown>) => api.post<{ id: string }>(`${B}/grade-rules`, body),
  updateRule: (id: string, body: Record<string, unknown>) => api.put<void>(`${B}/grade-rules/${id}`, body),
  channels: () => api.get<{ items: Channel[] }>(`${B}/channels`),
  createChannel: (body: Record<string, unknown>) => api.post<{ id: string }>(`${B}/channels`, body),
  updateChannel: (id: string, body: Record<string, unknown>) => api.put<void>(`${B}/channels/${id}`, body),
  startImport: (body: { format: 'csv' | 'jsonl'; source: string; content: string; fileName?: string }) =>
    api.post<{ id: string; total: number }>(`${B}/imports/jobs`, body),
  importJob: (id: string) => api.get<ImportJob>(`${B}/imports/jobs/${id}`),
  importJobs: () => api.get<{ items: ImportJob[] }>(`${B}/imports/jobs`),
};
