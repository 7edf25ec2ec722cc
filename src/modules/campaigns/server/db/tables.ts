import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../../../platform/db/schema.ts';
import type { TAudience, TChannel, TEventStatus, TGoals, TTheme, TVenue } from '../../contract.ts';

/** A campaign (宣传活动): a theme, a period, audiences and goals, owned by an org. */
export type CmpCampaignsTable = {
  id: string;
  theme: TTheme;
  title: string;
  description: string;
  /** ISO dates (YYYY-MM-DD), stored as text so both engines return the same string. */
  starts_on: string;
  ends_on: string;
  audiences: TAudience[];
  goals: Json<TGoals>;
  quiz_ids: string[];
  org_id: string;
  org_path: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type Speaker = { name: string; kind: 'staff' | 'partner'; organisation: string };

/** One event of a campaign; org_path is the running org's (an outlet for 网点 events), which scopes check-in. */
export type CmpEventsTable = {
  id: string;
  campaign_id: string;
  title: string;
  status: TEventStatus;
  venue_type: TVenue;
  venue_name: string;
  address: string;
  description: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  registration_closes_at: Timestamp;
  capacity: number;
  audiences: TAudience[];
  speakers: Json<Speaker[]>;
  materials: string[];
  report_summary: Generated<string>;
  extra_reach: Generated<number>;
  quiz_participants: Generated<number>;
  report_by: Generated<string | null>;
  report_at: NullableTimestamp;
  published_at: NullableTimestamp;
  org_id: string;
  org_path: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A person at an event: registered (portal or staff) or a walk-in; `code` is the secret the QR code carries. */
export type CmpRegistrationsTable = {
  id: string;
  event_id: string;
  name: string;
  phone: string;
  audience: TAudience | null;
  channel: TChannel;
  code: string;
  status: 'registered' | 'checked_in';
  walk_in: boolean;
  checked_in_at: NullableTimestamp;
  checked_in_by: string | null;
  org_path: string;
  created_at: Timestamp;
};

export type CmpPhotosTable = {
  id: string;
  event_id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  caption: string;
  content: Buffer;
  uploaded_by: string;
  org_path: string;
  created_at: Timestamp;
};

/** 一对一帮扶: what was explained to an (elderly) customer and the follow-up owed. */
export type CmpAssistsTable = {
  id: string;
  event_id: string | null;
  customer_name: string;
  phone: string | null;
  age: number | null;
  topics: string[];
  explained: string;
  follow_up: string;
  follow_up_due: string | null;
  follow_up_done_at: NullableTimestamp;
  staff_id: string | null;
  staff_name: string;
  org_id: string;
  org_path: string;
  created_at: Timestamp;
};

/** Submitted education quiz attempts counted for a campaign (from education.attempt_submitted). */
export type CmpQuizAttemptsTable = {
  campaign_id: string;
  attempt_id: string;
  quiz_id: string;
  at: Timestamp;
};

declare module '../../../../platform/db/schema.ts' {
  interface Database {
    cmp_campaigns: CmpCampaignsTable;
    cmp_events: CmpEventsTable;
    cmp_registrations: CmpRegistrationsTable;
    cmp_photos: CmpPhotosTable;
    cmp_assists: CmpAssistsTable;
    cmp_quiz_attempts: CmpQuizAttemptsTable;
  }
}
