import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

/**
 * The database type. Each module adds its own tables by module augmentation
 * (`declare module '.../schema.ts' { interface Database { … } }`) in its own db/ folder,
 * so the platform never imports a module and modules never see each other's tables.
 */
export interface Database extends PlatformTables {}

/** timestamptz; optional on insert because every such column has a default or is set by the writer. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type Json<T = unknown> = ColumnType<T, string, string>;

export type PlatformTables = {
  audit_log: {
    seq: Generated<number>;
    at: Timestamp;
    actor_id: string | null;
    actor_name: string;
    org_id: string | null;
    action: string;
    target_type: string;
    target_id: string | null;
    diff: Json<Record<string, unknown> | null>;
    ip: string | null;
    request_id: string;
    prev_hash: string;
    hash: string;
  };
  domain_events: {
    id: Generated<number>;
    at: Timestamp;
    name: string;
    payload: Json<Record<string, unknown>>;
    actor_id: string | null;
    request_id: string;
    dispatched_at: Date | null;
    attempts: Generated<number>;
    last_error: string | null;
  };
};

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** A query runner that may or may not be inside a transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
