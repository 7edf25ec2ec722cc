import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../../platform/db/migrate.ts';

const BASE = `
        create table outreach_customers (
          id uuid primary key, name text not null, mobile text, email text, wechat_openid text,
          age_band text not null, gender text not null, occupation text not null,
          home_org_id uuid not null, home_org_code text not null, org_path text not null,
          consents text[] not null default '{}', opt_outs text[] not null default '{}', import_id uuid,
          created_at timestamptz not null default now(), updated_at timestamptz not null default now());
        create unique index outreach_customers_mobile on outreach_customers (mobile) where mobile is not null;
        create index outreach_customers_scope on outreach_customers (org_path text_pattern_ops);
        create index outreach_customers_age on outreach_customers (age_band);

        create table outreach_imports (
          id uuid primary key, file_name text not null, status text not null, total int not null default 0,
          processed int not null default 0, imported int not null default 0, duplicates int not null default 0,
          errors jsonb not null default '[]', pending jsonb, org_id uuid not null, org_path text not null,
          created_by text not null, created_at timestamptz not null default now(), finished_at timestamptz, heartbeat_at timestamptz);

        create table outreach_behaviours (
          id bigserial primary key, kind text not null, mobile text not null, ref_id text not null,
          ref_title text not null, score double precision, category text, source_event_id bigint not null,
          at timestamptz not null default now());
        create unique index outreach_behaviours_event on outreach_behaviours (source_event_id, kind);
        create index outreach_behaviours_lookup on outreach_behaviours (kind, mobile);
        create index outreach_behaviours_ref on outreach_behaviours (kind, ref_id);

        create table outreach_event_invites (
          event_id text primary key, campaign_id text not null, title text not null, starts_at timestamptz not null,
          venue_name text not null, org_id text not null, org_path text not null, public_path text not null,
          created_at timestamptz not null default now());

        create table outreach_segments (
          id uuid primary key, name text not null, description text not null default '', rule jsonb not null,
          last_count int, last_counted_at timestamptz, org_id uuid not null, org_path text not null,
          created_by text not null, created_at timestamptz not null default now(), updated_at timestamptz not null default now());

        create table outreach_pushes (
          id uuid primary key, title text not null, body text not null, content_kind text not null, content_ref text,
          link_path text, segment_id uuid not null references outreach_segments(id), channels text[] not null,
          status text not null, scheduled_at timestamptz, started_at timestamptz, finished_at timestamptz,
          recipients int not null default 0, org_id uuid not null, org_path text not null, created_by text not null,
          created_at timestamptz not null default now());
        create index outreach_pushes_scope on outreach_pushes (org_path text_pattern_ops, created_at desc);

        create table outreach_deliveries (
          id bigserial primary key, push_id uuid not null references outreach_pushes(id), customer_id uuid not null,
          channel text not null, address text, status text not null, skip_reason text, attempts int not null default 0,
          next_attempt_at timestamptz not null default now(), lease_until timestamptz, last_error text, provider_id text,
          sent_at timestamptz, delivered_at timestamptz, opened_at timestamptz, clicked_at timestamptz);
        create unique index outreach_deliveries_once on outreach_deliveries (push_id, customer_id, channel);
        create index outreach_deliveries_due on outreach_deliveries (push_id, next_attempt_at) where status in ('queued', 'sending');
        create index outreach_deliveries_recent on outreach_deliveries (customer_id, sent_at) where sent_at is not null;
        create index outreach_deliveries_rate on outreach_deliveries (channel, sent_at) where sent_at is not null;

        create table outreach_inbox (
          id bigserial primary key, customer_id uuid not null, push_id uuid not null, delivery_id bigint not null unique,
          title text not null, body text not null, link_path text, created_at timestamptz not null default now(), read_at timestamptz);
        create index outreach_inbox_customer on outreach_inbox (customer_id, created_at desc);

        create table outreach_settings (key text primary key, value jsonb not null, updated_at timestamptz not null default now());

        create table outreach_risk_alerts (
          id uuid primary key, fraud_type text not null, title text not null, what_happens text not null,
          how_to_protect text not null, where_to_report text not null, keywords text[] not null default '{}',
          status text not null, author_id uuid, author_name text not null, reviewer_id uuid, reviewer_name text,
          review_comment text, cited_incident_id text, cited_note text, published_at timestamptz,
          org_id uuid not null, org_path text not null, created_at timestamptz not null default now(),
          updated_at timestamptz not null default now());
        create index outreach_risk_alerts_published on outreach_risk_alerts (published_at desc) where status = 'published';
`;

/** Plain SQL: the set-based insert and the claim query are tuned against these indexes. */
export const outreachMigrations: MigrationSet = {
  '20261127210000_outreach_base': {
    async up(db: Kysely<unknown>) {
      // One statement per call: PGlite's extended protocol takes a single statement.
      for (const stmt of BASE.split(/;\s*\n/).filter((x) => x.trim())) await sql.raw(stmt).execute(db);
    },
  },
};
