import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../../platform/db/migrate.ts';

const now = sql`now()`;
const emptyArray = sql`'{}'`;

export const campaignMigrations: MigrationSet = {
  '20261127200000_campaigns_base': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cmp_campaigns')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('theme', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('audiences', sql`text[]`, (c) => c.notNull().defaultTo(emptyArray))
        .addColumn('goals', 'jsonb', (c) => c.notNull())
        .addColumn('quiz_ids', sql`text[]`, (c) => c.notNull().defaultTo(emptyArray))
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .execute();
      await sql`create index cmp_campaigns_scope on cmp_campaigns (org_path text_pattern_ops, starts_on desc)`.execute(db);

      await db.schema
        .createTable('cmp_events')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('cmp_campaigns.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('venue_type', 'text', (c) => c.notNull())
        .addColumn('venue_name', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
        .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
        .addColumn('registration_closes_at', 'timestamptz', (c) => c.notNull())
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('audiences', sql`text[]`, (c) => c.notNull().defaultTo(emptyArray))
        .addColumn('speakers', 'jsonb', (c) => c.notNull())
        .addColumn('materials', sql`text[]`, (c) => c.notNull().defaultTo(emptyArray))
        .addColumn('report_summary', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('extra_reach', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('quiz_participants', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('report_by', 'text')
        .addColumn('report_at', 'timestamptz')
        .addColumn('published_at', 'timestamptz')
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .execute();
      await sql`create index cmp_events_campaign on cmp_events (campaign_id, starts_at)`.execute(db);
      await sql`create index cmp_events_scope on cmp_events (org_path text_pattern_ops, starts_at desc)`.execute(db);
      await sql`create index cmp_events_open on cmp_events (starts_at) where status = 'open'`.execute(db);

      await db.schema
        .createTable('cmp_registrations')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('event_id', 'uuid', (c) => c.notNull().references('cmp_events.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('audience', 'text')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('walk_in', 'boolean', (c) => c.notNull())
        .addColumn('checked_in_at', 'timestamptz')
        .addColumn('checked_in_by', 'text')
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addUniqueConstraint('cmp_registrations_event_phone', ['event_id', 'phone'])
        .execute();

      await db.schema
        .createTable('cmp_photos')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('event_id', 'uuid', (c) => c.notNull().references('cmp_events.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('caption', 'text', (c) => c.notNull())
        .addColumn('content', 'bytea', (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .execute();
      await sql`create index cmp_photos_event on cmp_photos (event_id)`.execute(db);

      await db.schema
        .createTable('cmp_assists')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('event_id', 'uuid', (c) => c.references('cmp_events.id'))
        .addColumn('customer_name', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('age', 'integer')
        .addColumn('topics', sql`text[]`, (c) => c.notNull())
        .addColumn('explained', 'text', (c) => c.notNull())
        .addColumn('follow_up', 'text', (c) => c.notNull())
        .addColumn('follow_up_due', 'text')
        .addColumn('follow_up_done_at', 'timestamptz')
        .addColumn('staff_id', 'uuid')
        .addColumn('staff_name', 'text', (c) => c.notNull())
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .execute();
      await sql`create index cmp_assists_scope on cmp_assists (org_path text_pattern_ops, created_at desc)`.execute(db);

      await db.schema
        .createTable('cmp_quiz_attempts')
        .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('cmp_campaigns.id'))
        .addColumn('attempt_id', 'text', (c) => c.notNull())
        .addColumn('quiz_id', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addPrimaryKeyConstraint('cmp_quiz_attempts_pk', ['campaign_id', 'attempt_id'])
        .execute();
    },
  },
};
