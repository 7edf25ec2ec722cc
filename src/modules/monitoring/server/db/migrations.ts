import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../../platform/db/migrate.ts';
import { addSearchColumns } from '../../../../platform/search/index.ts';

export const monitoringMigrations: MigrationSet = {
  '20261127030000_monitoring_base': {
    async up(db: Kysely<unknown>) {
      await sql`create table monitor_sources (
        id uuid primary key, code text not null unique, name text not null, kind text not null, url text,
        media_tier text not null, enabled boolean not null default true, poll_minutes integer not null default 15,
        org_id uuid not null, org_path text not null, etag text, last_modified text,
        last_polled_at timestamptz, last_ok_at timestamptz, last_error text, last_error_code text,
        consecutive_failures integer not null default 0, next_poll_at timestamptz, post_count integer not null default 0,
        created_at timestamptz not null default now())`.execute(db);
      await sql`create table monitor_stories (
        id uuid primary key, title text not null, simhash text not null, first_seen_at timestamptz not null,
        last_seen_at timestamptz not null, post_count integer not null default 0, org_path text not null)`.execute(db);
      await sql`create index monitor_stories_recent on monitor_stories (last_seen_at desc)`.execute(db);
      await sql`create table monitor_posts (
        id uuid primary key, source_id uuid not null references monitor_sources(id), external_id text not null,
        url text, author text, published_at timestamptz not null, first_seen_at timestamptz not null, title text, text text not null,
        reposts bigint not null default 0, comments bigint not null default 0, likes bigint not null default 0, followers bigint not null default 0,
        media_tier text not null, sentiment text not null, sentiment_score real not null, negative boolean not null,
        negative_entities text[] not null default '{}', fraud_type text, simhash text not null,
        story_id uuid not null references monitor_stories(id), keywords text[] not null default '{}',
        watchlist_ids text[] not null default '{}', grade text, grade_rule text, org_id uuid not null, org_path text not null,
        unique (source_id, external_id))`.execute(db);
      await addSearchColumns(db, 'monitor_posts');
      await sql`create index monitor_posts_published on monitor_posts (published_at desc)`.execute(db);
      await sql`create index monitor_posts_story on monitor_posts (story_id, published_at)`.execute(db);
      await sql`create index monitor_posts_watchlists on monitor_posts using gin (watchlist_ids)`.execute(db);
      await sql`create table monitor_watchlists (
        id uuid primary key, name text not null, kind text not null, query text not null, spike_k real not null default 3,
        spike_min_count integer not null default 5, enabled boolean not null default true, org_id uuid not null, org_path text not null,
        created_at timestamptz not null default now())`.execute(db);
      await sql`create table monitor_grade_rules (
        id uuid primary key, grade text not null, name text not null, priority integer not null, condition jsonb not null,
        enabled boolean not null default true, org_path text not null)`.execute(db);
      await sql`create table monitor_clock_policies (grade text not null, org_path text not null, clocks jsonb not null, primary key (grade, org_path))`.execute(
        db,
      );
      await sql`create table monitor_alerts (
        id uuid primary key, kind text not null, subject_type text not null, subject_id uuid not null, subject_name text not null,
        dedupe_key text not null unique, grade text, window_start timestamptz not null, count integer not null,
        baseline_mean real not null, baseline_sd real not null, threshold real not null, explanation jsonb not null,
        status text not null default 'open', acknowledged_by uuid, acknowledged_by_name text, acknowledged_at timestamptz,
        incident_id uuid, org_path text not null, created_at timestamptz not null default now())`.execute(db);
      await sql`create index monitor_alerts_subject on monitor_alerts (subject_id, created_at desc)`.execute(db);
      await sql`create table monitor_channels (
        id uuid primary key, kind text not null, name text not null, url text not null, enabled boolean not null default true, org_path text not null)`.execute(
        db,
      );
      await sql`create table monitor_deliveries (
        id bigserial primary key, alert_id uuid not null references monitor_alerts(id), channel_id uuid not null references monitor_channels(id),
        status text not null default 'pending', attempts integer not null default 0, last_error text,
        next_attempt_at timestamptz not null default now(), delivered_at timestamptz, unique (alert_id, channel_id))`.execute(db);
      await sql`create table monitor_incidents (
        id uuid primary key, title text not null, grade text not null, status text not null, owner_id uuid, owner_name text not null,
        alert_id uuid references monitor_alerts(id), story_id uuid, org_id uuid not null, org_path text not null,
        opened_at timestamptz not null, clocks jsonb not null, findings jsonb, decision jsonb, response jsonb, review jsonb,
        closed_at timestamptz, updated_at timestamptz not null default now())`.execute(db);
      await sql`create table monitor_incident_events (
        id bigserial primary key, incident_id uuid not null references monitor_incidents(id), at timestamptz not null,
        type text not null, actor_id uuid, actor_name text not null, data jsonb not null default '{}'::jsonb)`.execute(db);
      await sql`create table monitor_referrals (
        id uuid primary key, incident_id uuid not null references monitor_incidents(id), partner_kind text not null, partner text not null,
        shared text not null, reference text, outcome text, created_by_name text not null, created_at timestamptz not null default now())`.execute(db);
      await sql`create table monitor_incident_complaints (
        incident_id uuid not null references monitor_incidents(id), complaint_id uuid not null, tracking_code text not null, title text not null,
        linked_by_name text not null, linked_at timestamptz not null default now(), primary key (incident_id, complaint_id))`.execute(db);
      await sql`create index monitor_incident_complaints_complaint on monitor_incident_complaints (complaint_id)`.execute(db);
    },
  },
  '20261127200000_monitoring_import_jobs': {
    async up(db: Kysely<unknown>) {
      // The file's text stays in the row until the job finishes, so a restarted worker can resume it.
      await sql`create table monitor_import_jobs (
        id uuid primary key, format text not null, source text not null, file_name text, content text not null,
        total integer not null, processed integer not null default 0, accepted integer not null default 0,
        duplicate integer not null default 0, rejected integer not null default 0, errors jsonb not null default '[]'::jsonb,
        status text not null default 'queued', actor jsonb not null, created_by_name text not null,
        org_id text not null, org_path text not null, created_at timestamptz not null default now(),
        worker_id text, heartbeat_at timestamptz, finished_at timestamptz)`.execute(db);
      await sql`create index monitor_import_jobs_open on monitor_import_jobs (status) where status in ('queued', 'running')`.execute(db);
    },
  },
};
