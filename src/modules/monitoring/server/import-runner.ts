import { sql } from 'kysely';
import type { Actor, RoleCode } from '../../../kernel/actor.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { parseImport } from './import-parse.ts';
import { ingestRaw } from './ingest.ts';

export const IMPORT_CHUNK = 250;
/** A running job whose heartbeat is older than this lost its worker (crash, restart) and is resumed. */
export const IMPORT_STALE_MS = 2 * 60_000;

/**
 * Claims the job (unless a live worker holds it) and ingests the rows after `processed`, chunk by
 * chunk, saving progress and the row-level errors after each. Resuming after a crash is safe: the
 * pipeline is idempotent on (source, external id), so a chunk done twice only counts as duplicates.
 */
export const runImportJob = async (deps: ModuleDeps, id: string): Promise<boolean> => {
  const now = deps.clock.now();
  const job = await deps.db
    .updateTable('monitor_import_jobs')
    .set({ status: 'running', heartbeat_at: now })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', new Date(now.getTime() - IMPORT_STALE_MS))])]),
    )
    .returningAll()
    .executeTakeFirst();
  if (!job) return false;
  const a = job.actor;
  const actor: Actor = { ...a, roles: a.roles as RoleCode[], requestId: `import-${id}`, ip: null };
  try {
    const { raw, broken } = parseImport(job.format, job.source, job.content);
    // Lines that are not JSON are reported up front (they cannot be ingested); the rest in order.
    if (job.processed === 0 && broken.length)
      await deps.db
        .updateTable('monitor_import_jobs')
        .set({ rejected: broken.length, errors: JSON.stringify(broken) })
        .where('id', '=', id)
        .execute();
    for (let o = job.processed; o < raw.length; o += IMPORT_CHUNK) {
      const chunk = raw.slice(o, o + IMPORT_CHUNK);
      const r = await ingestRaw(deps, actor, chunk, 'file');
      await sql`update monitor_import_jobs set processed = ${o + chunk.length}, accepted = accepted + ${r.accepted},
        duplicate = duplicate + ${r.duplicate}, rejected = rejected + ${r.rejected},
        errors = errors || ${JSON.stringify(r.errors)}::jsonb, heartbeat_at = ${deps.clock.now()} where id = ${id}`.execute(deps.db);
    }
    await deps.db.updateTable('monitor_import_jobs').set({ status: 'done', content: '', finished_at: deps.clock.now() }).where('id', '=', id).execute();
  } catch (e) {
    const reason = `import_failed: ${(e as Error).message.slice(0, 300)}`;
    await sql`update monitor_import_jobs set status = 'failed', content = '', finished_at = ${deps.clock.now()},
      errors = errors || ${JSON.stringify([{ index: 0, externalId: null, reason }])}::jsonb where id = ${id}`.execute(deps.db);
  }
  return true;
};

/** Resumes queued jobs and jobs whose worker died (run every minute by the import-resume job). */
export const resumeImportJobs = async (deps: ModuleDeps): Promise<number> => {
  const stale = new Date(deps.clock.now().getTime() - IMPORT_STALE_MS);
  const open = await deps.db
    .selectFrom('monitor_import_jobs')
    .select('id')
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', stale)])]))
    .orderBy('created_at')
    .execute();
  let n = 0;
  for (const j of open) if (await runImportJob(deps, j.id)) n++;
  return n;
};
