import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope, inScope } from '../../../../platform/scope.ts';
import type { TImportJob } from '../../contract.ts';
import type { MonitorImportJobsTable } from '../db/tables.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

const COLUMNS = [
  'id',
  'status',
  'format',
  'source',
  'file_name',
  'total',
  'processed',
  'accepted',
  'duplicate',
  'rejected',
  'errors',
  'created_by_name',
  'created_at',
  'finished_at',
  'org_path',
] as const;
type Row = {
  [K in (typeof COLUMNS)[number]]: MonitorImportJobsTable[K] extends import('kysely').ColumnType<infer S, unknown, unknown> ? S : MonitorImportJobsTable[K];
};

const present = (j: Row, withErrors: boolean): TImportJob => ({
  id: j.id,
  status: j.status,
  format: j.format,
  source: j.source,
  fileName: j.file_name,
  total: j.total,
  processed: j.processed,
  accepted: j.accepted,
  duplicate: j.duplicate,
  rejected: j.rejected,
  errors: withErrors ? [...j.errors].sort((a, b) => a.index - b.index) : [],
  createdBy: j.created_by_name,
  createdAt: j.created_at.toISOString(),
  finishedAt: j.finished_at ? j.finished_at.toISOString() : null,
});

/** One import's progress and its row-level report (the page polls this). */
export const getImportJob = async (deps: ModuleDeps, actor: Actor, id: string): Promise<TImportJob> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  const j = await deps.db.selectFrom('monitor_import_jobs').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  assertInScope(actor, j);
  return present(j as Row, true);
};

/** The latest imports of the actor's subtree (without their error lists). */
export const listImportJobs = async (deps: ModuleDeps, actor: Actor): Promise<{ items: TImportJob[] }> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  const rows = await deps.db.selectFrom('monitor_import_jobs').select(COLUMNS).where(inScope(actor)).orderBy('created_at', 'desc').limit(20).execute();
  return { items: rows.map((r) => present(r as Row, false)) };
};
