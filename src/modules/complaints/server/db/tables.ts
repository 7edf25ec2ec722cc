import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../../../platform/db/schema.ts';
import type { TChannel, TStatus } from '../../contract.ts';

export type ComplaintsTable = {
  id: string;
  tracking_code: string;
  channel: TChannel;
  regulator_ticket: string | null;
  received_at: Timestamp;
  /** Responsible org (data scope). */
  org_id: string;
  org_path: string;
  receiving_org_id: string;
  first_responder_id: string | null;
  first_responder_name: string;
  /** 首问负责: the owner until someone accepts a documented hand-over. */
  owner_id: string | null;
  owner_name: string | null;
  status: TStatus;
  complainant_name: string;
  phone: string;
  id_number: string | null;
  party: Json<Record<string, unknown>>;
  title: string;
  facts: string;
  request: string;
  business_category: string | null;
  cause: string | null;
  flags: string[];
  group_size: number | null;
  deadline: string;
  stage: string;
  decision: Json<Record<string, unknown> | null>;
  root_cause: string | null;
  rectification: string | null;
  merged_into: string | null;
  closed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Decision notices sent (and in time), kept by a trigger for the monthly counts. */
  decision_notices: Generated<number>;
  decision_notices_in_time: Generated<number>;
  /** Hybrid search columns maintained with platform/search's buildSearchDocument. */
  search_text: string;
  search_terms: string;
};

export type ComplaintEventsTable = {
  id: Generated<number>;
  complaint_id: string;
  at: Timestamp;
  type: string;
  actor_id: string | null;
  actor_name: string;
  data: Json<Record<string, unknown>>;
};

/** Hand-overs, extensions and not-accepted decisions wait here for the person who must approve them. */
export type ComplaintRequestsTable = {
  id: string;
  complaint_id: string;
  kind: 'handover' | 'extension' | 'not_accepted';
  status: 'pending' | 'approved' | 'declined';
  data: Json<Record<string, unknown>>;
  requested_by: string;
  requested_by_name: string;
  /** For hand-overs: the colleague who must accept. */
  assignee_id: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
};

export type ComplaintNoticesTable = {
  id: string;
  complaint_id: string;
  kind: string;
  method: string;
  sent_at: Timestamp;
  evidence: string;
  in_time: boolean;
  recorded_by: string;
  created_at: Timestamp;
};

export type ComplaintCodesTable = {
  dimension: 'channel' | 'business' | 'cause';
  code: string;
  name_zh: string;
  name_en: string;
  parent: string | null;
  sort: number;
  active: boolean;
  /** false until checked against the published standard (regulation.md §3: numeric list unverified). */
  verified: boolean;
};

export type ComplaintIdempotencyTable = { key: string; client: string; complaint_id: string; request_hash: string; created_at: Timestamp };

/** Evidence files, kept in the database so every app process sees them (no shared disk needed). */
export type ComplaintAttachmentsTable = {
  id: string;
  complaint_id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string;
  created_at: Timestamp;
};

/** Pre-aggregated by triggers on complaints (migration 20261127213100): merged repeats are not counted. */
export type ComplaintMonthlyCountsTable = {
  month: string;
  org_path: string;
  business_category: string;
  cause: string;
  complaints: number;
  decided: number;
  in_time: number;
};

export type ComplaintSavedViewsTable = {
  id: string;
  owner_id: string;
  owner_name: string;
  name: string;
  filters: Json<Record<string, unknown>>;
  shared: boolean;
  created_at: Generated<Date>;
};

declare module '../../../../platform/db/schema.ts' {
  interface Database {
    complaints: ComplaintsTable;
    complaint_events: ComplaintEventsTable;
    complaint_requests: ComplaintRequestsTable;
    complaint_notices: ComplaintNoticesTable;
    complaint_codes: ComplaintCodesTable;
    complaint_idempotency: ComplaintIdempotencyTable;
    complaint_attachments: ComplaintAttachmentsTable;
    complaint_monthly_counts: ComplaintMonthlyCountsTable;
    complaint_saved_views: ComplaintSavedViewsTable;
  }
}
