import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../../platform/db/migrate.ts';
import { addSearchColumns } from '../../../../platform/search/index.ts';
import { CODEBOOK } from '../domain/codebook.ts';

export const complaintMigrations: MigrationSet = {
  '20261127010000_complaints_base': {
    async up(db: Kysely<unknown>) {
      await sql`create sequence complaint_tracking_seq`.execute(db);
      await db.schema
        .createTable('complaints')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('regulator_ticket', 'text')
        .addColumn('received_at', 'timestamptz', (c) => c.notNull())
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('receiving_org_id', 'uuid', (c) => c.notNull())
        .addColumn('first_responder_id', 'uuid')
        .addColumn('first_responder_name', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'uuid')
        .addColumn('owner_name', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('complainant_name', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('id_number', 'text')
        .addColumn('party', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('request', 'text', (c) => c.notNull())
        .addColumn('business_category', 'text')
        .addColumn('cause', 'text')
        .addColumn('flags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('group_size', 'integer')
        .addColumn('deadline', 'date', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('decision', 'jsonb')
        .addColumn('root_cause', 'text')
        .addColumn('rectification', 'text')
        .addColumn('merged_into', 'uuid')
        .addColumn('closed_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create index complaints_scope_status on complaints (org_path text_pattern_ops, status, deadline)`.execute(db);
      await sql`create index complaints_owner on complaints (owner_id, status)`.execute(db);
      await sql`create index complaints_received on complaints (received_at desc)`.execute(db);
      await sql`create index complaints_phone on complaints (phone)`.execute(db);

      await db.schema
        .createTable('complaint_events')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('complaint_id', 'uuid', (c) => c.notNull().references('complaints.id'))
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'uuid')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .execute();
      await db.schema.createIndex('complaint_events_case').on('complaint_events').columns(['complaint_id', 'id']).execute();

      await db.schema
        .createTable('complaint_requests')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('complaint_id', 'uuid', (c) => c.notNull().references('complaints.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('data', 'jsonb', (c) => c.notNull())
        .addColumn('requested_by', 'uuid', (c) => c.notNull())
        .addColumn('requested_by_name', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'uuid')
        .addColumn('decided_by', 'uuid')
        .addColumn('decided_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create unique index complaint_requests_one_pending on complaint_requests (complaint_id, kind) where status = 'pending'`.execute(db);
      await db.schema.createIndex('complaint_requests_assignee').on('complaint_requests').columns(['assignee_id', 'status']).execute();

      await db.schema
        .createTable('complaint_notices')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('complaint_id', 'uuid', (c) => c.notNull().references('complaints.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('in_time', 'boolean', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();

      await db.schema
        .createTable('complaint_codes')
        .addColumn('dimension', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('parent', 'text')
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
        .addColumn('verified', 'boolean', (c) => c.notNull().defaultTo(false))
        .addPrimaryKeyConstraint('complaint_codes_pk', ['dimension', 'code'])
        .execute();
      const rows = CODEBOOK.map((c, i) => ({ ...c, sort: i, active: true, verified: false }));
      await (db as Kysely<{ complaint_codes: (typeof rows)[number] }>).insertInto('complaint_codes').values(rows).execute();

      await db.schema
        .createTable('complaint_idempotency')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('client', 'text', (c) => c.notNull())
        .addColumn('complaint_id', 'uuid', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('complaint_idempotency_pk', ['client', 'key'])
        .execute();
    },
  },
  '20261127010100_complaints_search': {
    async up(db: Kysely<unknown>) {
      await addSearchColumns(db, 'complaints');
    },
  },
  '20261127010200_complaints_open_by_owner': {
    async up(db: Kysely<unknown>) {
      // Routing counts each handler's open cases on every intake; closed history must not be scanned.
      await sql`create index complaints_open_by_owner on complaints (owner_id) where status in ('registered','accepted','in_progress','paused','decision_drafted','in_review')`.execute(
        db,
      );
    },
  },
  '20261127010300_complaint_attachments': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('complaint_attachments')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('complaint_id', 'uuid', (c) => c.notNull().references('complaints.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', 'bytea', (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('complaint_attachments_case').on('complaint_attachments').column('complaint_id').execute();
    },
  },
  '20261127020000_complaints_phone_received': {
    async up(db: Kysely<unknown>) {
      // Repeat detection asks for a phone's newest receipt on every intake: one index probe.
      await sql`create index complaints_phone_received on complaints (phone, received_at desc)`.execute(db);
      await sql`drop index complaints_phone`.execute(db);
    },
  },
};
