import { type Kysely, sql } from 'kysely';

/**
 * For a module's migration: adds `search_text text` and `search_terms tsvector` (both NOT NULL,
 * empty by default) with their GIN indexes (pg_trgm on the text, plain GIN on the tsvector).
 * pg_trgm is created by the platform migration. Fill the columns with `buildSearchDocument`.
 */
export const addSearchColumns = async (db: Kysely<unknown>, table: string): Promise<void> => {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`addSearchColumns: bad table name ${table}`);
  await sql`alter table ${sql.table(table)}
    add column search_text text not null default '',
    add column search_terms tsvector not null default ''::tsvector`.execute(db);
  await sql`create index ${sql.id(`${table}_search_trgm`)} on ${sql.table(table)} using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index ${sql.id(`${table}_search_terms`)} on ${sql.table(table)} using gin (search_terms)`.execute(db);
};

/** Column types to put in the module's `Database` augmentation. */
export type SearchColumns = { search_text: string; search_terms: string };
