import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../../../platform/db/schema.ts';
import type { TClockPolicy, TGrade, TIncidentStatus, TMediaTier, TRuleCondition } from '../../contract.ts';

/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export type MonitorSourcesTable = {
  id: string;
  code: string;
  name: string;
  kind: 'rss' | 'push' | 'file' | 'demo';
  url: string | null;
  media_tier: TMediaTier;
  enabled: Defaulted<boolean>;
  poll_minutes: Defaulted<number>;
  org_id: string;
  org_path: string;
  /** Conditional-GET validators from the last 200 answer. */
  etag: string | null;
  last_modified: string | null;
  last_polled_at: NullableTimestamp;
  last_ok_at: NullableTimestamp;
  last_error: string | null;
  last_error_code: string | null;
  consecutive_failures: Defaulted<number>;
  next_poll_at: NullableTimestamp;
  post_count: Defaulted<number>;
  created_at: Timestamp;
};

export type MonitorPostsTable = {
  id: string;
  source_id: string;
  external_id: string;
  url: string | null;
  author: string | null;
  published_at: Timestamp;
  first_seen_at: Timestamp;
  title: string | null;
  text: string;
  reposts: number;
  comments: number;
  likes: number;
  followers: number;
  media_tier: TMediaTier;
  sentiment: 'positive' | 'negative' | 'neutral';
  sentiment_score: number;
  negative: boolean;
  negative_entities: string[];
  fraud_type: string | null;
  simhash: string;
  story_id: string;
  keywords: string[];
  watchlist_ids: string[];
  grade: TGrade | null;
  grade_rule: string | null;
  org_id: string;
  org_path: string;
  search_text: string;
  search_terms: string;
};

export type MonitorStoriesTable = {
  id: string;
  title: string;
  simhash: string;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  post_count: Defaulted<number>;
  org_path: string;
};

export type MonitorWatchlistsTable = {
  id: string;
  name: string;
  kind: 'brand' | 'product' | 'executive' | 'topic';
  query: string;
  spike_k: number;
  spike_min_count: number;
  enabled: Defaulted<boolean>;
  org_id: string;
  org_path: string;
  created_at: Timestamp;
};

export type MonitorGradeRulesTable = {
  id: string;
  grade: TGrade;
  name: string;
  priority: number;
  condition: Json<TRuleCondition>;
  enabled: Defaulted<boolean>;
  org_path: string;
};

export type MonitorClockPoliciesTable = { grade: TGrade; org_path: string; clocks: Json<TClockPolicy[]> };

export type MonitorAlertsTable = {
  id: string;
  kind: 'spike' | 'grade';
  subject_type: 'watchlist' | 'story';
  subject_id: string;
  subject_name: string;
  dedupe_key: string;
  grade: TGrade | null;
  window_start: Timestamp;
  count: number;
  baseline_mean: number;
  baseline_sd: number;
  threshold: number;
  explanation: Json<Record<string, unknown>>;
  status: Defaulted<'open' | 'acknowledged'>;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: NullableTimestamp;
  incident_id: string | null;
  org_path: string;
  created_at: Timestamp;
};

export type MonitorChannelsTable = {
  id: string;
  kind: 'wecom' | 'dingtalk' | 'email';
  /** Robot webhook URL, or `mailto:a@x,b@y` for e-mail. */
  name: string;
  url: string;
  enabled: Defaulted<boolean>;
  org_path: string;
};

export type MonitorDeliveriesTable = {
  id: Generated<number>;
  alert_id: string;
  channel_id: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_at: Timestamp;
  delivered_at: NullableTimestamp;
};

export type MonitorIncidentsTable = {
  id: string;
  title: string;
  grade: TGrade;
  status: TIncidentStatus;
  owner_id: string | null;
  owner_name: string;
  alert_id: string | null;
  story_id: string | null;
  org_id: string;
  org_path: string;
  opened_at: Timestamp;
  clocks: Json<{ key: string; label: string; dueAt: string; doneAt: string | null; note: string | null }[]>;
  findings: NullableJson<{ findings: string; evidence: string[] }>;
  decision: NullableJson<{ verdict: 'true' | 'false' | 'no_action'; reason: string; rectification: string | null }>;
  response: NullableJson<{ kind: string; text: string; channel: string; url: string | null; publishedAt: string }>;
  review: NullableJson<{ review: string; lessons: string | null }>;
  closed_at: NullableTimestamp;
  updated_at: Timestamp;
};

export type MonitorIncidentEventsTable = {
  id: Generated<number>;
  incident_id: string;
  at: Timestamp;
  type: string;
  actor_id: string | null;
  actor_name: string;
  data: Json<Record<string, unknown>>;
};

export type MonitorReferralsTable = {
  id: string;
  incident_id: string;
  partner_kind: 'regulator' | 'police' | 'other';
  partner: string;
  shared: string;
  reference: string | null;
  outcome: string | null;
  created_by_name: string;
  created_at: Timestamp;
};

export type MonitorIncidentComplaintsTable = {
  incident_id: string;
  complaint_id: string;
  tracking_code: string;
  title: string;
  linked_by_name: string;
  linked_at: Timestamp;
};

export type MonitorImportJobsTable = {
  id: string;
  format: 'csv' | 'jsonl';
  source: string;
  file_name: string | null;
  content: string;
  total: number;
  processed: Defaulted<number>;
  accepted: Defaulted<number>;
  duplicate: Defaulted<number>;
  rejected: Defaulted<number>;
  errors: ColumnType<{ index: number; externalId: string | null; reason: string; field?: string }[], string | undefined, string>;
  status: Defaulted<'queued' | 'running' | 'done' | 'failed'>;
  /** Who started it: the job acts for them (scope, audit). */
  actor: Json<{ kind: 'user' | 'system'; userId: string | null; username: string; orgId: string; orgPath: string; roles: string[] }>;
  created_by_name: string;
  org_id: string;
  org_path: string;
  created_at: Timestamp;
  /** The process running it; with the embedded database only one process exists, so another id means it died. */
  worker_id: string | null;
  heartbeat_at: NullableTimestamp;
  finished_at: NullableTimestamp;
};

declare module '../../../../platform/db/schema.ts' {
  interface Database {
    monitor_sources: MonitorSourcesTable;
    monitor_posts: MonitorPostsTable;
    monitor_stories: MonitorStoriesTable;
    monitor_watchlists: MonitorWatchlistsTable;
    monitor_grade_rules: MonitorGradeRulesTable;
    monitor_clock_policies: MonitorClockPoliciesTable;
    monitor_alerts: MonitorAlertsTable;
    monitor_channels: MonitorChannelsTable;
    monitor_deliveries: MonitorDeliveriesTable;
    monitor_incidents: MonitorIncidentsTable;
    monitor_incident_events: MonitorIncidentEventsTable;
    monitor_referrals: MonitorReferralsTable;
    monitor_incident_complaints: MonitorIncidentComplaintsTable;
    monitor_import_jobs: MonitorImportJobsTable;
  }
}
