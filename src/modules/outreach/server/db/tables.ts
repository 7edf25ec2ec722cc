import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../../../platform/db/schema.ts';

export type TChannel = 'inbox' | 'email' | 'sms' | 'wechat';

/** The outreach directory; `org_path` is the home outlet's path (data scope and "under 支行 X" rules). */
export type OutreachCustomersTable = {
  id: string;
  name: string;
  mobile: string | null;
  email: string | null;
  wechat_openid: string | null;
  age_band: string;
  gender: string;
  occupation: string;
  home_org_id: string;
  home_org_code: string;
  org_path: string;
  /** Channels the customer agreed to receive on (inbox, email, sms, wechat). */
  consents: string[];
  /** Channels the customer unsubscribed from; wins over consent. */
  opt_outs: string[];
  import_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type OutreachImportsTable = {
  id: string;
  file_name: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: Generated<number>;
  imported: Generated<number>;
  duplicates: Generated<number>;
  errors: Json<{ row: number; field: string; issue: string }[]>;
  /** The parsed rows waiting for the import job (cleared when done). */
  pending: ColumnType<Record<string, string>[] | null, string | null, string | null>;
  org_id: string;
  org_path: string;
  created_by: string;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
  /** Set with every committed chunk; a running import whose heartbeat is old was left by a dead process. */
  heartbeat_at: NullableTimestamp;
};

/** What customers did elsewhere, from other modules' events, keyed by normalised mobile. */
export type OutreachBehavioursTable = {
  id: Generated<number>;
  kind: 'attended' | 'quiz_scored' | 'course_completed' | 'complained';
  mobile: string;
  ref_id: string;
  ref_title: string;
  score: number | null;
  category: string | null;
  source_event_id: number;
  at: Timestamp;
};

export type OutreachEventInvitesTable = {
  event_id: string;
  campaign_id: string;
  title: string;
  starts_at: Timestamp;
  venue_name: string;
  org_id: string;
  org_path: string;
  public_path: string;
  created_at: Timestamp;
};

export type OutreachSegmentsTable = {
  id: string;
  name: string;
  description: string;
  rule: Json<unknown>;
  last_count: number | null;
  last_counted_at: NullableTimestamp;
  org_id: string;
  org_path: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type OutreachPushesTable = {
  id: string;
  title: string;
  body: string;
  content_kind: 'article' | 'video' | 'course' | 'quiz' | 'event' | 'risk_alert' | 'notice';
  content_ref: string | null;
  link_path: string | null;
  segment_id: string;
  channels: string[];
  status: 'draft' | 'scheduled' | 'running' | 'done' | 'cancelled';
  scheduled_at: NullableTimestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  recipients: number;
  org_id: string;
  org_path: string;
  created_by: string;
  created_at: Timestamp;
};

export type TDeliveryStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'skipped';

/** One row per recipient × channel, created set-based when the push starts. */
export type OutreachDeliveriesTable = {
  id: Generated<number>;
  push_id: string;
  customer_id: string;
  channel: TChannel;
  address: string | null;
  status: TDeliveryStatus;
  skip_reason: string | null;
  attempts: number;
  next_attempt_at: Timestamp;
  lease_until: NullableTimestamp;
  last_error: string | null;
  provider_id: string | null;
  sent_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  opened_at: NullableTimestamp;
  clicked_at: NullableTimestamp;
};

export type OutreachInboxTable = {
  id: Generated<number>;
  customer_id: string;
  push_id: string;
  delivery_id: number;
  title: string;
  body: string;
  link_path: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
};

export type OutreachSettingsTable = { key: string; value: Json<Record<string, unknown>>; updated_at: Timestamp };

export type OutreachRiskAlertsTable = {
  id: string;
  fraud_type: string;
  title: string;
  what_happens: string;
  how_to_protect: string;
  where_to_report: string;
  keywords: string[];
  status: 'draft' | 'in_review' | 'published' | 'archived';
  author_id: string | null;
  author_name: string;
  reviewer_id: string | null;
  reviewer_name: string | null;
  review_comment: string | null;
  cited_incident_id: string | null;
  cited_note: string | null;
  published_at: NullableTimestamp;
  org_id: string;
  org_path: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

declare module '../../../../platform/db/schema.ts' {
  interface Database {
    outreach_customers: OutreachCustomersTable;
    outreach_imports: OutreachImportsTable;
    outreach_behaviours: OutreachBehavioursTable;
    outreach_event_invites: OutreachEventInvitesTable;
    outreach_segments: OutreachSegmentsTable;
    outreach_pushes: OutreachPushesTable;
    outreach_deliveries: OutreachDeliveriesTable;
    outreach_inbox: OutreachInboxTable;
    outreach_settings: OutreachSettingsTable;
    outreach_risk_alerts: OutreachRiskAlertsTable;
  }
}
