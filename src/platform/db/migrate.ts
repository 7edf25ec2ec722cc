import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

/**
 * Forward-only migrations. Every module contributes a map of timestamp-named migrations;
 * they run in one global order by name, each in its own transaction. There are no `down`s:
 * a mistake is fixed by a new migration.
 */
export type MigrationSet = Record<string, Migration>;

export const collectMigrations = (sets: MigrationSet[]): MigrationSet => {
  const all: MigrationSet = {};
  for (const set of sets) {
    for (const [name, m] of Object.entries(set)) {
      if (!/^\d{14}_[a-z0-9_]+$/.test(name)) throw new Error(`migration name must be YYYYMMDDHHMMSS_snake: ${name}`);
      if (all[name]) throw new Error(`duplicate migration ${name}`);
      all[name] = m;
    }
  }
  return all;
};

export const migrateToLatest = async (db: Kysely<unknown>, migrations: MigrationSet): Promise<string[]> => {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db, provider, migrationTableName: 'xb_migrations', migrationLockTableName: 'xb_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
};
