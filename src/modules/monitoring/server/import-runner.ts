import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { Actor, RoleCode } from '../../../kernel/actor.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import type { MonitorImportJobsTable } from './db/tables.ts';
import { parseImport } from './import-parse.ts';
import { ingestRaw } from './ingest.ts';

export const IMPORT_CHUNK = 250;
/** This process; see `worker_id`. */
const WORKER_ID = newId();
/** A running job whose heartbeat is older than this lost its worker (crash, restart) and is resumed. */
export const IMPORT_STALE_MS = 2 * 60_000;

/**
 * A running job lost its worker when its heartbeat is stale, or, on the embedded database (one
 * process holds the data directory), when another process id ran it: that process is gone.
 */
const orphaned = (deps: ModuleDeps, eb: ExpressionBuilder<Database, 'monitor_import_jobs'>, now: Date) => {
  const stale = eb('heartbeat_at', '<', new Date(now.getTime() - IMPORT_STALE_MS));
  return deps.config.databaseUrl ? stale : eb.or([stale, eb('worker_id', 'is', null), eb('worker_id', '<>', WORKER_ID)]);
};

/**
 * Claims the job (unless a live worker holds it) and ingests the rows after `processed`, chunk by
 * chunk, saving progress and the row-level errors after each. Resuming after a crash is safe: the
 * pipeline is idempotent on (source, external id), so a chunk done twice only counts as duplicates.
 */
export const claimImportJob = async (deps: ModuleDeps, id: string) => {
  const now = deps.clock.now();
  return deps.db
    .updateTable('monitor_import_jobs')
    .set({ status: 'running', heartbeat_at: now, worker_id: WORKER_ID })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), orphaned(deps, eb, now)])]))
    .returningAll()
    .executeTakeFirst();
};

export const runImportJob = async (deps: ModuleDeps, id: string): Promise<boolean> => {
  const job = await claimImportJob(deps, id);
  if (!job) return false;
  await processImportJob(deps, job);
  return true;
};

/** Ingests the rows of a claimed job after `processed`. */
export const processImportJob = async (deps: ModuleDeps, job: Selectable<MonitorImportJobsTable>): Promise<void> => {
  const id = job.id;
  const a = job.actor;
  const actor: Actor = { ...a, roles: a.roles as RoleCode[], requestId: `import-${id}`, ip: null };
  try {
    const { raw, broken } = parseImport(job.format, job.source, job.content);
    // Lines that are not JSON are reported up front (they cannot be ingested); the rest in order.
    if (job.processed === 0 && broken.length)
      await deps.db
        .updateTable('monitor_import_jobs')
        .set({ processed: broken.length, rejected: broken.length, errors: JSON.stringify(broken) })
        .where('id', '=', id)
        .execute();
    // `processed` counts the unparseable lines first, then the rows ingested so far.
    for (let o = Math.max(0, job.processed - broken.length); o < raw.length; o += IMPORT_CHUNK) {
      const chunk = raw.slice(o, o + IMPORT_CHUNK);
      const r = await ingestRaw(deps, actor, chunk, 'file');
      await sql`update monitor_import_jobs set processed = ${broken.length + o + chunk.length}, accepted = accepted + ${r.accepted},
        duplicate = duplicate + ${r.duplicate}, rejected = rejected + ${r.rejected},
        errors = errors || ${JSON.stringify(r.errors)}::jsonb, heartbeat_at = ${deps.clock.now()} where id = ${id}`.execute(deps.db);
      // Let requests waiting for the (embedded, single-connection) database in between chunks.
      await new Promise((r) => setTimeout(r, 10));
    }
    await deps.db.updateTable('monitor_import_jobs').set({ status: 'done', content: '', finished_at: deps.clock.now() }).where('id', '=', id).execute();
  } catch (e) {
    const reason = `import_failed: ${(e as Error).message.slice(0, 300)}`;
    await sql`update monitor_import_jobs set status = 'failed', content = '', finished_at = ${deps.clock.now()},
      errors = errors || ${JSON.stringify([{ index: 0, externalId: null, reason }])}::jsonb where id = ${id}`.execute(deps.db);
  }
};

/** Resumes queued jobs and jobs whose worker died (run every minute by the import-resume job). */
export const resumeImportJobs = async (deps: ModuleDeps): Promise<number> => {
  const now = deps.clock.now();
  const open = await deps.db
    .selectFrom('monitor_import_jobs')
    .select('id')
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), orphaned(deps, eb, now)])]))
    .orderBy('created_at')
    .execute();
  let n = 0;
  for (const j of open) if (await runImportJob(deps, j.id)) n++;
  return n;
};
