import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../../platform/db/migrate.ts';

export const identityMigrations: MigrationSet = {
  '20261127000100_identity_base': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('orgs')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text')
        .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('head_office','branch','sub_branch','outlet','department')`))
        .addColumn('parent_id', 'uuid', (c) => c.references('orgs.id'))
        .addColumn('path', 'text', (c) => c.notNull().unique())
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('address', 'text')
        .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create index orgs_path_prefix on orgs (path text_pattern_ops)`.execute(db);

      await db.schema
        .createTable('users')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('employee_no', 'text')
        .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id'))
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('password_changed_at', 'timestamptz')
        .addColumn('totp_secret', 'text')
        .addColumn('totp_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'timestamptz')
        .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
        .addColumn('last_login_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create unique index users_username_lower on users (lower(username))`.execute(db);
      await sql`create index users_org_path on users (org_path text_pattern_ops)`.execute(db);

      await db.schema
        .createTable('memberships')
        .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id'))
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('roles', sql`text[]`, (c) => c.notNull())
        .addColumn('is_primary', 'boolean', (c) => c.notNull().defaultTo(false))
        .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'org_id'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('active_org_id', 'uuid', (c) => c.notNull().references('orgs.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
    },
  },
  '20261127000200_identity_api_keys': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id'))
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('scopes', sql`text[]`, (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('revoked_at', 'timestamptz')
        .execute();
    },
  },
};
