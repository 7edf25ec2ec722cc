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
  '20261127213000_complaints_phone_received': {
    async up(db: Kysely<unknown>) {
      // Repeat detection asks for a phone's newest receipt on every intake: one index probe.
      await sql`create index complaints_phone_received on complaints (phone, received_at desc)`.execute(db);
      await sql`drop index complaints_phone`.execute(db);
    },
  },
  '20261127213100_complaints_monthly_counts': {
    async up(db: Kysely<unknown>) {
      // The regulatory table must stay fast at millions of cases: counts per month, org and
      // JR/T 0169 codes, kept by statement-level triggers in the same transaction as every change
      // of a case (so no code path can forget them; a multi-row insert costs one upsert). Free space
      // on each page (fillfactor) lets the frequent count updates stay HOT.
      await sql`alter table complaints add column decision_notices integer not null default 0, add column decision_notices_in_time integer not null default 0`.execute(
        db,
      );
      await sql`update complaints c set decision_notices = n.all_n, decision_notices_in_time = n.in_time_n
        from (select complaint_id, count(*)::int as all_n, (count(*) filter (where in_time))::int as in_time_n from complaint_notices where kind = 'decision' group by complaint_id) n
        where n.complaint_id = c.id`.execute(db);
      await sql`create table complaint_monthly_counts (
        month date not null, org_path text not null, business_category text not null, cause text not null,
        complaints integer not null, decided integer not null, in_time integer not null,
        primary key (month, org_path, business_category, cause)) with (fillfactor = 70)`.execute(db);
      const key = (t: string) =>
        `(date_trunc('month', ${t}.received_at at time zone 'Asia/Shanghai'))::date, ${t}.org_path, coalesce(${t}.business_category, 'B99'), coalesce(${t}.cause, 'C99')`;
      const upsert = (select: string) => `insert into complaint_monthly_counts as m (month, org_path, business_category, cause, complaints, decided, in_time)
          ${select}
          on conflict (month, org_path, business_category, cause) do update
          set complaints = m.complaints + excluded.complaints, decided = m.decided + excluded.decided, in_time = m.in_time + excluded.in_time`;
      await sql
        .raw(
          `create function complaint_counts_apply() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            ${upsert(`select ${key('r')}, count(*), sum(r.decision_notices), sum(r.decision_notices_in_time) from new_rows r where r.status <> 'merged' group by 1, 2, 3, 4`)};
          elsif tg_op = 'DELETE' then
            ${upsert(`select ${key('r')}, -count(*), -sum(r.decision_notices), -sum(r.decision_notices_in_time) from old_rows r where r.status <> 'merged' group by 1, 2, 3, 4`)};
          else
            ${upsert(`select ${key('r')}, sum(r.s), sum(r.s * r.decision_notices), sum(r.s * r.decision_notices_in_time)
              from (select 1 as s, n.* from new_rows n union all select -1 as s, o.* from old_rows o) r
              where r.status <> 'merged' group by 1, 2, 3, 4
              having sum(r.s) <> 0 or sum(r.s * r.decision_notices) <> 0 or sum(r.s * r.decision_notices_in_time) <> 0`)};
          end if;
          return null;
        end $$`,
        )
        .execute(db);
      await sql`create trigger complaint_counts_ins after insert on complaints referencing new table as new_rows for each statement execute function complaint_counts_apply()`.execute(
        db,
      );
      await sql`create trigger complaint_counts_upd after update on complaints referencing old table as old_rows new table as new_rows for each statement execute function complaint_counts_apply()`.execute(
        db,
      );
      await sql`create trigger complaint_counts_del after delete on complaints referencing old table as old_rows for each statement execute function complaint_counts_apply()`.execute(
        db,
      );
      // A decision notice counts towards timeliness through its case's row (and so moves with its codes).
      await sql`create function complaint_notice_counts() returns trigger language plpgsql as $$
        begin
          update complaints c set decision_notices = c.decision_notices + n.all_n, decision_notices_in_time = c.decision_notices_in_time + n.in_time_n
          from (select complaint_id, count(*)::int as all_n, (count(*) filter (where in_time))::int as in_time_n
                from new_rows where kind = 'decision' group by complaint_id) n
          where c.id = n.complaint_id;
          return null;
        end $$`.execute(db);
      await sql`create trigger complaint_notice_counts after insert on complaint_notices referencing new table as new_rows for each statement execute function complaint_notice_counts()`.execute(
        db,
      );
      await sql
        .raw(
          upsert(
            `select ${key('r')}, count(*), sum(r.decision_notices), sum(r.decision_notices_in_time) from complaints r where r.status <> 'merged' group by 1, 2, 3, 4`,
          ),
        )
        .execute(db);
    },
  },
  '20261127213200_complaint_saved_views': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('complaint_saved_views')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('owner_id', 'uuid', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('filters', 'jsonb', (c) => c.notNull())
        .addColumn('shared', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create unique index complaint_saved_views_name on complaint_saved_views (owner_id, name)`.execute(db);
      await sql`create index complaint_saved_views_shared on complaint_saved_views (shared) where shared`.execute(db);
    },
  },
};
